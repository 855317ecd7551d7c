import { useEffect, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Grid,
  Typography,
} from '@mui/material';
import WarningIcon from '@mui/icons-material/WarningAmber';
import {
  Form,
  Labeled,
  LinkBase,
  maxLength,
  minLength,
  PasswordInput,
  RecordContextProvider,
  ReferenceField,
  required,
  TextField,
  Title,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormState } from 'react-hook-form';
import { EnumField } from '../common/fields';
import type { UnidosDataProvider } from '../providers/dataProvider';
import { errorBody, errorStatus } from '../providers/payload';
import { isOrgCoordinator } from '../providers/permissions';
import { useMe } from './account/common';
import { SessionsCard } from './account/SessionsCard';
import { TwoFactorCard } from './account/TwoFactorCard';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: unknown, values: Partial<PasswordValues>) =>
  value && value !== values.newPassword ? 'unidos.account.mismatch' : undefined;

const SubmitButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting} sx={{ mt: 1 }}>
      {translate('unidos.account.submit')}
    </Button>
  );
};

/** For an organization's coordinators: the way to the emergency purge, set apart. */
const DangerZone = () => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ borderColor: 'error.main' }}>
      <CardContent>
        <Typography
          component="h2"
          variant="h6"
          color="error"
          gutterBottom
          sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
        >
          <WarningIcon aria-hidden /> {translate('unidos.security.danger_zone')}
        </Typography>
        <Typography variant="body2">{translate('unidos.security.purge_summary')}</Typography>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="outlined" color="error" component={LinkBase} to="/emergency-purge">
          {translate('unidos.purge.title')}
        </Button>
      </CardActions>
    </Card>
  );
};

/**
 * Who am I (from /api/auth/me), the change-password form (`POST /api/auth/password`), two-factor
 * sign-in, the active sessions and, for coordinators, the way to the emergency purge. An alliance
 * admin who must still turn on two-factor sign-in lands here and is told why.
 */
export const AccountPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const { identity } = useGetIdentity();
  const { refresh } = useMe();
  // Ask the API again on arrival: two-factor status may have changed (another tab, a 403 from the API).
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);
  const locked = identity?.totpEnrollmentRequired === true;
  // Remounting the form after a success empties it.
  const [formKey, setFormKey] = useState(0);

  const changePassword = async (values: Partial<PasswordValues>) => {
    try {
      await dataProvider.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
      notify('unidos.account.changed', { type: 'success' });
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      const fields = errorBody(error)?.errors;
      if (
        (errorStatus(error) === 422 || errorStatus(error) === 400) &&
        fields &&
        Object.keys(fields).length
      ) {
        return fields; // shown under each input
      }
      const message = error instanceof Error && error.message ? error.message : 'unidos.errors.generic';
      notify(message, { type: 'error', messageArgs: { _: message } });
      return undefined;
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="unidos.account.title" />
      {locked ? (
        <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
          <AlertTitle>{translate('unidos.security.enrollment_title')}</AlertTitle>
          {translate('unidos.security.enrollment_body')}
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card>
            <CardContent>
              <Typography component="h1" variant="h6" gutterBottom>
                {translate('unidos.account.profile')}
              </Typography>
              {identity ? (
                <RecordContextProvider value={identity}>
                  <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
                    <Labeled label="resources.users.fields.displayName">
                      <TextField source="displayName" />
                    </Labeled>
                    <Labeled label="resources.users.fields.email">
                      <TextField source="email" />
                    </Labeled>
                    <Labeled label="resources.users.fields.role">
                      <EnumField source="role" group="role" />
                    </Labeled>
                    {identity.organizationId ? (
                      <Labeled label="resources.users.fields.organizationId">
                        <ReferenceField source="organizationId" reference="organizations" />
                      </Labeled>
                    ) : null}
                  </Box>
                </RecordContextProvider>
              ) : null}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card>
            <CardContent>
              <Typography component="h2" variant="h6" gutterBottom>
                {translate('unidos.account.change_password')}
              </Typography>
              <Form key={formKey} onSubmit={changePassword} noValidate>
                <PasswordInput
                  source="currentPassword"
                  label="unidos.account.current_password"
                  autoComplete="current-password"
                  validate={required()}
                />
                <PasswordInput
                  source="newPassword"
                  label="unidos.account.new_password"
                  autoComplete="new-password"
                  validate={[required(), minLength(12), maxLength(200)]}
                  helperText="unidos.account.new_password_help"
                />
                <PasswordInput
                  source="confirmPassword"
                  label="unidos.account.confirm_password"
                  autoComplete="new-password"
                  validate={[required(), sameAsNew]}
                />
                <SubmitButton />
              </Form>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: locked ? 12 : 5 }} sx={locked ? { order: -1 } : undefined}>
          <TwoFactorCard />
        </Grid>
        <Grid size={{ xs: 12, md: locked ? 12 : 7 }}>
          <SessionsCard locked={locked} />
        </Grid>
        {isOrgCoordinator(identity?.role) ? (
          <Grid size={12}>
            <DangerZone />
          </Grid>
        ) : null}
      </Grid>
    </Box>
  );
};
