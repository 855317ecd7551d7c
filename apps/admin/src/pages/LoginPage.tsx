import { Box } from '@mui/material';
import { Link, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';
import { LocaleToggle } from './LocaleToggle';

/**
 * react-admin's login page, asking for an email (the API signs in by email) instead of a username,
 * with the language toggle so a Spanish speaker can sign in in Spanish.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <LoginForm>
        <TextInput
          autoFocus
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
      </LoginForm>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1.5, pb: 2 }}>
        <LocaleToggle />
        <Link to="/join" variant="body2">
          {translate('unidos.join.title')}
        </Link>
      </Box>
    </Login>
  );
};
