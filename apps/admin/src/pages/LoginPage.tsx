import { useState } from 'react';
import { Alert, Box, Button, CardContent, CircularProgress } from '@mui/material';
import {
  Form,
  Link,
  Login,
  PasswordInput,
  required,
  TextInput,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import { cleanCode, totpCode } from '../common/validators';
import { LoginError } from '../providers/authProvider';
import { LocaleToggle } from './LocaleToggle';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

/** The submit button; a spinner while signing in. */
const SignInButton = ({ loading }: { loading: boolean }) => {
  const translate = useTranslate();
  return (
    <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
      {loading ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} /> : translate('ra.auth.sign_in')}
    </Button>
  );
};

/**
 * The 6-digit code field, shown once the API says this account needs one. `one-time-code` lets
 * phones offer the code; `numeric` brings up the number pad.
 */
const TotpInput = () => {
  const translate = useTranslate();
  return (
    <TextInput
      autoFocus
      source="totp"
      label={translate('unidos.auth.totp_code')}
      autoComplete="one-time-code"
      validate={[required(), totpCode]}
      helperText="unidos.auth.totp_help"
      slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9 ]*', maxLength: 7 } }}
    />
  );
};

/**
 * Email and password, then (for accounts with two-factor sign-in) the authenticator code: the API
 * answers 401 `error.totpRequired` to a right password without a code, and the form asks for it
 * and signs in again with the same email and password.
 */
const UnidosLoginForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [loading, setLoading] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);

  /** Answers field errors for the form to show (a wrong code shows under the code field). */
  const submit = async (values: Partial<LoginValues>): Promise<Record<string, string> | undefined> => {
    setLoading(true);
    try {
      await login({
        username: values.username,
        password: values.password,
        ...(needsCode && values.totp ? { totp: cleanCode(values.totp) } : {}),
      });
    } catch (error) {
      if (error instanceof LoginError) {
        const asked = needsCode;
        setNeedsCode(true);
        // The first 401 only asks for a code; a wrong one says so under the field.
        return error.code === 'error.wrongTotpCode' && asked ? { totp: error.message } : undefined;
      }
      const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      return undefined;
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} mode="onSubmit" noValidate>
      <CardContent sx={{ width: 300, pb: '16px !important' }}>
        <TextInput
          autoFocus={!needsCode}
          source="username"
          type="email"
          label={translate('ra.auth.email')}
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label={translate('ra.auth.password')}
          autoComplete="current-password"
          validate={required()}
        />
        {needsCode ? (
          <>
            <Alert severity="info" sx={{ mb: 1 }} role="status">
              {translate('unidos.auth.totp_prompt')}
            </Alert>
            <TotpInput />
          </>
        ) : null}
        <SignInButton loading={loading} />
      </CardContent>
    </Form>
  );
};

/**
 * react-admin's login page, asking for an email (the API signs in by email) instead of a username,
 * then for a two-factor code when the account has one, with the language toggle so a Spanish
 * speaker can sign in in Spanish.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <UnidosLoginForm />
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1.5, pb: 2 }}>
        <LocaleToggle />
        <Link to="/join" variant="body2">
          {translate('unidos.join.title')}
        </Link>
      </Box>
    </Login>
  );
};
