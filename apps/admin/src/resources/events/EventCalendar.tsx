import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  ButtonGroup,
  Card,
  CardContent,
  Grid,
  IconButton,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ListIcon from '@mui/icons-material/ViewList';
import {
  AutocompleteInput,
  Form,
  LinkBase,
  ReferenceInput,
  SelectInput,
  Title,
  useGetList,
  useLocaleState,
  useStore,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { EventDto } from '@unidos/contracts';
import {
  type CalendarView,
  dayAsDate,
  eventsByDay,
  isDay,
  monthWeeks,
  shiftView,
  todayIn,
  viewDays,
  viewRange,
  weekDays,
} from './calendar';
import { VisuallyHidden } from '../../common/VisuallyHidden';
import { EVENT_KIND_CHOICES, eventEnumKey } from './choices';
import { formatTimeInZone, intlLocale, viewerTimeZone } from './time';

/** The list's filters the calendar applies too (not `when`: the calendar shows its own dates). */
const SHARED_FILTERS = ['campaignId', 'hostOrganizationId', 'kind', 'status', 'state', 'q'] as const;
type CalendarFilter = Partial<Record<(typeof SHARED_FILTERS)[number], string>>;

interface ListParams {
  filter?: Record<string, unknown>;
  [key: string]: unknown;
}

const pickFilter = (filter: Record<string, unknown> | undefined): CalendarFilter =>
  Object.fromEntries(
    SHARED_FILTERS.filter((key) => typeof filter?.[key] === 'string' && filter[key] !== '').map((key) => [
      key,
      filter?.[key] as string,
    ]),
  );

/**
 * The list's filters (react-admin keeps them in its store under `events.listParams`), read and
 * written by the calendar so both show the same events.
 */
const useSharedFilter = () => {
  const [params, setParams] = useStore<ListParams>('events.listParams', {});
  const filter = useMemo(() => pickFilter(params?.filter), [params]);
  const setFilter = (next: CalendarFilter) => {
    const rest = Object.fromEntries(
      Object.entries(params?.filter ?? {}).filter(
        ([key]) => !(SHARED_FILTERS as readonly string[]).includes(key),
      ),
    );
    const cleaned = Object.fromEntries(
      Object.entries(next).filter(([, value]) => typeof value === 'string' && value),
    );
    setParams({ ...params, filter: { ...rest, ...cleaned }, page: 1 });
  };
  return [filter, setFilter] as const;
};

const byName = (q: string) => (q ? { q } : {});

/** Reports the filter form's values as they change. */
const FilterWatcher = ({
  onChange,
  current,
}: {
  onChange: (filter: CalendarFilter) => void;
  current: CalendarFilter;
}) => {
  const values = useWatch() as Record<string, unknown>;
  const next = pickFilter(values);
  const key = JSON.stringify(next);
  const currentKey = JSON.stringify(current);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (key !== currentKey) onChangeRef.current(JSON.parse(key) as CalendarFilter);
  }, [key, currentKey]);
  return null;
};

const Filters = ({
  filter,
  onChange,
}: {
  filter: CalendarFilter;
  onChange: (filter: CalendarFilter) => void;
}) => (
  <Form record={filter} onSubmit={() => undefined} noValidate>
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 4 }}>
        <ReferenceInput source="campaignId" reference="campaigns" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            optionText="name"
            filterToQuery={byName}
            label="resources.events.fields.campaignId"
            helperText={false}
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <ReferenceInput
          source="hostOrganizationId"
          reference="organizations"
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            optionText="name"
            filterToQuery={byName}
            label="resources.events.fields.hostOrganizationId"
            helperText={false}
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SelectInput
          source="kind"
          choices={EVENT_KIND_CHOICES}
          label="resources.events.fields.kind"
          helperText={false}
          emptyText="unidos.calendar.all_kinds"
        />
      </Grid>
    </Grid>
    <FilterWatcher onChange={onChange} current={filter} />
  </Form>
);

/** One event in a day: its time in the viewer's zone and its title, a link to its page. */
const EventChip = ({ event, zone, compact }: { event: EventDto; zone: string; compact: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const time = formatTimeInZone(event.startsAt, zone, locale);
  const cancelled = event.status === 'cancelled';
  const kind = translate(eventEnumKey('eventKind', event.kind));
  const status =
    cancelled || event.status === 'draft' ? ` (${translate(eventEnumKey('eventStatus', event.status))})` : '';
  const reason =
    cancelled && event.cancelReason
      ? translate('unidos.events.cancelled_reason', { reason: event.cancelReason })
      : '';
  return (
    <Box
      component={LinkBase}
      to={`/events/${encodeURIComponent(event.id)}/show`}
      aria-label={`${time} · ${event.title} · ${kind}${status}${reason ? ` · ${reason}` : ''}`}
      title={reason || undefined}
      sx={{
        display: 'block',
        textDecoration: 'none',
        color: cancelled ? 'text.secondary' : 'text.primary',
        bgcolor: (theme: Theme) =>
          cancelled
            ? theme.palette.action.hover
            : event.status === 'draft'
              ? theme.palette.background.paper
              : alpha(theme.palette.primary.main, 0.08),
        border: 1,
        borderColor: cancelled ? 'divider' : event.status === 'draft' ? 'divider' : 'primary.light',
        borderStyle: event.status === 'draft' ? 'dashed' : 'solid',
        borderLeft: 4,
        borderLeftColor: cancelled ? 'error.main' : 'primary.main',
        borderRadius: 1,
        px: 0.75,
        py: 0.25,
        mb: 0.5,
        fontSize: compact ? '0.75rem' : '0.85rem',
        lineHeight: 1.3,
        overflow: 'hidden',
        '&:hover': { bgcolor: 'action.selected' },
        '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 1 },
      }}
    >
      <Box component="span" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', mr: 0.5 }}>
        {time}
      </Box>
      <Box component="span" sx={{ textDecoration: cancelled ? 'line-through' : undefined }}>
        {event.title}
      </Box>
      {!compact ? (
        <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.75rem' }}>
          {kind}
          {status}
        </Box>
      ) : null}
      {!compact && reason ? (
        <Box component="span" sx={{ display: 'block', color: 'error.main', fontSize: '0.75rem' }}>
          {reason}
        </Box>
      ) : null}
    </Box>
  );
};

const MAX_IN_CELL = 3;

/** The month: a table of weeks (Sunday first); each day lists its events, soonest first. */
const MonthGrid = ({
  anchor,
  today,
  byDay,
  zone,
  onShowWeek,
}: {
  anchor: string;
  today: string;
  byDay: Map<string, EventDto[]>;
  zone: string;
  onShowWeek: (day: string) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const weeks = monthWeeks(anchor);
  const month = anchor.slice(0, 7);
  const weekdayShort = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: small ? 'narrow' : 'short',
    timeZone: 'UTC',
  });
  const weekdayLong = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' });
  const dayLabel = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const monthLabel = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dayAsDate(anchor));
  return (
    <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
      <caption>
        <VisuallyHidden>{monthLabel}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          {weeks[0].map((day) => (
            <Box
              component="th"
              scope="col"
              key={day}
              abbr={weekdayLong.format(dayAsDate(day))}
              sx={{
                typography: 'caption',
                fontWeight: 600,
                color: 'text.secondary',
                py: 0.5,
                textTransform: 'uppercase',
              }}
            >
              {weekdayShort.format(dayAsDate(day))}
            </Box>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const events = byDay.get(day) ?? [];
              const outside = day.slice(0, 7) !== month;
              const isToday = day === today;
              const shown = small ? [] : events.slice(0, MAX_IN_CELL);
              const more = events.length - shown.length;
              return (
                <Box
                  component="td"
                  key={day}
                  aria-current={isToday ? 'date' : undefined}
                  sx={{
                    verticalAlign: 'top',
                    border: 1,
                    borderColor: 'divider',
                    height: { xs: 56, sm: 120 },
                    p: { xs: 0.25, sm: 0.5 },
                    bgcolor: outside ? 'action.hover' : 'background.paper',
                  }}
                >
                  <Typography
                    component="h3"
                    variant="body2"
                    aria-label={dayLabel.format(dayAsDate(day))}
                    sx={{
                      fontWeight: isToday ? 700 : 500,
                      color: outside ? 'text.secondary' : 'text.primary',
                      mb: 0.5,
                      display: 'inline-flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      minWidth: 26,
                      height: 26,
                      borderRadius: '13px',
                      ...(isToday ? { bgcolor: 'primary.main', color: 'primary.contrastText' } : {}),
                    }}
                  >
                    {Number(day.slice(8))}
                  </Typography>
                  {shown.map((event) => (
                    <EventChip key={event.id} event={event} zone={zone} compact />
                  ))}
                  {more > 0 ? (
                    <Button
                      size="small"
                      variant={small ? 'contained' : 'text'}
                      onClick={() => onShowWeek(day)}
                      sx={
                        small
                          ? {
                              minWidth: 24,
                              height: 24,
                              px: 0.5,
                              py: 0,
                              borderRadius: 12,
                              fontSize: '0.75rem',
                            }
                          : { minWidth: 0, px: 0.5, py: 0, fontSize: '0.75rem' }
                      }
                      aria-label={translate(small ? 'unidos.calendar.events_on' : 'unidos.calendar.more_on', {
                        smart_count: more,
                        day: dayLabel.format(dayAsDate(day)),
                      })}
                    >
                      {small ? more : translate('unidos.calendar.more', { smart_count: more })}
                    </Button>
                  ) : null}
                </Box>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Box>
  );
};

/** The week: seven days side by side (stacked on a phone), every event with its time and kind. */
const WeekGrid = ({
  anchor,
  today,
  byDay,
  zone,
}: {
  anchor: string;
  today: string;
  byDay: Map<string, EventDto[]>;
  zone: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dayLabel = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return (
    <Box
      component="ol"
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: 'repeat(7, minmax(0, 1fr))' },
        gap: 1,
      }}
    >
      {weekDays(anchor).map((day) => {
        const events = byDay.get(day) ?? [];
        const isToday = day === today;
        return (
          <Box
            component="li"
            key={day}
            aria-current={isToday ? 'date' : undefined}
            sx={{
              border: 1,
              borderColor: isToday ? 'primary.main' : 'divider',
              borderRadius: 1,
              p: 1,
              minHeight: { md: 220 },
            }}
          >
            <Typography
              component="h3"
              variant="subtitle2"
              sx={{ fontWeight: 600, color: isToday ? 'primary.main' : 'text.primary', mb: 1 }}
            >
              {dayLabel.format(dayAsDate(day))}
            </Typography>
            {events.length === 0 ? (
              <Typography variant="caption" color="text.secondary">
                {translate('unidos.calendar.no_events_day')}
              </Typography>
            ) : (
              events.map((event) => <EventChip key={event.id} event={event} zone={zone} compact={false} />)
            )}
          </Box>
        );
      })}
    </Box>
  );
};

/** On a phone, the month's events as a list under the grid (the cells only show how many). */
const Agenda = ({ days, byDay, zone }: { days: string[]; byDay: Map<string, EventDto[]>; zone: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dayLabel = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const withEvents = days.filter((day) => (byDay.get(day) ?? []).length > 0);
  if (withEvents.length === 0) {
    return <Typography color="text.secondary">{translate('unidos.calendar.no_events')}</Typography>;
  }
  return (
    <Stack spacing={1.5} sx={{ mt: 2 }}>
      {withEvents.map((day) => (
        <Box key={day}>
          <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 600, mb: 0.5 }}>
            {dayLabel.format(dayAsDate(day))}
          </Typography>
          {(byDay.get(day) ?? []).map((event) => (
            <EventChip key={event.id} event={event} zone={zone} compact={false} />
          ))}
        </Box>
      ))}
    </Stack>
  );
};

/**
 * The events calendar (`/events/calendar`): month or week, previous / today / next, with the
 * list's campaign, host and kind filters. Events sit on the day they start in the viewer's own
 * time zone, at the viewer's time; each is a link to its page. The view and the date are in the
 * address (`?view=week&date=2026-12-05`), so Back and shared links keep them.
 */
export const EventCalendar = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const zone = useMemo(() => viewerTimeZone(), []);
  const today = todayIn(zone);
  const [search, setSearch] = useSearchParams();
  const view: CalendarView = search.get('view') === 'week' ? 'week' : 'month';
  const anchorParam = search.get('date');
  const anchor = isDay(anchorParam) ? anchorParam : today;
  const [filter, setFilter] = useSharedFilter();

  const go = (nextView: CalendarView, day: string) => {
    const next = new URLSearchParams(search);
    next.set('view', nextView);
    next.set('date', day);
    setSearch(next);
  };

  const range = useMemo(() => viewRange(view, anchor, zone), [view, anchor, zone]);
  const { data, total, isPending, isError } = useGetList<EventDto>('events', {
    filter: { ...filter, from: range.from, to: range.to },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'ASC' },
  });
  const byDay = useMemo(() => eventsByDay(data ?? [], zone), [data, zone]);

  const heading =
    view === 'month'
      ? new Intl.DateTimeFormat(intlLocale(locale), {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(dayAsDate(anchor))
      : (() => {
          const days = weekDays(anchor);
          return new Intl.DateTimeFormat(intlLocale(locale), {
            month: 'short',
            day: 'numeric',
            year: 'numeric',
            timeZone: 'UTC',
          }).formatRange(dayAsDate(days[0]), dayAsDate(days[6]));
        })();

  const title = heading.charAt(0).toUpperCase() + heading.slice(1);
  const unit = view === 'month' ? 'month' : 'week';
  const previous = translate(`unidos.calendar.previous_${unit}`);
  const next = translate(`unidos.calendar.next_${unit}`);

  /**
   * PageUp / PageDown move by a month or a week, as in calendar apps, wherever the focus is on the
   * page, except in a text field or an open list (where those keys already mean something).
   */
  const goRef = useRef(go);
  goRef.current = go;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="listbox"], [role="dialog"]')) return;
      event.preventDefault();
      goRef.current(view, shiftView(view, anchor, event.key === 'PageUp' ? -1 : 1));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [view, anchor]);

  return (
    <Box sx={{ mt: 1, mb: 4 }}>
      <Title title="unidos.calendar.title" />
      <Card variant="outlined">
        <CardContent>
          <Stack
            direction={{ xs: 'column', md: 'row' }}
            spacing={1}
            sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between', mb: 1 }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Tooltip title={previous}>
                <IconButton aria-label={previous} onClick={() => go(view, shiftView(view, anchor, -1))}>
                  <ChevronLeftIcon />
                </IconButton>
              </Tooltip>
              <Button variant="outlined" size="small" onClick={() => go(view, today)}>
                {translate('unidos.calendar.today')}
              </Button>
              <Tooltip title={next}>
                <IconButton aria-label={next} onClick={() => go(view, shiftView(view, anchor, 1))}>
                  <ChevronRightIcon />
                </IconButton>
              </Tooltip>
              <Typography component="h2" variant="h6" aria-live="polite" sx={{ ml: 1 }}>
                {title}
              </Typography>
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={view}
                onChange={(_, value: CalendarView | null) => value && go(value, anchor)}
                aria-label={translate('unidos.calendar.view')}
              >
                <ToggleButton value="month">{translate('unidos.calendar.month')}</ToggleButton>
                <ToggleButton value="week">{translate('unidos.calendar.week')}</ToggleButton>
              </ToggleButtonGroup>
              <ButtonGroup size="small">
                <Button component={LinkBase} to="/events" startIcon={<ListIcon />}>
                  {translate('unidos.calendar.list')}
                </Button>
              </ButtonGroup>
            </Stack>
          </Stack>
          <Filters filter={filter} onChange={setFilter} />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('unidos.calendar.zone_note', { zone })}
          </Typography>
          {isError ? <Alert severity="error">{translate('ra.notification.http_error')}</Alert> : null}
          {total !== undefined && total > (data?.length ?? 0) ? (
            <Alert severity="info" sx={{ mb: 1 }}>
              {translate('unidos.calendar.too_many', { shown: data?.length ?? 0, total })}
            </Alert>
          ) : null}
          <Box aria-busy={isPending} sx={{ opacity: isPending ? 0.6 : 1, transition: 'opacity 0.2s' }}>
            {view === 'month' ? (
              <>
                <MonthGrid
                  anchor={anchor}
                  today={today}
                  byDay={byDay}
                  zone={zone}
                  onShowWeek={(day) => go('week', day)}
                />
                {small ? (
                  <Agenda
                    days={viewDays('month', anchor).filter((d) => d.slice(0, 7) === anchor.slice(0, 7))}
                    byDay={byDay}
                    zone={zone}
                  />
                ) : null}
              </>
            ) : (
              <WeekGrid anchor={anchor} today={today} byDay={byDay} zone={zone} />
            )}
          </Box>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {translate('unidos.calendar.keyboard_help')}
          </Typography>
        </CardContent>
      </Card>
    </Box>
  );
};
