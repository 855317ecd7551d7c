/**
 * The month and week grids of the events calendar, as plain dates (`YYYY-MM-DD`), and where each
 * event goes: on the day it starts in the VIEWER's zone. Pure functions, tested without a browser.
 */
import { wallPartsAt, wallTimeToInstant } from './time';

export type CalendarView = 'month' | 'week';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → a UTC midnight Date, only for calendar arithmetic (never shown as an instant). */
const toUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const fromUtc = (date: Date) => date.toISOString().slice(0, 10);

export const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value).getTime());

export const addDays = (day: string, n: number) => fromUtc(new Date(toUtc(day).getTime() + n * DAY_MS));

/** The same day of the month `n` months later, kept inside the month (Jan 31 + 1 → Feb 28). */
export function addMonths(day: string, n: number): string {
  const date = toUtc(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + n;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last))));
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string) => toUtc(day).getUTCDay();

export const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** The Sunday that starts the week of `day` (weeks start on Sunday, as US calendars do). */
export const startOfWeek = (day: string) => addDays(day, -weekday(day));

/** The 7 days of the week of `day`. */
export const weekDays = (day: string) => Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(day), i));

/** The weeks (rows of 7 days) that cover the month of `day`: 4 to 6 rows, with the days around it. */
export function monthWeeks(day: string): string[][] {
  const first = firstOfMonth(day);
  const month = first.slice(0, 7);
  const weeks: string[][] = [];
  let start = startOfWeek(first);
  while (weeks.length === 0 || start.slice(0, 7) === month) {
    weeks.push(weekDays(start));
    start = addDays(start, 7);
  }
  return weeks;
}

/** Every day the view shows (month: whole weeks around the month). */
export const viewDays = (view: CalendarView, day: string) =>
  view === 'month' ? monthWeeks(day).flat() : weekDays(day);

/** Next / previous month or week. */
export const shiftView = (view: CalendarView, day: string, delta: number) =>
  view === 'month' ? addMonths(day, delta) : addDays(day, 7 * delta);

/** Today as `YYYY-MM-DD` in a zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return dayOf(now, timeZone);
}

/** The day an instant falls on in a zone. */
export function dayOf(instant: number, timeZone: string): string {
  const p = wallPartsAt(instant, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * What to ask the API for: events starting from the first shown day's midnight to the end of the
 * last shown day, in the viewer's zone (`filter.from` / `filter.to`, both inclusive).
 */
export function viewRange(view: CalendarView, day: string, timeZone: string): { from: string; to: string } {
  const days = viewDays(view, day);
  const from = wallTimeToInstant(`${days[0]}T00:00`, timeZone);
  const to = wallTimeToInstant(`${addDays(days[days.length - 1], 1)}T00:00`, timeZone) - 1;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Events by the day they start on in the viewer's zone, each day's soonest first. */
export function eventsByDay<T extends { startsAt: string }>(
  events: readonly T[],
  timeZone: string,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  const sorted = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const event of sorted) {
    const instant = Date.parse(event.startsAt);
    if (Number.isNaN(instant)) continue;
    const key = dayOf(instant, timeZone);
    const list = byDay.get(key);
    if (list) list.push(event);
    else byDay.set(key, [event]);
  }
  return byDay;
}

/** A day as a `Date` at noon UTC, to hand to `Intl` with `timeZone: 'UTC'` for its name. */
export const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);
