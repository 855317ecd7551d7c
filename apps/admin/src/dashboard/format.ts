/**
 * Pure helpers of the dashboard (no react-admin import, so plain unit tests load them): links into
 * the admin, chart URLs, and dates and times in the UI language through `Intl`.
 */
import { intlLocale } from '../resources/campaigns/format';

export {
  barValue,
  formatPercent,
  formatQuantity,
  intlLocale,
  percentOf,
} from '../resources/campaigns/format';

/** A react-admin list filtered by `filter`, in the form its URL carries (`?filter={"state":"IL"}`, encoded). */
export const listUrl = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The member directory filtered to one state. */
export const directoryForState = (state: string) => listUrl('organizations', { state });

/** A record's show page. */
export const showUrl = (resource: string, id: string) => `/${resource}/${encodeURIComponent(id)}/show`;

export type ChartName = 'progress' | 'attendance' | 'new-members';

/** The API address of a chart's numbers, as JSON or (with `csv`) as a file to download. */
export function chartUrl(chart: ChartName, params: Record<string, string> = {}, csv = false): string {
  const query = new URLSearchParams(params);
  if (csv) query.set('format', 'csv');
  const search = query.toString();
  return `/api/dashboard/charts/${chart}${search ? `?${search}` : ''}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_ONLY = /^\d{4}-\d{2}$/;

/** A plain date (`YYYY-MM-DD`, read in UTC so it never shows the day before) or an instant, as a short date. */
export function formatDay(
  locale: string,
  value: string | null | undefined,
  options?: Intl.DateTimeFormatOptions,
) {
  if (!value) return '—';
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(intlLocale(locale), {
    ...(options ?? { day: 'numeric', month: 'short', year: 'numeric' }),
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  });
}

/** A month (`YYYY-MM`) as "Nov 2026" / "nov 2026". */
export function formatMonth(locale: string, value: string) {
  if (!MONTH_ONLY.test(value)) return value;
  return new Date(`${value}-01T00:00:00Z`).toLocaleDateString(intlLocale(locale), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An event's start in its own time zone ("Wed, Nov 25, 6:00 PM CST"), as people there read it. */
export function formatEventStart(locale: string, startsAt: string, timeZone: string) {
  const date = new Date(startsAt);
  if (Number.isNaN(date.getTime())) return startsAt;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone }).format(date);
  } catch {
    // An unknown zone: the browser's own.
    return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
  }
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago an instant was ("5 minutes ago", "hace 5 minutos"; "now" under a minute). */
export function formatRelative(locale: string, at: string, now = Date.now()) {
  const time = new Date(at).getTime();
  if (Number.isNaN(time)) return at;
  const diff = time - now;
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'second');
}

/** A full date and time in the browser's zone (for a `title` beside a relative time). */
export const formatDateTime = (locale: string, at: string) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
};

/**
 * The attendance chart's category (`YYYY-MM-DD Title`, as the API sends it) split into the event's
 * date and title.
 */
export function splitEventCategory(x: string): { date: string | null; title: string } {
  const match = /^(\d{4}-\d{2}-\d{2}) (.*)$/.exec(x);
  return match ? { date: match[1], title: match[2] } : { date: null, title: x };
}
