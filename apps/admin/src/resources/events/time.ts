/**
 * Time zones for events, with no library: `Intl` knows every IANA zone and its rules.
 *
 * An event happens at a wall time in its own zone ("Saturday 11:00 in Chicago"). The form takes that
 * wall time and the zone; the API wants an instant with its offset ("2026-12-05T11:00:00-06:00").
 * `wallTimeToIso` converts, DST-safe: a wall time skipped by the spring change (02:30 on the
 * second Sunday of March in Chicago) moves forward by the gap (03:30 CDT), and a wall time that
 * happens twice in the autumn (01:30) is the first one (CDT), as calendar apps and Temporal's
 * "compatible" rule do. Pure functions (no react-admin import) so plain unit tests load them.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `YYYY-MM-DDTHH:mm` (what `<input type="datetime-local">` holds), seconds optional. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

const partsFormatter = (timeZone: string) => {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The wall clock in `timeZone` at an instant. */
export function wallPartsAt(instant: number, timeZone: string): WallParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some engines say 24 for midnight even with h23.
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

const wallAsUtc = (p: WallParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);

/** The zone's offset from UTC at an instant, in milliseconds (-6 h for Chicago in winter). */
export function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallPartsAt(floored, timeZone)) - floored;
}

/** True when the runtime knows the IANA zone. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Parses `YYYY-MM-DDTHH:mm[:ss]`; null when it is not a real date and time. */
export function parseWallTime(value: string): WallParts | null {
  const match = WALL_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1)
    .map((n) => (n === undefined ? 0 : Number(n)));
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  ) {
    return null;
  }
  return { year, month, day, hour, minute, second };
}

/**
 * The instant (ms since the epoch) of a wall time in a zone. Ambiguous wall times (the repeated
 * autumn hour) give the earlier instant; skipped ones (the spring gap) move forward by the gap.
 */
export function wallTimeToInstant(value: string, timeZone: string): number {
  const wall = parseWallTime(value);
  if (!wall) throw new RangeError(`Not a date and time: ${value}`);
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const asUtc = wallAsUtc(wall);
  // Transitions are never closer than a few weeks: the offsets a day before and after cover both sides.
  const before = offsetAt(asUtc - 24 * HOUR, timeZone);
  const after = offsetAt(asUtc + 24 * HOUR, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => wallAsUtc(wallPartsAt(instant, timeZone)) === asUtc)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  // In the gap: read the wall time with the offset in force before the change (02:30 → 03:30).
  return asUtc - before;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `+HH:MM` / `-HH:MM` for an offset in milliseconds. */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / MINUTE);
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** An instant as ISO 8601 with the zone's offset at that instant: `2026-12-05T11:00:00-06:00`. */
export function instantToIsoInZone(instant: number, timeZone: string): string {
  const p = wallPartsAt(instant, timeZone);
  const offset = offsetAt(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(offset)}`;
}

/**
 * What the API gets from the form: the wall time in the chosen zone as an instant with its offset.
 * `wallTimeToIso('2026-12-05T11:00', 'America/Chicago')` → `2026-12-05T11:00:00-06:00`.
 */
export function wallTimeToIso(value: string, timeZone: string): string {
  return instantToIsoInZone(wallTimeToInstant(value, timeZone), timeZone);
}

/** What the form shows for a stored instant: its wall time in the event's zone, `YYYY-MM-DDTHH:mm`. */
export function isoToWallTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const p = wallPartsAt(instant, isTimeZone(timeZone) ? timeZone : 'UTC');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The browser's own zone (the viewer's), or UTC when the browser will not say. */
export function viewerTimeZone(): string {
  try {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether two zones show a different wall time at this instant (then both are worth showing). */
export function zonesDiffer(instant: number, a: string, b: string): boolean {
  if (a === b) return false;
  return offsetAt(instant, a) !== offsetAt(instant, b);
}

export const intlLocale = (locale: string) => (locale === 'es' ? 'es-US' : 'en-US');

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "Sat, Dec 5, 11:00 AM CST" / "sáb, 5 de dic, 11:00 a.m. CST": an instant in a zone. */
export function formatInZone(iso: string, timeZone: string, locale: string, withYear = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...DATE_TIME,
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: isTimeZone(timeZone) ? timeZone : 'UTC',
  }).format(date);
}

/** "Sat, Dec 5, 11:00 AM – 1:00 PM CST": a start and end in one zone, the date said once when it can be. */
export function formatRangeInZone(
  startIso: string,
  endIso: string,
  timeZone: string,
  locale: string,
  withYear = false,
): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    ...DATE_TIME,
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: isTimeZone(timeZone) ? timeZone : 'UTC',
  });
  return end > start ? format.formatRange(start, end) : format.format(start);
}

/** "11:00 AM": only the time, in a zone (calendar cells). */
export function formatTimeInZone(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: isTimeZone(timeZone) ? timeZone : 'UTC',
  }).format(new Date(iso));
}

/**
 * The zones of the United States and its territories, offered first (translation keys under
 * `unidos.time_zones`), west to east within the mainland.
 */
export const US_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'Pacific/Guam',
  'Pacific/Pago_Pago',
] as const;

/** Every zone the browser knows, the US ones first, each once (plus `extra`, e.g. a stored zone). */
export function timeZoneIds(extra?: string | null): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  const us = new Set<string>(US_TIME_ZONES);
  const rest = [...all, ...(extra && !us.has(extra) && !all.includes(extra) ? [extra] : []), 'UTC']
    .filter((zone, index, list) => !us.has(zone) && list.indexOf(zone) === index)
    .sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
  return [...US_TIME_ZONES, ...rest];
}

/** "UTC−06:00" for a zone now (the offset a person recognises when picking). */
export function zoneOffsetLabel(timeZone: string, at = Date.now()): string {
  if (!isTimeZone(timeZone)) return '';
  return `UTC${formatOffset(offsetAt(at, timeZone)).replace('-', '−')}`;
}
