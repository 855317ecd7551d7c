import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import { useQueryClient } from '@tanstack/react-query';
import {
  Form,
  LinkBase,
  required,
  TextInput,
  Title,
  useDataProvider,
  useGetOne,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { OrganizationDto } from '@unidos/contracts';
import { cleanCode } from '../common/validators';
import type { EmergencyPurgeResult, UnidosDataProvider } from '../providers/dataProvider';
import { errorBody, errorStatus } from '../providers/payload';
import { isOrgCoordinator } from '../providers/permissions';
import { CodeInput, errorMessage, fieldErrors, SubmitButton, useMe } from './account/common';

interface PurgeValues {
  confirmName?: string;
  code?: string;
}

/** API codes meaning "this needs two-factor sign-in, and the account has none". */
const NO_TOTP_CODES = [
  'error.totpNotEnabled',
  'error.totpNotSetUp',
  'error.totpRequired',
  'error.totpEnrollmentRequired',
];

const needsTotp = (error: unknown) => {
  const status = errorStatus(error);
  const body = errorBody(error);
  if (status === 403) return true;
  return status === 422 && NO_TOTP_CODES.includes(body?.code ?? '') && !body?.errors?.confirmName;
};

const SetUpTotpFirst = () => {
  const translate = useTranslate();
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" component={LinkBase} to="/account">
          {translate('unidos.security.setup')}
        </Button>
      }
    >
      {translate('unidos.purge.totp_needed')}
    </Alert>
  );
};

/**
 * `/emergency-purge`, for an organization's coordinators: erases all of the organization's private
 * people data at once (`POST /api/people/emergency-purge {confirmName, code}`). Typing the
 * organization's name and a current two-factor code is the confirmation.
 */
export const EmergencyPurgePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const { me } = useMe();
  const coordinator = isOrgCoordinator(me?.role);
  const { data: organization } = useGetOne<OrganizationDto>(
    'organizations',
    { id: me?.organizationId ?? '' },
    { enabled: coordinator && Boolean(me?.organizationId) },
  );
  const [result, setResult] = useState<EmergencyPurgeResult | null>(null);
  const [totpMissing, setTotpMissing] = useState(false);

  const name = organization?.name ?? '';
  const sameName = (value: unknown) =>
    typeof value === 'string' && value !== '' && name !== '' && value.trim() !== name.trim()
      ? 'unidos.purge.name_mismatch'
      : undefined;

  const purge = async (values: PurgeValues) => {
    try {
      const answer = await dataProvider.emergencyPurge(
        (values.confirmName ?? '').trim(),
        cleanCode(values.code),
      );
      // Nothing erased may linger in this browser's memory either.
      queryClient.removeQueries({ queryKey: ['people'] });
      await queryClient.invalidateQueries({ queryKey: ['people-counts'] });
      setResult(answer);
      return undefined;
    } catch (error) {
      if (needsTotp(error)) {
        setTotpMissing(true);
        return undefined;
      }
      const fields = fieldErrors(error);
      if (fields) return fields;
      notify(errorMessage(error), { type: 'error', messageArgs: { _: errorMessage(error) } });
      return undefined;
    }
  };

  let body;
  if (!me) {
    body = null;
  } else if (!coordinator) {
    body = <Alert severity="info">{translate('unidos.purge.coordinators_only')}</Alert>;
  } else if (result) {
    body = (
      <Stack spacing={2}>
        <Alert severity="success" role="status">
          <AlertTitle>{translate('unidos.purge.done_title')}</AlertTitle>
          {translate('unidos.purge.done', { smart_count: result.erased })}
        </Alert>
        <Box>
          <Button variant="contained" component={LinkBase} to="/">
            {translate('unidos.purge.to_dashboard')}
          </Button>
        </Box>
      </Stack>
    );
  } else {
    body = (
      <Stack spacing={2}>
        <Alert severity="error" icon={<DeleteForeverIcon />}>
          <AlertTitle>{translate('unidos.purge.what_title')}</AlertTitle>
          {translate('unidos.purge.what', { name: name || '…' })}
        </Alert>
        <Box component="ul" sx={{ m: 0, pl: 3, '& li': { mb: 0.5 } }}>
          <li>
            <Typography variant="body2">{translate('unidos.purge.kept')}</Typography>
          </li>
          <li>
            <Typography variant="body2" sx={{ fontWeight: 700 }}>
              {translate('unidos.purge.irreversible')}
            </Typography>
          </li>
          <li>
            <Typography variant="body2">{translate('unidos.purge.when')}</Typography>
          </li>
        </Box>
        {!me.totpEnabled || totpMissing ? (
          <SetUpTotpFirst />
        ) : (
          <Form onSubmit={purge} noValidate>
            <TextInput
              source="confirmName"
              label="unidos.purge.confirm_name"
              helperText={translate('unidos.purge.confirm_name_help', { name: name || '…' })}
              autoComplete="off"
              validate={[required(), sameName]}
              sx={{ maxWidth: 480 }}
            />
            <CodeInput />
            <Box>
              <SubmitButton label="unidos.purge.submit" color="error" />
            </Box>
          </Form>
        )}
      </Stack>
    );
  }

  return (
    <Box sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="unidos.purge.title" />
      <Card variant="outlined" sx={{ borderColor: 'error.main' }}>
        <CardContent>
          <Typography component="h1" variant="h5" color="error" gutterBottom>
            {translate('unidos.purge.title')}
          </Typography>
          {body}
        </CardContent>
      </Card>
      <Button component={LinkBase} to="/account" sx={{ mt: 2 }}>
        {translate('unidos.purge.back')}
      </Button>
    </Box>
  );
};
