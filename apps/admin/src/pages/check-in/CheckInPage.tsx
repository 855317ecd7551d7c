import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  IconButton,
  InputAdornment,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RemoveIcon from '@mui/icons-material/Remove';
import SearchIcon from '@mui/icons-material/Search';
import UndoIcon from '@mui/icons-material/Undo';
import {
  LinkBase,
  Loading,
  Title,
  useDataProvider,
  useGetList,
  useGetOne,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { EventDetailDto, EventHostDto, RsvpDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { isStaleVersion } from '../../providers/payload';
import { useNotifyError } from '../../resources/campaigns/errors';
import { eventAccess } from '../../resources/events/access';
import { eventEnumKey } from '../../resources/events/choices';
import { CancelledBanner } from '../../resources/events/fields';
import { useCaller } from '../../resources/campaigns/fields';
import { formatInZone, formatTimeInZone, viewerTimeZone } from '../../resources/events/time';

/** Who appears at the door: everyone who said they might come (not who declined). */
const AT_THE_DOOR = new Set<RsvpDto['status']>(['going', 'maybe', 'waitlisted', 'attended']);

/** Waits a moment after typing before asking the API (a name search per keystroke is wasteful). */
const useDebounced = (value: string, ms = 250) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

const BigNumber = ({ value, label, id }: { value: string; label: string; id: string }) => (
  <Box sx={{ textAlign: 'center', flex: 1 }}>
    <Typography
      id={id}
      component="p"
      sx={{ fontSize: '2rem', fontWeight: 700, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' }}
    >
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

/** One person at the door: a large "Check in" button, or "Checked in" with an undo. */
const PersonRow = ({ rsvp, onChanged }: { rsvp: RsvpDto; onChanged: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const name = rsvp.name ?? translate('unidos.rsvps.removed');
  const attended = rsvp.status === 'attended';

  const act = async (undo: boolean) => {
    setBusy(true);
    try {
      if (undo) await dataProvider.undoCheckInRsvp(rsvp.id);
      else await dataProvider.checkInRsvp(rsvp.id);
      notify(undo ? 'unidos.check_in.undone' : 'unidos.check_in.done', {
        type: 'info',
        messageArgs: { name },
      });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <Box
      component="li"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        py: 1.25,
        px: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: attended ? 'action.hover' : undefined,
      }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography sx={{ fontSize: '1.15rem', fontWeight: 600, overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        {attended && rsvp.checkedInAt ? (
          <Typography
            variant="body2"
            color="success.main"
            sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
          >
            <CheckCircleIcon fontSize="small" aria-hidden />
            {translate('unidos.check_in.checked_in_at', {
              time: formatTimeInZone(rsvp.checkedInAt, viewerTimeZone(), locale),
            })}
          </Typography>
        ) : rsvp.status !== 'going' ? (
          <Chip
            size="small"
            variant="outlined"
            color={rsvp.status === 'waitlisted' ? 'warning' : 'info'}
            label={translate(eventEnumKey('rsvpStatus', rsvp.status))}
            sx={{ mt: 0.25 }}
          />
        ) : null}
      </Box>
      {attended ? (
        <Button
          variant="outlined"
          startIcon={<UndoIcon />}
          disabled={busy}
          onClick={() => void act(true)}
          aria-label={translate('unidos.check_in.undo_for', { name })}
          sx={{ minHeight: 48 }}
        >
          {translate('unidos.check_in.undo')}
        </Button>
      ) : (
        <Button
          variant="contained"
          size="large"
          disabled={busy}
          onClick={() => void act(false)}
          aria-label={translate('unidos.check_in.check_in_for', { name })}
          sx={{ minHeight: 52, minWidth: 128, fontSize: '1.05rem' }}
        >
          {translate('unidos.check_in.check_in')}
        </Button>
      )}
    </Box>
  );
};

/** The walk-in counter: + and − only, nothing about who. */
const WalkIns = ({
  host,
  enabled,
  onChanged,
}: {
  host: EventHostDto;
  enabled: boolean;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const [count, setCount] = useState(host.walkIns);
  useEffect(() => setCount(host.walkIns), [host.walkIns]);

  const add = async (delta: 1 | -1) => {
    setBusy(true);
    try {
      const updated = await dataProvider.countWalkIns(host.id, delta);
      setCount(updated.walkIns);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography component="h2" variant="h6" id="walk-ins-heading">
          {translate('unidos.check_in.walk_ins')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate('unidos.check_in.walk_ins_help')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'center' }}>
          <IconButton
            aria-label={translate('unidos.check_in.walk_in_remove')}
            disabled={!enabled || busy || count === 0}
            onClick={() => void add(-1)}
            sx={{ width: 64, height: 64, border: 2, borderColor: 'divider' }}
          >
            <RemoveIcon fontSize="large" />
          </IconButton>
          <Typography
            role="status"
            aria-live="polite"
            aria-labelledby="walk-ins-heading"
            sx={{
              fontSize: '2.5rem',
              fontWeight: 700,
              minWidth: 80,
              textAlign: 'center',
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            {count}
          </Typography>
          <IconButton
            aria-label={translate('unidos.check_in.walk_in_add')}
            disabled={!enabled || busy}
            onClick={() => void add(1)}
            sx={{
              width: 64,
              height: 64,
              bgcolor: 'primary.main',
              color: 'primary.contrastText',
              '&:hover': { bgcolor: 'primary.dark' },
              '&.Mui-disabled': { bgcolor: 'action.disabledBackground' },
            }}
          >
            <AddIcon fontSize="large" />
          </IconButton>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The host's own count of who came, for the totals and (when completed) its turnout pledge. */
const ReportAttendance = ({
  host,
  suggested,
  onChanged,
}: {
  host: EventHostDto;
  suggested: number;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [value, setValue] = useState(host.reportedAttendance === null ? '' : String(host.reportedAttendance));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValue(host.reportedAttendance === null ? '' : String(host.reportedAttendance));
  }, [host.reportedAttendance]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const number = trimmed === '' ? null : Number(trimmed);
    if (number !== null && (!Number.isInteger(number) || number < 0)) {
      setError(translate('unidos.events.validation.whole_number'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      // The latest version: check-ins and walk-ins do not change it, but another coordinator may have.
      const { data: fresh } = await dataProvider.getOne<EventHostDto>('event-hosts', { id: host.id });
      await dataProvider.updateEventHost(host.id, { version: fresh.version, reportedAttendance: number });
      notify('unidos.event_hosts.numbers_saved', { type: 'info' });
    } catch (err) {
      if (isStaleVersion(err)) notify('unidos.errors.stale_version', { type: 'warning' });
      else notifyError(err);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <Card variant="outlined">
      <CardContent component="form" onSubmit={(e: FormEvent) => void save(e)} noValidate>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('unidos.check_in.report_title')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            type="number"
            label={translate('resources.event-hosts.fields.reportedAttendance')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={Boolean(error)}
            helperText={error ?? translate('unidos.check_in.report_help', { suggested })}
            slotProps={{ htmlInput: { min: 0, step: 1, inputMode: 'numeric' } }}
            sx={{ flex: 1 }}
          />
          <Button type="submit" variant="contained" disabled={busy} sx={{ minHeight: 56 }}>
            {translate('ra.action.save')}
          </Button>
        </Stack>
        <Button size="small" sx={{ mt: 0.5 }} onClick={() => setValue(String(suggested))}>
          {translate('unidos.check_in.use_suggested', { suggested })}
        </Button>
      </CardContent>
    </Card>
  );
};

/**
 * The door (`/events/:id/check-in`), made for a phone: the host's coordinator finds their own
 * people by name and checks them in with one large button, counts walk-ins with + and − (no names,
 * no contact), and reports the attendance. Nothing here is kept in the address or the browser's
 * storage: the search stays in the page's memory.
 */
export const CheckInPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { id = '' } = useParams<{ id: string }>();
  const { identity } = useCaller();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const event = useGetOne<EventDetailDto>('events', { id }, { enabled: Boolean(id) });
  const access = eventAccess(identity, event.data);
  const host = access.ownHost;
  const rsvps = useGetList<RsvpDto>(
    'rsvps',
    {
      filter: { eventId: id, ...(q ? { q } : {}) },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: Boolean(id) && access.canCheckIn, placeholderData: (previous) => previous },
  );
  const atTheDoor = useMemo(
    () => (rsvps.data ?? []).filter((rsvp) => AT_THE_DOOR.has(rsvp.status)),
    [rsvps.data],
  );

  const reload = () => {
    void event.refetch();
    void rsvps.refetch();
  };

  if (event.isPending || !identity) return <Loading />;
  const back = (
    <Button
      component={LinkBase}
      to={`/events/${encodeURIComponent(id)}/show`}
      startIcon={<ArrowBackIcon />}
      size="small"
    >
      {translate('unidos.check_in.back')}
    </Button>
  );
  if (event.isError || !event.data) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="error">{translate('ra.notification.http_error')}</Alert>
      </Box>
    );
  }
  const data = event.data;
  if (!access.canCheckIn || !host) {
    return (
      <Box sx={{ p: 2, maxWidth: 560, mx: 'auto' }}>
        <Title title="unidos.check_in.title" />
        {back}
        <Box sx={{ mt: 2 }}>
          <CancelledBanner event={data} compact />
        </Box>
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate(data.status === 'published' ? 'unidos.check_in.not_a_host' : 'unidos.check_in.not_open')}
        </Alert>
      </Box>
    );
  }
  const expected = host.going + host.checkedIn;
  const suggested = host.checkedIn + host.walkIns;

  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', px: { xs: 0.5, sm: 2 }, py: 1 }}>
      <Title title="unidos.check_in.title" />
      <Stack spacing={1.5}>
        <Box>
          {back}
          <Typography component="h1" variant="h6" sx={{ fontWeight: 700, lineHeight: 1.25, mt: 0.5 }}>
            {data.title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {formatInZone(data.startsAt, data.timeZone, locale)} · {host.organizationName}
          </Typography>
        </Box>

        <Card variant="outlined">
          <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'stretch' }} aria-live="polite">
              <BigNumber
                id="checked-in-count"
                value={translate('unidos.check_in.of', { done: host.checkedIn, total: expected })}
                label={translate('unidos.check_in.checked_in_of_going')}
              />
              <BigNumber
                id="walk-ins-count"
                value={String(host.walkIns)}
                label={translate('unidos.check_in.walk_ins')}
              />
              <BigNumber
                id="here-count"
                value={String(suggested)}
                label={translate('unidos.check_in.here_now')}
              />
            </Stack>
          </CardContent>
        </Card>

        <TextField
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          label={translate('unidos.check_in.search')}
          autoComplete="off"
          fullWidth
          slotProps={{
            htmlInput: {
              style: { fontSize: '1.25rem', padding: '14px 12px' },
              spellCheck: false,
              autoCapitalize: 'words',
            },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
        />

        <Card variant="outlined">
          {rsvps.isPending ? (
            <Box sx={{ p: 2 }}>
              <Typography color="text.secondary">{translate('unidos.common.loading')}</Typography>
            </Box>
          ) : atTheDoor.length === 0 ? (
            <Box sx={{ p: 2 }}>
              <Typography color="text.secondary">
                {translate(q ? 'unidos.check_in.no_match' : 'unidos.check_in.nobody')}
              </Typography>
            </Box>
          ) : (
            <Box
              component="ul"
              aria-label={translate('unidos.check_in.list_label')}
              sx={{ listStyle: 'none', m: 0, p: 0 }}
            >
              {atTheDoor.map((rsvp) => (
                <PersonRow key={rsvp.id} rsvp={rsvp} onChanged={reload} />
              ))}
            </Box>
          )}
          {(rsvps.total ?? 0) > (rsvps.data?.length ?? 0) ? (
            <Typography variant="body2" color="text.secondary" sx={{ p: 1.5 }}>
              {translate('unidos.check_in.search_to_find_more', { total: rsvps.total ?? 0 })}
            </Typography>
          ) : null}
        </Card>

        <WalkIns host={host} enabled={data.status === 'published'} onChanged={reload} />
        <ReportAttendance host={host} suggested={suggested} onChanged={reload} />
      </Stack>
    </Box>
  );
};
