import { useEffect, useMemo } from 'react';
import { Alert, Grid } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  maxLength,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetOne,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { DemandDto, EventDetailDto, OrganizationDto } from '@unidos/contracts';
import { LANGUAGE_CHOICES, STATE_CHOICES } from '../../common/choices';
import { FormSection } from '../../common/Section';
import { atMost, webAddress } from '../../common/validators';
import { useCaller, useCampaignFormat } from '../campaigns/fields';
import { EVENT_FORM_STATUS_CHOICES, EVENT_KIND_CHOICES } from './choices';
import { endAfterStart, toFormValues, wholeAtLeast } from './payload';
import { timeZoneIds, US_TIME_ZONES, viewerTimeZone, zoneOffsetLabel } from './time';

const byName = (q: string) => (q ? { q } : {});

/** Save only: an event is cancelled (with a reason) or completed from its page, never deleted. */
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Translation keys of the US zones' everyday names ("Central Time (Chicago)"). */
const US_ZONE_KEYS: Record<(typeof US_TIME_ZONES)[number], string> = {
  'America/New_York': 'eastern',
  'America/Chicago': 'central',
  'America/Denver': 'mountain',
  'America/Phoenix': 'arizona',
  'America/Los_Angeles': 'pacific',
  'America/Anchorage': 'alaska',
  'Pacific/Honolulu': 'hawaii',
  'America/Puerto_Rico': 'atlantic',
  'Pacific/Guam': 'chamorro',
  'Pacific/Pago_Pago': 'samoa',
};

interface ZoneChoice {
  id: string;
  name: string;
  group: string;
}

/** The time zone select: the US zones first with their everyday names, then every IANA zone. */
const TimeZoneInput = () => {
  const translate = useTranslate();
  const record = useRecordContext<EventDetailDto>();
  const choices = useMemo<ZoneChoice[]>(() => {
    const us = translate('unidos.time_zones.group_us');
    const all = translate('unidos.time_zones.group_all');
    return timeZoneIds(record?.timeZone).map((id) => {
      const key = US_ZONE_KEYS[id as keyof typeof US_ZONE_KEYS];
      const offset = zoneOffsetLabel(id);
      return key
        ? { id, name: `${translate(`unidos.time_zones.${key}`)} — ${id} (${offset})`, group: us }
        : { id, name: `${id.replace(/_/g, ' ')} (${offset})`, group: all };
    });
  }, [translate, record?.timeZone]);
  return (
    <AutocompleteInput
      source="timeZone"
      choices={choices}
      translateChoice={false}
      groupBy={(option: ZoneChoice) => option.group}
      validate={required()}
      helperText="unidos.events.time_zone_help"
      disableClearable
    />
  );
};

/** Start and end: the wall clock where the event happens, in the zone chosen beside them. */
const WallTimeInput = ({ source, validate }: { source: 'startsAt' | 'endsAt'; validate: Validator[] }) => (
  <TextInput
    source={source}
    type="datetime-local"
    validate={validate}
    helperText="unidos.events.wall_time_help"
    slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60 } }}
  />
);

/** An optional demand of the chosen campaign, in the UI language. */
const DemandInput = () => {
  const format = useCampaignFormat();
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    // A demand belongs to one campaign: clear it when the campaign changes.
    if (getFieldState('campaignId').isDirty) setValue('demandId', null, { shouldDirty: true });
  }, [campaignId, getFieldState, setValue]);
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
        helperText="unidos.events.demand_help"
      />
    </ReferenceInput>
  );
};

/** For a coordinator: the event is led by their own organization. */
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
      {translate('unidos.events.led_by_own', { name: data.name })}
    </Alert>
  );
};

const START_VALIDATE: Validator[] = [required()];
const END_VALIDATE: Validator[] = [required(), endAfterStart];

/**
 * An event's fields. On create, also who leads it (alliance roles choose; a coordinator's own
 * organization leads), the lead's turnout goal, and the organizations invited to co-host.
 */
export const EventForm = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  const { alliance } = useCaller();
  const record = useRecordContext<EventDetailDto>();
  // The edit form shows the stored instants as wall times in the event's zone.
  const formRecord = useMemo(
    () => (mode === 'edit' && record ? toFormValues(record) : undefined),
    [mode, record],
  );
  const defaults = useMemo(
    () =>
      mode === 'create'
        ? {
            status: 'draft',
            kind: 'rally',
            timeZone: viewerTimeZone(),
            languages: [],
            interpretation: [],
            coHostIds: [],
          }
        : undefined,
    [mode],
  );
  if (mode === 'edit' && !formRecord) return null;
  return (
    <SimpleForm
      toolbar={<FormToolbar />}
      warnWhenUnsavedChanges
      defaultValues={defaults}
      record={formRecord}
      sx={{ maxWidth: 960 }}
    >
      {mode === 'create' && !alliance ? <OwnOrganization /> : null}
      <FormSection title={translate('unidos.events.section_what')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        {mode === 'create' && alliance ? (
          <Grid size={12}>
            <ReferenceInput
              source="leadOrganizationId"
              reference="organizations"
              filter={{ membershipStatus: 'active' }}
              sort={{ field: 'name', order: 'ASC' }}
            >
              <AutocompleteInput
                optionText="name"
                filterToQuery={byName}
                validate={required()}
                helperText="unidos.events.lead_help"
              />
            </ReferenceInput>
          </Grid>
        ) : null}
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="kind" choices={EVENT_KIND_CHOICES} validate={required()} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextInput source="title" validate={[required(), maxLength(200)]} />
        </Grid>
        <Grid size={12}>
          <TextInput source="description" multiline minRows={3} validate={maxLength(5000)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ReferenceInput source="campaignId" reference="campaigns" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" filterToQuery={byName} />
          </ReferenceInput>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <DemandInput />
        </Grid>
      </Grid>

      <FormSection title={translate('unidos.events.section_when')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TimeZoneInput />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <WallTimeInput source="startsAt" validate={START_VALIDATE} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <WallTimeInput source="endsAt" validate={END_VALIDATE} />
        </Grid>
      </Grid>

      <FormSection title={translate('unidos.events.section_where')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="venue" validate={maxLength(200)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="address" validate={maxLength(300)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="city" validate={maxLength(120)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectInput source="state" choices={STATE_CHOICES} emptyText="unidos.common.none" />
        </Grid>
        <Grid size={12}>
          <TextInput
            source="onlineUrl"
            type="url"
            validate={[webAddress, maxLength(500)]}
            helperText="unidos.events.online_help"
          />
        </Grid>
      </Grid>

      <FormSection title={translate('unidos.events.section_access')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <NumberInput
            source="capacity"
            min={1}
            step={1}
            validate={wholeAtLeast(1)}
            helperText="unidos.events.capacity_help"
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <AutocompleteArrayInput source="languages" choices={LANGUAGE_CHOICES} validate={atMost(20)} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <AutocompleteArrayInput
            source="interpretation"
            choices={LANGUAGE_CHOICES}
            validate={atMost(20)}
            helperText="unidos.events.interpretation_help"
          />
        </Grid>
        <Grid size={12}>
          <TextInput source="accessibilityNotes" multiline minRows={2} validate={maxLength(2000)} />
        </Grid>
      </Grid>

      {mode === 'create' ? (
        <>
          <FormSection title={translate('unidos.events.section_hosts')} />
          <Grid container columnSpacing={2} sx={{ width: '100%' }}>
            <Grid size={{ xs: 12, md: 4 }}>
              <NumberInput
                source="turnoutGoal"
                min={0}
                step={1}
                validate={wholeAtLeast(0)}
                helperText="unidos.events.turnout_goal_help"
              />
            </Grid>
            <Grid size={{ xs: 12, md: 8 }}>
              <ReferenceArrayInput
                source="coHostIds"
                reference="organizations"
                filter={{ membershipStatus: 'active' }}
                sort={{ field: 'name', order: 'ASC' }}
              >
                <AutocompleteArrayInput
                  optionText="name"
                  filterToQuery={byName}
                  validate={atMost(50)}
                  helperText="unidos.events.co_hosts_help"
                />
              </ReferenceArrayInput>
            </Grid>
          </Grid>
        </>
      ) : null}

      <FormSection title={translate('unidos.events.section_publish')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput
            source="status"
            choices={EVENT_FORM_STATUS_CHOICES}
            validate={required()}
            helperText="unidos.events.status_help"
          />
        </Grid>
      </Grid>
    </SimpleForm>
  );
};
