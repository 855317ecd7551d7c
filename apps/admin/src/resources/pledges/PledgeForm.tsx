import { useEffect, useMemo } from 'react';
import { Alert, Grid } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  maxLength,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetList,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { CampaignGoalDto, DemandDto, OrganizationDto, PledgeDto } from '@unidos/contracts';
import { campaignChoices } from '../campaigns/choices';
import { useCaller, useCampaignFormat } from '../campaigns/fields';
import { pledgeMetricsFor, positive, wholeUnlessDollars } from '../campaigns/format';

const byName = (q: string) => ({ q });

/** Quantity: positive, whole unless the metric is dollars. */
export const validateQuantity = (value: unknown, values: { metric?: string }) =>
  positive(value) ?? wholeUnlessDollars(values.metric)(value);

/** Save only: a pledge is cancelled, never deleted. */
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The chosen campaign's goals: only their metrics (and "other") may be pledged. */
const useCampaignGoals = (campaignId: string | undefined) =>
  useGetList<CampaignGoalDto>(
    'campaign-goals',
    {
      filter: { campaignId },
      pagination: { page: 1, perPage: 20 },
      sort: { field: 'metric', order: 'ASC' },
    },
    { enabled: Boolean(campaignId) },
  );

/** Metric select limited to the campaign's goals + other; cleared when the campaign changes. */
const MetricInput = () => {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  const metric = useWatch({ name: 'metric' }) as string | undefined;
  const { setValue } = useFormContext();
  const { data: goals, isPending } = useCampaignGoals(campaignId);
  const choices = useMemo(() => campaignChoices('pledgeMetric', pledgeMetricsFor(goals ?? [])), [goals]);
  useEffect(() => {
    if (!campaignId || isPending || !metric) return;
    if (!choices.some((choice) => choice.id === metric)) setValue('metric', null, { shouldDirty: true });
  }, [campaignId, isPending, metric, choices, setValue]);
  return (
    <SelectInput
      source="metric"
      choices={campaignId ? choices : []}
      disabled={!campaignId}
      validate={required()}
      helperText="unidos.pledges.metric_help"
      isPending={Boolean(campaignId) && isPending}
    />
  );
};

/** The quantity; whole numbers except for dollars. */
const QuantityInput = () => {
  const metric = useWatch({ name: 'metric' }) as string | undefined;
  return (
    <NumberInput
      source="quantity"
      min={0}
      step={metric === 'dollars' ? 0.01 : 1}
      validate={[required(), validateQuantity]}
    />
  );
};

/** An optional demand of the chosen campaign, in the UI language. */
const DemandInput = ({ campaignId }: { campaignId: string | undefined }) => {
  const format = useCampaignFormat();
  return (
    <ReferenceInput
      source="demandId"
      reference="demands"
      filter={{ campaignId }}
      sort={{ field: 'position', order: 'ASC' }}
      perPage={30}
      enableGetChoices={() => Boolean(campaignId)}
    >
      <SelectInput
        optionText={(demand: DemandDto) => `${demand.position}. ${format.demand(demand)}`}
        emptyText="unidos.common.none"
        disabled={!campaignId}
      />
    </ReferenceInput>
  );
};

/** Clears the demand when the campaign changes (a demand belongs to one campaign). */
const DemandReset = () => {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    if (getFieldState('campaignId').isDirty) setValue('demandId', null);
  }, [campaignId, getFieldState, setValue]);
  return null;
};

/** Who the pledge is for, for a coordinator: their own organization. */
const OwnOrganization = () => {
  const translate = useTranslate();
  const { organizationId } = useCaller();
  const { data } = useGetOne<OrganizationDto>(
    'organizations',
    { id: organizationId ?? '' },
    { enabled: Boolean(organizationId) },
  );
  if (!data) return null;
  return (
    <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
      {translate('unidos.pledges.for_own_organization', { name: data.name })}
    </Alert>
  );
};

const CampaignDemand = () => {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  return (
    <>
      <DemandReset />
      <DemandInput campaignId={campaignId} />
    </>
  );
};

/**
 * A new pledge: campaign (active ones), organization (alliance roles only; a coordinator pledges
 * for their own), metric among the campaign's goals or "other", quantity, due date, demand, note.
 */
export const PledgeCreateForm = () => {
  const { alliance } = useCaller();
  return (
    <SimpleForm toolbar={<FormToolbar />} warnWhenUnsavedChanges sx={{ maxWidth: 800 }}>
      {alliance ? null : <OwnOrganization />}
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: alliance ? 6 : 12 }}>
          <ReferenceInput
            source="campaignId"
            reference="campaigns"
            filter={{ status: 'active' }}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <AutocompleteInput optionText="name" filterToQuery={byName} validate={required()} />
          </ReferenceInput>
        </Grid>
        {alliance ? (
          <Grid size={{ xs: 12, md: 6 }}>
            <ReferenceInput
              source="organizationId"
              reference="organizations"
              filter={{ membershipStatus: 'active' }}
              sort={{ field: 'name', order: 'ASC' }}
            >
              <AutocompleteInput optionText="name" filterToQuery={byName} validate={required()} />
            </ReferenceInput>
          </Grid>
        ) : null}
        <Grid size={{ xs: 12, md: 4 }}>
          <MetricInput />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <QuantityInput />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <DateInput source="dueOn" />
        </Grid>
        <Grid size={12}>
          <CampaignDemand />
        </Grid>
        <Grid size={12}>
          <TextInput source="note" multiline minRows={2} validate={maxLength(2000)} />
        </Grid>
      </Grid>
    </SimpleForm>
  );
};

/** Changing a pledge: quantity, due date, demand and note (the metric and organization stay). */
export const PledgeEditForm = () => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const record = useRecordContext<PledgeDto>();
  if (!record) return null;
  return (
    <SimpleForm toolbar={<FormToolbar />} warnWhenUnsavedChanges sx={{ maxWidth: 800 }}>
      <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
        {translate('unidos.pledges.edit_intro', {
          organization: record.organizationName,
          metric: format.metric(record.metric),
        })}
      </Alert>
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <NumberInput
            source="quantity"
            min={0}
            step={record.metric === 'dollars' ? 0.01 : 1}
            validate={[required(), validateQuantity]}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <DateInput source="dueOn" />
        </Grid>
        <Grid size={12}>
          <DemandInput campaignId={record.campaignId} />
        </Grid>
        <Grid size={12}>
          <TextInput source="note" multiline minRows={2} validate={maxLength(2000)} />
        </Grid>
      </Grid>
    </SimpleForm>
  );
};
