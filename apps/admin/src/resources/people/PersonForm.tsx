import { Alert, Grid } from '@mui/material';
import {
  BooleanInput,
  email,
  maxLength,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { LANGUAGE_CHOICES, PERSON_ROLE_CHOICES, PERSON_VISIBILITY_CHOICES } from '../../common/choices';
import { FormSection } from '../../common/Section';
import { phoneNumber } from '../../common/validators';
import { EraseButton } from './EraseButton';
import { flagLabel, SAFETY_FLAGS } from './fields';

/** Choosing "public contact" makes the person visible to the whole coalition: say so, loudly. */
const CoalitionWarning = () => {
  const translate = useTranslate();
  const visibility: unknown = useWatch({ name: 'visibility' });
  if (visibility !== 'coalition') return null;
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
      {translate('unidos.people.coalition_warning')}
    </Alert>
  );
};

const FLAG_HELP: Partial<Record<(typeof SAFETY_FLAGS)[number], string>> = {
  signalOnly: 'unidos.people.signal_only_help',
  noVoicemail: 'unidos.people.no_voicemail_help',
};

const FormToolbar = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    {mode === 'edit' ? <EraseButton /> : null}
  </Toolbar>
);

/**
 * A person of the coordinator's organization. Only what the organization needs to reach them
 * safely: a name (an alias is fine), language, contact details and how (not) to use them.
 */
export const PersonForm = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <SimpleForm
      toolbar={<FormToolbar mode={mode} />}
      warnWhenUnsavedChanges
      defaultValues={
        mode === 'create'
          ? {
              role: 'member',
              preferredLanguage: locale === 'es' ? 'es' : 'en',
              visibility: 'organization',
              okToText: false,
              okToCall: false,
              okToEmail: false,
              signalOnly: false,
              noVoicemail: false,
            }
          : undefined
      }
      sx={{ maxWidth: 960 }}
    >
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput
            source="displayName"
            validate={[required(), maxLength(120)]}
            helperText="unidos.people.name_help"
            autoComplete="off"
          />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <SelectInput source="role" choices={PERSON_ROLE_CHOICES} validate={required()} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <SelectInput source="preferredLanguage" choices={LANGUAGE_CHOICES} validate={required()} />
        </Grid>
      </Grid>

      <FormSection title={translate('unidos.people.contact')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="email" type="email" autoComplete="off" validate={[email(), maxLength(254)]} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="phone" type="tel" autoComplete="off" validate={[phoneNumber, maxLength(30)]} />
        </Grid>
      </Grid>

      <FormSection title={translate('unidos.people.safety')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        {SAFETY_FLAGS.map((flag) => (
          <Grid key={flag} size={{ xs: 12, sm: 6, md: 4 }}>
            <BooleanInput source={flag} label={flagLabel(flag)} helperText={FLAG_HELP[flag] ?? false} />
          </Grid>
        ))}
      </Grid>

      <RadioButtonGroupInput
        source="visibility"
        label="unidos.people.who_sees"
        choices={PERSON_VISIBILITY_CHOICES}
        row={false}
        validate={required()}
        sx={{ mt: 2 }}
      />
      <CoalitionWarning />

      <Alert
        severity="warning"
        sx={{ mb: 1, width: '100%', boxSizing: 'border-box' }}
        id="person-note-warning"
      >
        {translate('unidos.people.note_warning')}
      </Alert>
      <TextInput
        source="note"
        multiline
        minRows={3}
        validate={maxLength(2000)}
        slotProps={{ htmlInput: { 'aria-describedby': 'person-note-warning' } }}
      />
    </SimpleForm>
  );
};
