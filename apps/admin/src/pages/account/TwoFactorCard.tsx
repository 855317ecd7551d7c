import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Form, PasswordInput, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { TotpSetupDto } from '@unidos/contracts';
import { cleanCode } from '../../common/validators';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorStatus } from '../../providers/payload';
import { isAllianceAdmin } from '../../providers/permissions';
import { CodeInput, errorMessage, fieldErrors, SubmitButton, useMe } from './common';

/** The base32 secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Step two of setting up: scan the QR code (or type the key), then prove it works with a code. */
const EnrollForm = ({
  setup,
  onDone,
  onCancel,
}: {
  setup: TotpSetupDto;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<UnidosDataProvider>();

  const enable = async (values: { code?: string }) => {
    try {
      await dataProvider.enableTotp(cleanCode(values.code));
      notify('unidos.security.enabled', { type: 'success' });
      onDone();
      return undefined;
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields) return fields;
      if (errorStatus(error) === 409) onDone(); // already on, e.g. from another tab
      notify(errorMessage(error), { type: 'error', messageArgs: { _: errorMessage(error) } });
      return undefined;
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2">{translate('unidos.security.scan')}</Typography>
      <Box
        component="img"
        src={setup.qrDataUrl}
        alt={translate('unidos.security.qr_alt')}
        sx={{
          width: 200,
          height: 200,
          imageRendering: 'pixelated',
          border: 1,
          borderColor: 'divider',
          alignSelf: 'flex-start',
        }}
      />
      <Box>
        <Typography variant="body2" id="totp-secret-label">
          {translate('unidos.security.manual')}
        </Typography>
        <Typography
          component="code"
          aria-labelledby="totp-secret-label"
          data-testid="totp-secret"
          sx={{
            fontFamily: 'monospace',
            fontSize: '1.05rem',
            letterSpacing: 1,
          }}
        >
          {grouped(setup.secret)}
        </Typography>
      </Box>
      <Form onSubmit={enable} noValidate>
        <CodeInput />
        <Stack direction="row" spacing={1}>
          <SubmitButton label="unidos.security.enable" />
          <Button onClick={onCancel} sx={{ mt: 1 }}>
            {translate('ra.action.cancel')}
          </Button>
        </Stack>
      </Form>
    </Stack>
  );
};

/** Turning it off needs the password and a current code (the API checks both). */
const DisableForm = ({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<UnidosDataProvider>();

  const disable = async (values: { password?: string; code?: string }) => {
    try {
      await dataProvider.disableTotp(values.password ?? '', cleanCode(values.code));
      notify('unidos.security.disabled', { type: 'info' });
      onDone();
      return undefined;
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields) return fields;
      notify(errorMessage(error), { type: 'error', messageArgs: { _: errorMessage(error) } });
      return undefined;
    }
  };

  return (
    <Form onSubmit={disable} noValidate>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('unidos.security.disable_help')}
      </Typography>
      <PasswordInput
        source="password"
        label="unidos.security.password"
        autoComplete="current-password"
        validate={required()}
        sx={{ maxWidth: 320 }}
      />
      <CodeInput />
      <Stack direction="row" spacing={1}>
        <SubmitButton label="unidos.security.disable" color="error" />
        <Button onClick={onCancel} sx={{ mt: 1 }}>
          {translate('ra.action.cancel')}
        </Button>
      </Stack>
    </Form>
  );
};

/**
 * Two-factor sign-in: set up (QR code + key, then a code to turn it on) or turn off (password +
 * code). Alliance admins must keep it on, so they are told so and offered no way to turn it off.
 */
export const TwoFactorCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const { me, refresh } = useMe();
  const [setup, setSetup] = useState<TotpSetupDto | null>(null);
  const [starting, setStarting] = useState(false);
  const [disabling, setDisabling] = useState(false);
  if (!me) return null;
  const admin = isAllianceAdmin(me.role);

  const start = async () => {
    setStarting(true);
    try {
      setSetup(await dataProvider.setupTotp());
    } catch (error) {
      notify(errorMessage(error), { type: 'error', messageArgs: { _: errorMessage(error) } });
      if (errorStatus(error) === 409) await refresh();
    } finally {
      setStarting(false);
    }
  };

  const done = async () => {
    setSetup(null);
    setDisabling(false);
    await refresh();
  };

  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography component="h2" variant="h6">
            {translate('unidos.security.two_factor')}
          </Typography>
          <Chip
            size="small"
            color={me.totpEnabled ? 'success' : 'default'}
            icon={me.totpEnabled ? <VerifiedUserIcon /> : undefined}
            label={translate(me.totpEnabled ? 'unidos.security.status_on' : 'unidos.security.status_off')}
          />
        </Stack>
        {admin ? (
          <Alert severity={me.totpEnabled ? 'info' : 'warning'} sx={{ mb: 2 }}>
            {translate('unidos.security.required_for_admins')}
          </Alert>
        ) : null}
        {me.totpEnabled ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('unidos.security.on_help')}
            </Typography>
            {admin ? null : disabling ? (
              <DisableForm onDone={() => void done()} onCancel={() => setDisabling(false)} />
            ) : (
              <Button variant="outlined" color="error" onClick={() => setDisabling(true)}>
                {translate('unidos.security.disable')}
              </Button>
            )}
          </>
        ) : setup ? (
          <EnrollForm setup={setup} onDone={() => void done()} onCancel={() => setSetup(null)} />
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('unidos.security.off_help')}
            </Typography>
            <Button variant="contained" onClick={() => void start()} disabled={starting}>
              {translate('unidos.security.setup')}
            </Button>
          </>
        )}
      </CardContent>
    </Card>
  );
};
