import { useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  AutocompleteInput,
  DataTable,
  maxLength,
  Pagination,
  RadioButtonGroupInput,
  ReferenceInput,
  ReferenceManyField,
  TextInput,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { EventDetailDto, PersonDto, RsvpDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { isStaleVersion } from '../../providers/payload';
import { useNotifyError, useSubmissionErrors } from '../campaigns/errors';
import { FormDialog } from '../campaigns/FormDialog';
import type { EventAccess } from './access';
import { eventEnumKey, RSVP_CHANGE_STATUSES, RSVP_NEW_STATUS_CHOICES } from './choices';
import { CheckInButton } from './EventActions';
import { RsvpStatusChip } from './fields';
import { formatTimeInZone, viewerTimeZone } from './time';

type RegisterValues = {
  personId?: string | null;
  firstName?: string | null;
  status: 'going' | 'maybe' | 'declined';
};

const byName = (q: string) => (q ? { q } : {});

/** "Register someone": one of the organization's people, or a first name only. */
const RegisterButton = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const [open, setOpen] = useState(false);

  const save = async (values: RegisterValues) => {
    const personId = values.personId || undefined;
    const firstName = values.firstName?.trim() || undefined;
    if (Boolean(personId) === Boolean(firstName)) {
      return {
        personId: 'unidos.rsvps.person_or_first_name',
        firstName: 'unidos.rsvps.person_or_first_name',
      };
    }
    try {
      const { data } = await dataProvider.create<RsvpDto & { id: string }>('rsvps', {
        data: { eventId: event.id, personId, firstName, status: values.status },
      });
      setOpen(false);
      if (data.status === 'waitlisted') {
        notify('unidos.rsvps.registered_waitlisted', {
          type: 'warning',
          messageArgs: { name: data.name ?? '' },
        });
      } else {
        notify('unidos.rsvps.registered', { type: 'info', messageArgs: { name: data.name ?? '' } });
      }
      refresh();
      return undefined;
    } catch (error) {
      return submissionErrors(error, ['personId', 'firstName', 'status']);
    }
  };

  return (
    <>
      <Button size="small" variant="outlined" startIcon={<PersonAddIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.rsvps.register')}
      </Button>
      <FormDialog<RegisterValues>
        open={open}
        onClose={() => setOpen(false)}
        title={translate('unidos.rsvps.register_title')}
        submitLabel={translate('unidos.rsvps.register_submit')}
        defaultValues={{ status: 'going' }}
        onSubmit={save}
      >
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('unidos.rsvps.register_intro')}
        </Typography>
        <ReferenceInput source="personId" reference="people" sort={{ field: 'displayName', order: 'ASC' }}>
          <AutocompleteInput
            optionText={(person: PersonDto) => person.displayName}
            filterToQuery={byName}
            label="unidos.rsvps.person"
            helperText="unidos.rsvps.person_help"
          />
        </ReferenceInput>
        <TextInput
          source="firstName"
          label="unidos.rsvps.first_name"
          validate={maxLength(60)}
          helperText="unidos.rsvps.first_name_help"
          autoComplete="off"
        />
        <RadioButtonGroupInput
          source="status"
          label="resources.rsvps.fields.status"
          choices={RSVP_NEW_STATUS_CHOICES}
        />
      </FormDialog>
    </>
  );
};

/** An RSVP's answer, and (coordinators) a select to change it. */
const RsvpStatusCell = ({ canChange }: { canChange: boolean; label?: string; source?: string }) => {
  const translate = useTranslate();
  const rsvp = useRecordContext<RsvpDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  if (!rsvp) return null;
  if (!canChange || rsvp.status === 'attended' || rsvp.anonymizedAt)
    return <RsvpStatusChip status={rsvp.status} />;

  const change = async (status: string) => {
    if (status === rsvp.status) return;
    setBusy(true);
    try {
      const { data } = await dataProvider.update<RsvpDto & { id: string }>('rsvps', {
        id: rsvp.id,
        data: { status },
        previousData: rsvp,
      });
      notify(data.status === 'waitlisted' ? 'unidos.rsvps.changed_waitlisted' : 'unidos.rsvps.changed', {
        type: data.status === 'waitlisted' ? 'warning' : 'info',
        messageArgs: { name: rsvp.name ?? '' },
      });
    } catch (error) {
      if (isStaleVersion(error)) notify('unidos.errors.stale_version', { type: 'warning' });
      else notifyError(error);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const options: string[] = [...RSVP_CHANGE_STATUSES];
  if (!options.includes(rsvp.status)) options.unshift(rsvp.status);
  const select = (
    <TextField
      select
      size="small"
      variant="outlined"
      margin="none"
      value={rsvp.status}
      disabled={busy}
      onChange={(e) => void change(e.target.value)}
      slotProps={{
        htmlInput: { 'aria-label': translate('unidos.rsvps.change_of', { name: rsvp.name ?? '—' }) },
      }}
      sx={{ minWidth: 150 }}
    >
      {options.map((status) => (
        <MenuItem key={status} value={status} disabled={status === 'waitlisted'}>
          {translate(eventEnumKey('rsvpStatus', status))}
        </MenuItem>
      ))}
    </TextField>
  );
  if (rsvp.status !== 'waitlisted') return select;
  // Waitlisted stands out, with what it means: nobody has to do anything.
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Tooltip title={translate('unidos.rsvps.waitlist_explained')}>
        <span>
          <RsvpStatusChip status="waitlisted" />
        </span>
      </Tooltip>
      {select}
    </Stack>
  );
};

const NameCell = (_props: { label?: string; source?: string }) => {
  const translate = useTranslate();
  const rsvp = useRecordContext<RsvpDto>();
  if (!rsvp) return null;
  if (rsvp.anonymizedAt || !rsvp.name) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {translate('unidos.rsvps.removed')}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {rsvp.name}
      {rsvp.personId ? null : (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {translate('unidos.rsvps.first_name_only')}
        </Typography>
      )}
    </Typography>
  );
};

const CheckedInCell = (_props: { label?: string; source?: string }) => {
  const [locale] = useLocaleState();
  const rsvp = useRecordContext<RsvpDto>();
  if (!rsvp?.checkedInAt)
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  return (
    <Typography variant="body2">{formatTimeInZone(rsvp.checkedInAt, viewerTimeZone(), locale)}</Typography>
  );
};

const Column = DataTable.Col<RsvpDto>;

/**
 * "Our people": the caller's own organization's RSVPs for this event (other hosts' are never
 * visible, not even to the alliance). Coordinators register people (one of the organization's
 * people, or a first name only) and change answers; past capacity, people go on a waitlist that
 * moves up by itself.
 */
export const OurPeople = ({ event, access }: { event: EventDetailDto; access: EventAccess }) => {
  const translate = useTranslate();
  const host = access.ownHost;
  if (!host) return null;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {translate('unidos.rsvps.private_note')}
      </Typography>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {translate('unidos.rsvps.counts_line', {
          going: host.going,
          maybe: host.maybe,
          waitlisted: host.waitlisted,
          checkedIn: host.checkedIn,
          walkIns: host.walkIns,
        })}
      </Typography>
      {host.waitlisted > 0 ? (
        <Alert severity="warning" variant="outlined">
          {translate('unidos.rsvps.waitlist_explained')}
        </Alert>
      ) : null}
      {access.canRegister || access.canCheckIn ? (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {access.canRegister ? <RegisterButton event={event} /> : null}
          {access.canCheckIn ? <CheckInButton event={event} variant="outlined" /> : null}
        </Stack>
      ) : null}
      {access.seesOwnPeople && !access.canRegister && access.canCheckIn ? (
        <Typography variant="body2" color="text.secondary">
          {translate('unidos.rsvps.registration_closed')}
        </Typography>
      ) : null}
      <Box>
        <ReferenceManyField
          reference="rsvps"
          target="eventId"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={25}
          pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
          empty={
            <Typography variant="body2" color="text.secondary">
              {translate('unidos.rsvps.none')}
            </Typography>
          }
        >
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <CsvExportButton filter={{ eventId: event.id }} tooltip="unidos.common.export_recorded" />
          </Stack>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <Column source="name">
              <NameCell />
            </Column>
            <Column source="status">
              <RsvpStatusCell canChange={access.canRegister} />
            </Column>
            <Column source="checkedInAt">
              <CheckedInCell />
            </Column>
          </DataTable>
        </ReferenceManyField>
      </Box>
    </Stack>
  );
};
