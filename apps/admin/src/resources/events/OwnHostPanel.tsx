import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Grid, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  Form,
  NumberInput,
  SaveButton,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { EventHostDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { changedFields, isStaleVersion } from '../../providers/payload';
import { useNotifyError, useSubmissionErrors } from '../campaigns/errors';
import type { EventAccess } from './access';
import { EventEnumChip } from './fields';
import { wholeAtLeast } from './payload';

const NUMBER_FIELDS = ['turnoutGoal', 'reportedAttendance'] as const;
type HostNumbers = Pick<EventHostDto, 'turnoutGoal' | 'reportedAttendance'>;

/** Accept or decline an invitation to co-host. */
const Invitation = ({ host }: { host: EventHostDto }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const answer = async (status: 'accepted' | 'declined') => {
    setBusy(true);
    try {
      await dataProvider.updateEventHost(host.id, { version: host.version, status });
      notify(
        status === 'accepted' ? 'unidos.event_hosts.accepted_done' : 'unidos.event_hosts.declined_done',
        {
          type: 'info',
        },
      );
    } catch (error) {
      if (isStaleVersion(error)) notify('unidos.errors.stale_version', { type: 'warning' });
      else notifyError(error);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Alert severity={host.status === 'declined' ? 'info' : 'warning'} variant="outlined">
      <AlertTitle>
        {translate(
          host.status === 'declined'
            ? 'unidos.event_hosts.you_declined'
            : 'unidos.event_hosts.you_are_invited',
        )}
      </AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('unidos.event_hosts.invitation_help')}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          size="small"
          startIcon={<CheckIcon />}
          disabled={busy}
          onClick={() => void answer('accepted')}
        >
          {translate('unidos.event_hosts.accept')}
        </Button>
        {host.status === 'invited' ? (
          <Button
            size="small"
            startIcon={<CloseIcon />}
            disabled={busy}
            onClick={() => void answer('declined')}
          >
            {translate('unidos.event_hosts.decline')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
};

/** The host's own turnout goal and reported attendance (its coordinators). */
const OwnNumbers = ({ host }: { host: EventHostDto }) => {
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const record: HostNumbers & { id: string } = {
    id: host.id,
    turnoutGoal: host.turnoutGoal,
    reportedAttendance: host.reportedAttendance,
  };
  const save = async (values: Record<string, unknown>) => {
    const changes = changedFields(
      { turnoutGoal: values.turnoutGoal, reportedAttendance: values.reportedAttendance },
      record,
    );
    if (Object.keys(changes).length === 0) return undefined;
    try {
      await dataProvider.updateEventHost(host.id, {
        version: host.version,
        ...(changes as Partial<HostNumbers>),
      });
      notify('unidos.event_hosts.numbers_saved', { type: 'info' });
      refresh();
      return undefined;
    } catch (error) {
      if (isStaleVersion(error)) {
        notify('unidos.errors.stale_version', { type: 'warning' });
        refresh();
        return undefined;
      }
      return submissionErrors(error, NUMBER_FIELDS);
    }
  };
  return (
    <Form key={`${host.id}-${host.version}`} record={record} onSubmit={save} noValidate>
      <Grid container columnSpacing={2} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput
            source="turnoutGoal"
            label="resources.event-hosts.fields.turnoutGoal"
            min={0}
            step={1}
            validate={wholeAtLeast(0)}
            helperText="unidos.event_hosts.turnout_goal_help"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput
            source="reportedAttendance"
            label="resources.event-hosts.fields.reportedAttendance"
            min={0}
            step={1}
            validate={wholeAtLeast(0)}
            helperText="unidos.event_hosts.reported_help"
          />
        </Grid>
      </Grid>
      <SaveButton
        label="unidos.event_hosts.save_numbers"
        variant="outlined"
        size="small"
        alwaysEnable={false}
      />
    </Form>
  );
};

/**
 * "Our organization" on an event: a co-host's answer to its invitation, then its own turnout goal
 * and reported attendance. Viewers read them.
 */
export const OwnHostPanel = ({ access }: { access: EventAccess }) => {
  const translate = useTranslate();
  const host = access.ownHost;
  if (!host) return null;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body1" sx={{ fontWeight: 500 }}>
          {host.organizationName}
        </Typography>
        <EventEnumChip group="eventHostRole" value={host.role} />
        <EventEnumChip group="eventHostStatus" value={host.status} />
      </Stack>
      {access.canAnswer ? <Invitation host={host} /> : null}
      {host.status === 'invited' && !access.canAnswer ? (
        <Typography variant="body2">{translate('unidos.event_hosts.invited_viewer')}</Typography>
      ) : null}
      {access.canSetOwnNumbers ? (
        <Box>
          <OwnNumbers host={host} />
        </Box>
      ) : host.status === 'accepted' ? (
        <Typography variant="body2">
          {translate('unidos.event_hosts.own_numbers_line', {
            goal: host.turnoutGoal ?? '—',
            reported: host.reportedAttendance ?? '—',
          })}
        </Typography>
      ) : null}
    </Stack>
  );
};
