import { useState } from 'react';
import { Box, Button, Card, CardContent, Grid, Typography } from '@mui/material';
import {
  Form,
  Labeled,
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

/** Who am I (from /api/auth/me), and the change-password form (`POST /api/auth/password`). */
export const AccountPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const { identity } = useGetIdentity();
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
      </Grid>
    </Box>
  );
};
