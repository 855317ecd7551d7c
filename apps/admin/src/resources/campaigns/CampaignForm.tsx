import { Button, Grid } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import {
  ArrayInput,
  AutocompleteInput,
  DateInput,
  maxLength,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useSimpleFormIterator,
  useTranslate,
} from 'react-admin';
import type { CampaignDto, PledgeMetric } from '@unidos/contracts';
import { FormSection } from '../../common/Section';
import { CAMPAIGN_STATUS_CHOICES, PLEDGE_METRIC_CHOICES } from './choices';
import { positive, wholeUnlessDollars } from './format';

/** Save only: campaigns are never deleted, they end as won or closed. */
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** An end date before the start is refused by the API too. */
const notBeforeStart = (value: unknown, values: Partial<CampaignDto>) =>
  typeof value === 'string' && value && values.startsOn && value < values.startsOn
    ? 'unidos.campaigns.validation.end_before_start'
    : undefined;

/** Goals may not repeat a metric. */
const uniqueMetrics = (value: unknown) => {
  const metrics = Array.isArray(value)
    ? value.map((goal: { metric?: PledgeMetric }) => goal?.metric).filter(Boolean)
    : [];
  return new Set(metrics).size === metrics.length ? undefined : 'unidos.campaigns.validation.duplicate_goal';
};

/** A goal's target: positive, whole unless dollars (reads the metric next to it). */
const targetValidator = (
  value: unknown,
  values: { goals?: { metric?: string; target?: number }[] },
  props?: { finalSource?: string },
) => {
  const index = Number(/goals\.(\d+)\.target/.exec(props?.finalSource ?? '')?.[1] ?? -1);
  const metric = index >= 0 ? values.goals?.[index]?.metric : undefined;
  return positive(value) ?? wholeUnlessDollars(metric)(value);
};

/** A labelled "Add a goal" / "Add a demand" instead of an icon alone. */
const AddRowButton = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const { add } = useSimpleFormIterator();
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={() => add()}>
      {translate(label)}
    </Button>
  );
};

const organizationFilter = (q: string) => ({ q, membershipStatus: 'active' });

/**
 * The campaign's own fields. On create, the first goals and demands can be added at once; later
 * they are kept on the campaign's page (add, edit, reorder).
 */
export const CampaignForm = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  return (
    <SimpleForm
      toolbar={<FormToolbar />}
      warnWhenUnsavedChanges
      defaultValues={mode === 'create' ? { status: 'draft', goals: [], demands: [] } : undefined}
      sx={{ maxWidth: 960 }}
    >
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextInput source="name" validate={[required(), maxLength(160)]} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="status" choices={CAMPAIGN_STATUS_CHOICES} validate={required()} />
        </Grid>
        <Grid size={12}>
          <TextInput source="summary" multiline minRows={3} validate={maxLength(4000)} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <DateInput source="startsOn" />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <DateInput source="endsOn" validate={notBeforeStart} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ReferenceInput
            source="leadOrganizationId"
            reference="organizations"
            sort={{ field: 'name', order: 'ASC' }}
            filter={{ membershipStatus: 'active' }}
          >
            <AutocompleteInput optionText="name" filterToQuery={organizationFilter} />
          </ReferenceInput>
        </Grid>
      </Grid>
      {mode === 'create' ? (
        <>
          <FormSection title={translate('unidos.campaigns.goals')} />
          <ArrayInput
            source="goals"
            label={false}
            validate={uniqueMetrics}
            helperText="unidos.campaigns.goals_help"
          >
            <SimpleFormIterator
              inline
              disableReordering
              disableClear
              addButton={<AddRowButton label="unidos.campaigns.add_goal" />}
            >
              <SelectInput
                source="metric"
                label="resources.campaign-goals.fields.metric"
                choices={PLEDGE_METRIC_CHOICES}
                validate={required()}
              />
              <NumberInput
                source="target"
                label="resources.campaign-goals.fields.target"
                min={0}
                validate={[required(), targetValidator]}
              />
            </SimpleFormIterator>
          </ArrayInput>
          <FormSection title={translate('unidos.campaigns.demands')} />
          <ArrayInput source="demands" label={false} helperText="unidos.campaigns.demands_help">
            <SimpleFormIterator
              fullWidth
              disableClear
              addButton={<AddRowButton label="unidos.campaigns.add_demand" />}
            >
              <TextInput
                source="textEn"
                label="resources.demands.fields.textEn"
                validate={[required(), maxLength(500)]}
              />
              <TextInput
                source="textEs"
                label="resources.demands.fields.textEs"
                validate={[required(), maxLength(500)]}
              />
              <TextInput
                source="target"
                label="resources.demands.fields.target"
                validate={maxLength(200)}
                helperText="unidos.campaigns.demand_target_help"
              />
            </SimpleFormIterator>
          </ArrayInput>
        </>
      ) : null}
    </SimpleForm>
  );
};
