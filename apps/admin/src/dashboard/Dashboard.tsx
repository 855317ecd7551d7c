import { Alert, Box, Button, Card, CardActions, CardContent, Grid, Typography } from '@mui/material';
import BusinessIcon from '@mui/icons-material/Business';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { LinkBase, Title, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import { isAllianceRole } from '../providers/permissions';
import { OwnPeopleCard, PeopleCountsCard } from './PeopleCard';

/** A welcome card for now; the real dashboard (campaign progress, counts) comes in a later issue. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess: canReviewApplications } = useCanAccess({ action: 'list', resource: 'applications' });

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="ra.page.dashboard" />
      <Card>
        <CardContent>
          <Typography component="h1" variant="h5" gutterBottom>
            {translate('unidos.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography variant="body1" color="text.secondary">
            {translate('unidos.dashboard.intro')}
          </Typography>
        </CardContent>
      </Card>
      <Grid container spacing={2} sx={{ mt: 0.5 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flex: 1 }}>
              <Typography component="h2" variant="h6" gutterBottom>
                {translate('unidos.dashboard.directory')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('unidos.dashboard.directory_help')}
              </Typography>
            </CardContent>
            <CardActions>
              <Button component={LinkBase} to="/organizations" startIcon={<BusinessIcon />}>
                {translate('unidos.dashboard.directory')}
              </Button>
            </CardActions>
          </Card>
        </Grid>
        {canReviewApplications ? (
          <Grid size={{ xs: 12, md: 6 }}>
            <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
              <CardContent sx={{ flex: 1 }}>
                <Typography component="h2" variant="h6" gutterBottom>
                  {translate('unidos.dashboard.applications')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {translate('unidos.dashboard.applications_help')}
                </Typography>
              </CardContent>
              <CardActions>
                <Button component={LinkBase} to="/applications" startIcon={<HowToRegIcon />}>
                  {translate('unidos.dashboard.applications')}
                </Button>
              </CardActions>
            </Card>
          </Grid>
        ) : null}
        {identity ? (
          <Grid size={{ xs: 12, md: 6 }}>
            {isAllianceRole(identity.role) ? <PeopleCountsCard /> : <OwnPeopleCard />}
          </Grid>
        ) : null}
      </Grid>
      <Alert severity="info" role="note" sx={{ mt: 2 }}>
        {translate('unidos.dashboard.privacy')}
      </Alert>
    </Box>
  );
};
