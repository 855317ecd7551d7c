import { Button } from '@mui/material';
import { TextInput, required, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { totpCode } from '../../common/validators';
import { forgetIdentity, type UnidosIdentity } from '../../providers/authProvider';
import { errorBody, errorStatus } from '../../providers/payload';

/** The signed-in user, and a way to ask the API again after a change to the account's security. */
export const useMe = () => {
  const { identity, refetch } = useGetIdentity();
  const refresh = async () => {
    forgetIdentity();
    await refetch();
  };
  return { me: identity as UnidosIdentity | undefined, refresh };
};

/** A submit button that is disabled while its form is being sent. */
export const SubmitButton = ({ label, color }: { label: string; color?: 'primary' | 'error' }) => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button
      type="submit"
      variant="contained"
      color={color ?? 'primary'}
      disabled={isSubmitting}
      sx={{ mt: 1 }}
    >
      {translate(label)}
    </Button>
  );
};

/**
 * The 6-digit code of an authenticator app: `one-time-code` so phones can offer it, a numeric
 * keyboard, and spaces tolerated ("123 456").
 */
export const CodeInput = ({
  source = 'code',
  label = 'unidos.security.code',
}: {
  source?: string;
  label?: string;
}) => (
  <TextInput
    source={source}
    label={label}
    autoComplete="one-time-code"
    validate={[required(), totpCode]}
    helperText="unidos.security.code_help"
    slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9 ]*', maxLength: 7 } }}
    sx={{ maxWidth: 260 }}
  />
);

/** The API's field errors of a 422 (or 400), to show under each input; undefined otherwise. */
export const fieldErrors = (error: unknown): Record<string, string> | undefined => {
  const fields = errorBody(error)?.errors;
  const status = errorStatus(error);
  return (status === 422 || status === 400) && fields && Object.keys(fields).length ? fields : undefined;
};

/** The API's message (already in the UI language), or a generic one. */
export const errorMessage = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'unidos.errors.generic';

/** A date and time in the UI language. */
export const useFormatDateTime = () => {
  const [locale] = useLocaleState();
  return (iso: string) =>
    new Date(iso).toLocaleString(locale === 'es' ? 'es-US' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
};
