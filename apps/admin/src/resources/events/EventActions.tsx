import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, FormHelperText, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/GroupAdd';
import BlockIcon from '@mui/icons-material/Block';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import EventIcon from '@mui/icons-material/EventAvailable';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
  AutocompleteInput,
  EditButton,
  LinkBase,
  maxLength,
  ReferenceInput,
  required,
  TextInput,
  useDataProvider,
  useInput,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { EventDetailDto } from '@unidos/contracts';
import { eventIcsUrl } from '../../providers/eventCalls';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { isStaleVersion } from '../../providers/payload';
import { useSubmissionErrors } from '../campaigns/errors';
import { FormDialog } from '../campaigns/FormDialog';
import type { EventAccess } from './access';

/** "Add to calendar": the event's iCalendar file, with its own time zone. */
export const AddToCalendarButton = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  return (
    <Button
      size="small"
      component="a"
      href={eventIcsUrl(event.id)}
      download="event.ics"
      startIcon={<EventIcon />}
    >
      {translate('unidos.events.add_to_calendar')}
    </Button>
  );
};

/** The host's check-in screen (phone-sized). */
export const CheckInButton = ({
  event,
  variant = 'contained',
}: {
  event: EventDetailDto;
  variant?: 'contained' | 'outlined';
}) => {
  const translate = useTranslate();
  return (
    <Button
      size="small"
      variant={variant}
      component={LinkBase}
      to={`/events/${encodeURIComponent(event.id)}/check-in`}
      startIcon={<HowToRegIcon />}
    >
      {translate('unidos.check_in.open')}
    </Button>
  );
};

/** A react-admin checkbox (react-admin's BooleanInput is a switch). */
const CheckboxInput = ({
  source,
  label,
  helperText,
}: {
  source: string;
  label: string;
  helperText?: string;
}) => {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: false });
  return (
    <>
      <FormControlLabel
        control={
          <Checkbox
            checked={Boolean(field.value)}
            onChange={(e) => field.onChange(e.target.checked)}
            onBlur={field.onBlur}
            name={field.name}
            slotProps={{ input: { ref: field.ref } }}
          />
        }
        label={translate(label)}
      />
      {helperText ? <FormHelperText sx={{ ml: 4 }}>{translate(helperText)}</FormHelperText> : null}
    </>
  );
};

/** A 409 for a stale version reads "someone changed this meanwhile"; the page reloads. */
const useEventSubmission = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  return (error: unknown, fields: readonly string[]) => {
    if (isStaleVersion(error)) {
      notify('unidos.errors.stale_version', { type: 'warning' });
      refresh();
      return undefined;
    }
    return submissionErrors(error, fields);
  };
};

const byName = (q: string) => (q ? { q } : {});

/** The lead (or the alliance) invites another member organization to co-host. */
export const InviteHostButton = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useEventSubmission();
  const [open, setOpen] = useState(false);
  const hosting = new Set((event.hosts ?? []).map((host) => host.organizationId));
  const notHosting = (value: unknown) =>
    typeof value === 'string' && hosting.has(value) ? 'unidos.event_hosts.already_host' : undefined;

  const save = async ({ organizationId }: { organizationId: string }) => {
    try {
      await dataProvider.create('event-hosts', { data: { eventId: event.id, organizationId } });
      setOpen(false);
      notify('unidos.event_hosts.invited', { type: 'info' });
      refresh();
      return undefined;
    } catch (error) {
      return onError(error, ['organizationId']);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.event_hosts.invite')}
      </Button>
      <FormDialog<{ organizationId: string }>
        open={open}
        onClose={() => setOpen(false)}
        title={translate('unidos.event_hosts.invite_title')}
        submitLabel={translate('unidos.event_hosts.invite_submit')}
        onSubmit={save}
      >
        <ReferenceInput
          source="organizationId"
          reference="organizations"
          filter={{ membershipStatus: 'active' }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            optionText="name"
            filterToQuery={byName}
            label="resources.event-hosts.fields.organizationId"
            validate={[required(), notHosting]}
            helperText="unidos.event_hosts.invite_help"
          />
        </ReferenceInput>
      </FormDialog>
    </>
  );
};

/** Cancel, with a reason everyone sees on the event (RSVPs are kept). */
export const CancelEventButton = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useEventSubmission();
  const [open, setOpen] = useState(false);

  const save = async ({ reason }: { reason: string }) => {
    try {
      await dataProvider.cancelEvent(event.id, event.version, reason);
      setOpen(false);
      notify('unidos.events.cancelled_done', { type: 'info' });
      refresh();
      return undefined;
    } catch (error) {
      return onError(error, ['reason']);
    }
  };

  return (
    <>
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.events.cancel_event')}
      </Button>
      <FormDialog<{ reason: string }>
        open={open}
        onClose={() => setOpen(false)}
        title={translate('unidos.events.cancel_title', { title: event.title })}
        submitLabel={translate('unidos.events.cancel_submit')}
        onSubmit={save}
      >
        <Alert severity="warning" variant="outlined" sx={{ mb: 2 }}>
          {translate('unidos.events.cancel_content')}
        </Alert>
        <TextInput
          source="reason"
          label="unidos.events.cancel_reason"
          multiline
          minRows={2}
          validate={[required(), maxLength(2000)]}
          helperText="unidos.events.cancel_reason_help"
        />
      </FormDialog>
    </>
  );
};

/** Complete, optionally recording each host's reported attendance on its turnout pledge. */
export const CompleteEventButton = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useEventSubmission();
  const [open, setOpen] = useState(false);

  const save = async ({ recordAttendance }: { recordAttendance?: boolean }) => {
    try {
      await dataProvider.completeEvent(event.id, event.version, Boolean(recordAttendance));
      setOpen(false);
      notify('unidos.events.completed_done', { type: 'info' });
      refresh();
      return undefined;
    } catch (error) {
      return onError(error, ['recordAttendance']);
    }
  };

  return (
    <>
      <Button size="small" color="primary" startIcon={<DoneAllIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.events.complete_event')}
      </Button>
      <FormDialog<{ recordAttendance?: boolean }>
        open={open}
        onClose={() => setOpen(false)}
        title={translate('unidos.events.complete_title', { title: event.title })}
        submitLabel={translate('unidos.events.complete_submit')}
        defaultValues={{ recordAttendance: Boolean(event.campaignId) }}
        onSubmit={save}
      >
        <Stack spacing={1}>
          <Alert severity="info" variant="outlined">
            {translate('unidos.events.complete_content')}
          </Alert>
          {event.campaignId ? (
            <CheckboxInput
              source="recordAttendance"
              label="unidos.events.record_attendance"
              helperText="unidos.events.record_attendance_help"
            />
          ) : (
            <Alert severity="info">{translate('unidos.events.record_attendance_no_campaign')}</Alert>
          )}
        </Stack>
      </FormDialog>
    </>
  );
};

/** The event page's buttons, each shown only to whom the API allows it. */
export const EventButtons = ({ event, access }: { event: EventDetailDto; access: EventAccess }) => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
    {access.canCheckIn ? <CheckInButton event={event} /> : null}
    <AddToCalendarButton event={event} />
    {access.canManage ? <InviteHostButton event={event} /> : null}
    {access.canComplete ? <CompleteEventButton event={event} /> : null}
    {access.canManage ? <CancelEventButton event={event} /> : null}
    {access.canManage ? <EditButton /> : null}
  </Stack>
);
