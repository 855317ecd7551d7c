import {
  addMonths,
  dayOf,
  eventsByDay,
  monthWeeks,
  shiftView,
  todayIn,
  viewRange,
  weekDays,
} from './calendar';

describe('calendar grid', () => {
  it('covers a month with whole weeks starting on Sunday', () => {
    const weeks = monthWeeks('2026-12-17');
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBe('2026-11-29');
    expect(weeks[0][2]).toBe('2026-12-01');
    expect(weeks[4][6]).toBe('2027-01-02');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('uses six rows when the month needs them, four when it fits', () => {
    expect(monthWeeks('2026-08-01')).toHaveLength(6); // Aug 2026 starts on a Saturday, 31 days.
    expect(monthWeeks('2026-02-10')).toHaveLength(4); // Feb 2026 starts on a Sunday, 28 days.
  });

  it('moves by months without skipping short ones, and by weeks', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-05', 1)).toBe('2027-01-05');
    expect(addMonths('2026-01-05', -1)).toBe('2025-12-05');
    expect(shiftView('week', '2026-12-31', 1)).toBe('2027-01-07');
    expect(weekDays('2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
  });
});

describe('where events go', () => {
  it('puts an event on the day it starts in the viewer’s zone', () => {
    // 7 PM in Chicago on Dec 5 is already Dec 6 in UTC and in Madrid.
    const start = Date.parse('2026-12-06T01:00:00Z');
    expect(dayOf(start, 'America/Chicago')).toBe('2026-12-05');
    expect(dayOf(start, 'Europe/Madrid')).toBe('2026-12-06');
    const events = [
      { id: 'b', startsAt: '2026-12-06T01:00:00Z' },
      { id: 'a', startsAt: '2026-12-05T17:00:00Z' },
      { id: 'c', startsAt: '2026-12-07T15:00:00Z' },
    ];
    const byDay = eventsByDay(events, 'America/Chicago');
    expect(byDay.get('2026-12-05')?.map((e) => e.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-12-07')?.map((e) => e.id)).toEqual(['c']);
  });

  it('asks the API for the shown days, midnight to midnight in the viewer’s zone', () => {
    expect(viewRange('month', '2026-12-17', 'America/Chicago')).toEqual({
      from: '2026-11-29T06:00:00.000Z',
      to: '2027-01-03T05:59:59.999Z',
    });
    expect(viewRange('week', '2026-03-10', 'America/New_York')).toEqual({
      // The week of the spring change: it starts in EST and ends in EDT.
      from: '2026-03-08T05:00:00.000Z',
      to: '2026-03-15T03:59:59.999Z',
    });
  });

  it('knows today in the viewer’s zone', () => {
    const now = Date.parse('2026-12-06T03:00:00Z');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-12-05');
    expect(todayIn('UTC', now)).toBe('2026-12-06');
  });
});
