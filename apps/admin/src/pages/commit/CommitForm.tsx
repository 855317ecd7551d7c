import { useEffect, useState } from 'react';
import { Alert, Box, Button, Grid, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import {
  email,
  Form,
  maxLength,
  NumberInput,
  required,
  TextInput,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { PledgeMetric } from '@unidos/contracts';
import { NativeSelectInput } from '../../common/NativeSelectInput';
import { phoneNumber } from '../../common/validators';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorBody, errorStatus } from '../../providers/payload';
import { campaignChoices } from '../../resources/campaigns/choices';
import { positive, wholeUnlessDollars } from '../../resources/campaigns/format';
import { commitDraft } from './commitDraft';
import { type CommitValues, emailOrPhone, toPledgeOfferRequest } from './offer-request';

const FIELDS = [
  'organizationName',
  'contactName',
  'contactEmail',
  'contactPhone',
  'metric',
  'quantity',
  'note',
];

/** Keeps what was typed in memory, so switching language (which remounts the app) loses nothing. */
const DraftKeeper = () => {
  const { watch } = useFormContext<CommitValues>();
  useEffect(() => {
    const subscription = watch((values, { type }) => {
      if (type === 'change') commitDraft.values = values as Partial<CommitValues>;
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
  const { register } = useFormContext<CommitValues>();
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
      <label htmlFor="commit-homepage">{translate('unidos.commit.honeypot')}</label>
      <input id="commit-homepage" type="text" tabIndex={-1} autoComplete="off" {...register('homepage')} />
    </Box>
  );
};

const SubmitButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" size="large" disabled={isSubmitting} startIcon={<SendIcon />}>
      {translate(isSubmitting ? 'unidos.commit.sending' : 'unidos.commit.submit')}
    </Button>
  );
};

/** How much: whole numbers except for dollars. */
const validateQuantity = (value: unknown, values: Partial<CommitValues>) =>
  positive(value) ?? wholeUnlessDollars(values.metric)(value);

const QuantityInput = () => {
  const metric = useWatch({ name: 'metric' }) as string | undefined;
  return (
    <NumberInput
      source="quantity"
      label="unidos.commit.quantity"
      min={0}
      step={metric === 'dollars' ? 0.01 : 1}
      validate={[required(), validateQuantity]}
    />
  );
};

/** The public commitment form; `onSent` receives the organization's name once the API took it. */
export const CommitForm = ({
  slug,
  metrics,
  onSent,
  onGone,
}: {
  slug: string;
  /** The campaign's goal metrics, then "other". */
  metrics: PledgeMetric[];
  onSent: (name: string) => void;
  /** The campaign stopped taking commitments meanwhile (404). */
  onGone: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const [problem, setProblem] = useState<string | null>(null);
  // Computed once: react-admin resets the form (and its errors) whenever `defaultValues` changes.
  const [defaultValues] = useState<Partial<CommitValues>>(() =>
    commitDraft.slug === slug && commitDraft.values
      ? commitDraft.values
      : { metric: metrics.length === 1 ? metrics[0] : null },
  );

  const submit = async (values: Partial<CommitValues>) => {
    setProblem(null);
    try {
      await dataProvider.submitPledgeOffer(slug, toPledgeOfferRequest(values));
      onSent((values.organizationName ?? '').trim());
      return undefined;
    } catch (error) {
      const status = errorStatus(error);
      const body = errorBody(error);
      if (status === 429) {
        setProblem(translate('unidos.commit.rate_limited'));
        return undefined;
      }
      if (status === 404) {
        onGone();
        return undefined;
      }
      if (status === 422 && body?.errors && Object.keys(body.errors).length > 0) {
        const inline = Object.fromEntries(
          Object.entries(body.errors).filter(([field]) => FIELDS.includes(field)),
        );
        const others = Object.entries(body.errors)
          .filter(([field]) => !FIELDS.includes(field))
          .map(([, m]) => m);
        setProblem([translate('unidos.commit.check_fields'), ...others].join(' '));
        return inline;
      }
      setProblem(translate(status === 0 ? 'unidos.errors.network' : 'unidos.commit.failed'));
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
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextInput
            source="organizationName"
            label="unidos.commit.organization_name"
            autoComplete="organization"
            validate={[required(), maxLength(160)]}
            helperText="unidos.commit.organization_help"
          />
        </Grid>
        <Grid size={12}>
          <TextInput
            source="contactName"
            label="unidos.commit.contact_name"
            autoComplete="name"
            validate={[required(), maxLength(120)]}
            helperText="unidos.commit.contact_name_help"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="contactEmail"
            label="unidos.commit.contact_email"
            type="email"
            autoComplete="email"
            validate={[email(), maxLength(254), emailOrPhone]}
            helperText="unidos.commit.email_or_phone"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="contactPhone"
            label="unidos.commit.contact_phone"
            type="tel"
            autoComplete="tel"
            validate={[maxLength(30), phoneNumber]}
            helperText="unidos.commit.email_or_phone"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NativeSelectInput
            source="metric"
            label="unidos.commit.metric"
            choices={campaignChoices('pledgeMetric', metrics)}
            validate={required()}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <QuantityInput />
        </Grid>
        <Grid size={12}>
          <TextInput
            source="note"
            label="unidos.commit.note"
            multiline
            minRows={3}
            validate={maxLength(2000)}
          />
        </Grid>
      </Grid>
      <Honeypot />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('unidos.commit.follow_up')}
      </Typography>
      <Box sx={{ mt: 2 }}>
        <SubmitButton />
      </Box>
    </Form>
  );
};
