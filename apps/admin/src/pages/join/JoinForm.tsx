import { useEffect, useState } from 'react';
import { Alert, Box, Button, Grid, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import {
  CheckboxGroupInput,
  email,
  Form,
  maxLength,
  required,
  TextInput,
  useDataProvider,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useFormContext, useFormState } from 'react-hook-form';
import { FOCUS_AREA_CHOICES, KIND_CHOICES, LANGUAGE_CHOICES, STATE_CHOICES } from '../../common/choices';
import { NativeSelectInput } from '../../common/NativeSelectInput';
import { atLeastOne, atMost, webAddress } from '../../common/validators';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorBody, errorStatus } from '../../providers/payload';
import { emailOrPhone, type JoinValues, toApplicationRequest } from './application-request';
import { joinDraft } from './joinDraft';

export type { JoinValues };

const validateWebsite = [webAddress, maxLength(300)];

/** Keeps what was typed in memory, so switching language (which remounts the app) loses nothing. */
const DraftKeeper = () => {
  const { watch } = useFormContext<JoinValues>();
  useEffect(() => {
    const subscription = watch((values, { type }) => {
      // Only what the person typed or picked (not react-admin applying the defaults).
      if (type === 'change') joinDraft.values = values as Partial<JoinValues>;
    });
    return () => subscription.unsubscribe();
  }, [watch]);
  return null;
};

/**
 * Honeypot: people never see or reach it (off-screen, out of the tab order, hidden from assistive
 * technology); bots that fill every input give themselves away.
 */
const Honeypot = () => {
  const translate = useTranslate();
  const { register } = useFormContext<JoinValues>();
  return (
    <Box
      aria-hidden="true"
      sx={{
        position: 'absolute',
        left: '-10000px',
        top: 'auto',
        width: '1px',
        height: '1px',
        overflow: 'hidden',
      }}
    >
      <label htmlFor="join-homepage">{translate('unidos.join.honeypot')}</label>
      <input id="join-homepage" type="text" tabIndex={-1} autoComplete="off" {...register('homepage')} />
    </Box>
  );
};

const SubmitButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" size="large" disabled={isSubmitting} startIcon={<SendIcon />}>
      {translate(isSubmitting ? 'unidos.join.sending' : 'unidos.join.submit')}
    </Button>
  );
};

const SectionHeading = ({ children, id }: { children: string; id?: string }) => (
  <Typography component="h2" variant="h6" id={id} sx={{ mt: 3, mb: 1, fontWeight: 600 }}>
    {children}
  </Typography>
);

/** The application form; `onSent` receives the organization's name when the API accepted it. */
export const JoinForm = ({ onSent }: { onSent: (name: string) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const [problem, setProblem] = useState<string | null>(null);

  // Computed once: react-admin resets the form (and its errors) whenever `defaultValues` changes.
  const [defaultValues] = useState<Partial<JoinValues>>(
    () =>
      joinDraft.values ?? {
        focusAreas: [],
        languages: [],
        contact: { displayName: null, email: null, phone: null, preferredLanguage: locale },
      },
  );

  const submit = async (values: Partial<JoinValues>) => {
    setProblem(null);
    try {
      const created = await dataProvider.submitApplication(toApplicationRequest(values));
      onSent(created.name || (values.name ?? '').trim());
      return undefined;
    } catch (error) {
      const status = errorStatus(error);
      const body = errorBody(error);
      if (status === 429) {
        setProblem(translate('unidos.join.rate_limited'));
        return undefined;
      }
      if (status === 409) {
        // The name is taken: say it next to the name.
        return { name: body?.errors?.name ?? body?.message ?? translate('unidos.join.failed') };
      }
      if (status === 422 && body?.errors && Object.keys(body.errors).length > 0) {
        setProblem(translate('unidos.join.check_fields'));
        return body.errors; // keys may be nested paths such as `contact.email`
      }
      setProblem(translate(status === 0 ? 'unidos.errors.network' : 'unidos.join.failed'));
      return undefined;
    }
  };

  return (
    <Form defaultValues={defaultValues} onSubmit={submit} noValidate disableInvalidFormNotification>
      <DraftKeeper />
      {problem ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      ) : null}

      <SectionHeading>{translate('unidos.join.organization')}</SectionHeading>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextInput
            source="name"
            label="unidos.join.name"
            autoComplete="organization"
            validate={[required(), maxLength(160)]}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NativeSelectInput
            source="kind"
            label="unidos.join.kind"
            choices={KIND_CHOICES}
            validate={required()}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="website"
            label="unidos.join.website"
            type="url"
            autoComplete="url"
            validate={validateWebsite}
            helperText="unidos.join.website_help"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="city"
            label="unidos.join.city"
            autoComplete="address-level2"
            validate={[required(), maxLength(120)]}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NativeSelectInput
            source="state"
            label="unidos.join.state"
            choices={STATE_CHOICES}
            validate={required()}
            autoComplete="address-level1"
          />
        </Grid>
        <Grid size={12}>
          <CheckboxGroupInput
            source="focusAreas"
            label="unidos.join.focus_areas"
            choices={FOCUS_AREA_CHOICES}
            validate={atLeastOne}
          />
        </Grid>
        <Grid size={12}>
          <CheckboxGroupInput
            source="languages"
            label="unidos.join.languages"
            choices={LANGUAGE_CHOICES}
            validate={[atLeastOne, atMost(20)]}
          />
        </Grid>
        <Grid size={12}>
          <TextInput
            source="description"
            label="unidos.join.description"
            multiline
            minRows={4}
            validate={maxLength(4000)}
          />
        </Grid>
      </Grid>

      <SectionHeading id="join-contact-heading">{translate('unidos.join.contact')}</SectionHeading>
      <Alert severity="warning" variant="outlined" icon={false} role="note" sx={{ mb: 1 }}>
        {translate('unidos.join.contact_note')}
      </Alert>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="contact.displayName"
            label="unidos.join.contact_name"
            autoComplete="name"
            validate={[required(), maxLength(120)]}
            helperText="unidos.join.contact_name_help"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NativeSelectInput
            source="contact.preferredLanguage"
            label="unidos.join.contact_language"
            choices={LANGUAGE_CHOICES}
            validate={required()}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="contact.email"
            label="unidos.join.contact_email"
            type="email"
            autoComplete="email"
            validate={[email(), maxLength(254), emailOrPhone]}
            helperText="unidos.join.email_or_phone"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="contact.phone"
            label="unidos.join.contact_phone"
            type="tel"
            autoComplete="tel"
            validate={maxLength(30)}
            helperText="unidos.join.email_or_phone"
          />
        </Grid>
      </Grid>
      <Honeypot />
      <Box sx={{ mt: 3 }}>
        <SubmitButton />
      </Box>
    </Form>
  );
};
