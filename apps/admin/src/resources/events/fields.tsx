import { type MouseEvent, useMemo } from 'react';
import { Alert, AlertTitle, Box, Chip, type ChipProps, Stack, Typography } from '@mui/material';
import PublicIcon from '@mui/icons-material/Public';
import { Link, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { EventDto, RsvpStatus } from '@unidos/contracts';
import { EmptyValue } from '../../common/fields';
import { eventEnumKey, type EventEnumGroup } from './choices';
import { formatInZone, formatRangeInZone, viewerTimeZone, zonesDiffer } from './time';

const COLORS: Record<EventEnumGroup, Record<string, ChipProps['color']>> = {
  eventKind: {},
  eventStatus: { draft: 'default', published: 'success', cancelled: 'error', completed: 'primary' },
  eventHostRole: { lead: 'primary', co_host: 'default' },
  eventHostStatus: { invited: 'warning', accepted: 'success', declined: 'default' },
  rsvpStatus: {
    going: 'success',
    maybe: 'info',
    declined: 'default',
    waitlisted: 'warning',
    attended: 'primary',
    no_show: 'default',
  },
};

/** An event enum value as a chip; the text carries the meaning, the colour only helps. */
export const EventEnumChip = ({
  group,
  value,
  size = 'small',
}: {
  group: EventEnumGroup;
  value: string;
  size?: ChipProps['size'];
}) => {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      variant={group === 'eventKind' ? 'filled' : 'outlined'}
      color={COLORS[group][value] ?? 'default'}
      label={translate(eventEnumKey(group, value), { _: value })}
    />
  );
};

interface FieldProps {
  /** Read by SimpleShowLayout / DataTable for the label. */
  label?: string;
  source?: string;
}

export const EventKindField = (_props: FieldProps) => {
  const record = useRecordContext<EventDto>();
  return record ? <EventEnumChip group="eventKind" value={record.kind} /> : null;
};

export const EventStatusField = (_props: FieldProps) => {
  const record = useRecordContext<EventDto>();
  return record ? <EventEnumChip group="eventStatus" value={record.status} /> : null;
};

/** An RSVP's answer; "Waitlisted" says why where it is shown with `explain`. */
export const RsvpStatusChip = ({ status }: { status: RsvpStatus }) => (
  <EventEnumChip group="rsvpStatus" value={status} />
);

/** The viewer's zone and the UI language, for the time formatters. */
export const useEventTime = () => {
  const [locale] = useLocaleState();
  return useMemo(() => ({ locale, viewerZone: viewerTimeZone() }), [locale]);
};

/**
 * An event's start in its own zone ("Sat, Dec 5, 11:00 AM CST") and, when the viewer's zone
 * shows another time, also in theirs.
 */
export const EventStartField = (_props: FieldProps) => {
  const translate = useTranslate();
  const record = useRecordContext<EventDto>();
  const { locale, viewerZone } = useEventTime();
  if (!record) return null;
  const differs = zonesDiffer(Date.parse(record.startsAt), record.timeZone, viewerZone);
  return (
    <Box sx={{ minWidth: 170 }}>
      <Typography
        component="span"
        variant="body2"
        sx={{ display: 'block', fontVariantNumeric: 'tabular-nums' }}
      >
        {formatInZone(record.startsAt, record.timeZone, locale)}
      </Typography>
      {differs ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {translate('unidos.events.your_time', {
            time: formatInZone(record.startsAt, viewerZone, locale),
          })}
        </Typography>
      ) : null}
    </Box>
  );
};

/** Start–end in the event's zone, with its zone's name, and the viewer's time when it differs. */
export const EventWhen = ({ event }: { event: EventDto }) => {
  const translate = useTranslate();
  const { locale, viewerZone } = useEventTime();
  const differs = zonesDiffer(Date.parse(event.startsAt), event.timeZone, viewerZone);
  return (
    <Box>
      <Typography variant="body1" sx={{ fontWeight: 500 }}>
        {formatRangeInZone(event.startsAt, event.endsAt, event.timeZone, locale, true)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('unidos.events.event_zone', { zone: event.timeZone })}
      </Typography>
      {differs ? (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {translate('unidos.events.your_time', {
            time: formatRangeInZone(event.startsAt, event.endsAt, viewerZone, locale),
          })}
        </Typography>
      ) : null}
    </Box>
  );
};

/** City and state, or "Online" for an event with only a link. */
export const EventWhereField = (_props: FieldProps) => {
  const translate = useTranslate();
  const record = useRecordContext<EventDto>();
  if (!record) return null;
  const place = [record.city, record.state].filter(Boolean).join(', ');
  if (place) return <Typography variant="body2">{place}</Typography>;
  if (record.onlineUrl) {
    return (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <PublicIcon fontSize="small" color="action" aria-hidden />
        <Typography variant="body2">{translate('unidos.events.online')}</Typography>
      </Stack>
    );
  }
  return <EmptyValue />;
};

/** Places taken of the capacity: "12 / 40", or "12 (no limit)". */
export const PlacesField = (_props: FieldProps) => {
  const translate = useTranslate();
  const record = useRecordContext<EventDto>();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {record.capacity === null
        ? translate('unidos.events.places_no_limit', { going: record.goingCount })
        : translate('unidos.events.places', { going: record.goingCount, capacity: record.capacity })}
    </Typography>
  );
};

/** The banner every cancelled event shows, with the reason its lead gave. */
export const CancelledBanner = ({ event, compact = false }: { event: EventDto; compact?: boolean }) => {
  const translate = useTranslate();
  if (event.status !== 'cancelled') return null;
  return (
    <Alert
      severity="error"
      variant={compact ? 'outlined' : 'filled'}
      role="status"
      sx={{ mb: compact ? 1 : 0 }}
    >
      <AlertTitle>{translate('unidos.events.cancelled_title')}</AlertTitle>
      {event.cancelReason
        ? translate('unidos.events.cancelled_reason', { reason: event.cancelReason })
        : translate('unidos.events.cancelled_no_reason')}
    </Alert>
  );
};

/** The event's title, with a "Cancelled" mark in lists. */
export const EventTitleCell = ({ to }: { to: (id: string) => string; label?: string; source?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<EventDto>();
  if (!record) return null;
  return (
    <Stack spacing={0.25}>
      <EventLink id={record.id} to={to} title={record.title} cancelled={record.status === 'cancelled'} />
      {record.status === 'cancelled' && record.cancelReason ? (
        <Typography variant="caption" color="error">
          {translate('unidos.events.cancelled_reason', { reason: record.cancelReason })}
        </Typography>
      ) : null}
    </Stack>
  );
};

const EventLink = ({
  id,
  to,
  title,
  cancelled,
}: {
  id: string;
  to: (id: string) => string;
  title: string;
  cancelled: boolean;
}) => (
  <Link
    to={to(id)}
    onClick={(event: MouseEvent) => event.stopPropagation()}
    sx={{ fontWeight: 500, textDecoration: cancelled ? 'line-through' : undefined }}
  >
    {title}
  </Link>
);
