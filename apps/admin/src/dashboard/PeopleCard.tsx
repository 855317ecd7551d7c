import { Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import BarChartIcon from '@mui/icons-material/BarChart';
import ContactsIcon from '@mui/icons-material/Contacts';
import { LinkBase, RecordContextProvider, useCanAccess, useGetList, useTranslate } from 'react-admin';
import type { PeopleCountDto } from '@unidos/contracts';
import { CountChips } from '../resources/people-counts/CountChips';

/**
 * For an organization's users: how many people their organization keeps, by role and by language
 * (`/api/people-counts` answers them their own organization only), with a way to the list.
 */
export const OwnPeopleCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<PeopleCountDto>('people-counts', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'organizationName', order: 'ASC' },
  });
  const counts = data?.[0];
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1 }}>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('unidos.dashboard.people')}
        </Typography>
        {isPending ? (
          <Typography color="text.secondary">{translate('unidos.common.loading')}</Typography>
        ) : error || !counts ? (
          <Typography color="text.secondary">{translate('unidos.dashboard.people_error')}</Typography>
        ) : (
          <RecordContextProvider value={counts}>
            <Typography variant="h4" component="p" sx={{ fontWeight: 600 }}>
              {translate('unidos.dashboard.people_total', { smart_count: counts.total })}
            </Typography>
            <Stack spacing={1} sx={{ mt: 1 }}>
              <CountChips source="byRole" group="personRole" />
              <CountChips source="byLanguage" group="language" />
            </Stack>
          </RecordContextProvider>
        )}
      </CardContent>
      <CardActions>
        <Button component={LinkBase} to="/people" startIcon={<ContactsIcon />}>
          {translate('unidos.dashboard.open_people')}
        </Button>
      </CardActions>
    </Card>
  );
};

/** For alliance roles: the way to the counts (never names). */
export const PeopleCountsCard = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'people-counts' });
  if (!canAccess) return null;
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1 }}>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('resources.people-counts.name', { smart_count: 2 })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('unidos.dashboard.people_counts_help')}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={LinkBase} to="/people-counts" startIcon={<BarChartIcon />}>
          {translate('resources.people-counts.name', { smart_count: 2 })}
        </Button>
      </CardActions>
    </Card>
  );
};
