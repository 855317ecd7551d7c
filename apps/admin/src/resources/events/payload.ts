/**
 * Between the event form and the API (pure, tested): the form holds start and end as wall times
 * (`YYYY-MM-DDTHH:mm`) in the chosen zone; the API stores instants and answers them in UTC.
 */
import { isoToWallTime, wallTimeToInstant, wallTimeToIso } from './time';

type Values = Record<string, unknown>;

/** The record as the edit form shows it: start and end as wall times in the event's zone. */
export function toFormValues<T extends { startsAt: string; endsAt: string; timeZone: string }>(event: T): T {
  return {
    ...event,
    startsAt: isoToWallTime(event.startsAt, event.timeZone),
    endsAt: isoToWallTime(event.endsAt, event.timeZone),
  };
}

const toIso = (wall: unknown, timeZone: unknown, previous: unknown): unknown => {
  if (typeof wall !== 'string' || wall === '' || typeof timeZone !== 'string') return wall;
  const iso = wallTimeToIso(wall, timeZone);
  // The same instant as stored: send nothing new (the data provider sends only changed fields).
  if (typeof previous === 'string' && Date.parse(previous) === wallTimeToInstant(wall, timeZone))
    return previous;
  return iso;
};

/**
 * What the API gets: start and end as instants with the zone's offset
 * (`2026-12-05T11:00:00-06:00`); on edit, unchanged instants keep the stored string so they are
 * not sent again.
 */
export function toApiValues(values: Values, previous?: Values): Values {
  return {
    ...values,
    startsAt: toIso(values.startsAt, values.timeZone, previous?.startsAt),
    endsAt: toIso(values.endsAt, values.timeZone, previous?.endsAt),
  };
}

/** Validator of the end: after the start (both wall times in the same zone, so they compare as text). */
export const endAfterStart = (value: unknown, values: Values) =>
  typeof value === 'string' &&
  value !== '' &&
  typeof values.startsAt === 'string' &&
  values.startsAt !== '' &&
  value <= values.startsAt
    ? 'unidos.events.validation.end_before_start'
    : undefined;

/** Validator: a whole number of at least `min` (capacity ≥ 1, goals ≥ 0). */
export const wholeAtLeast = (min: number) => (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) return 'unidos.events.validation.whole_number';
  return n < min ? { message: 'unidos.events.validation.at_least', args: { min } } : undefined;
};
