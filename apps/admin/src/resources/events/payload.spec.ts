import { changedFields } from '../../providers/payload';
import { endAfterStart, toApiValues, toFormValues, wholeAtLeast } from './payload';

const stored = {
  id: 'e1',
  title: 'Rally',
  startsAt: '2026-12-05T17:00:00.000Z',
  endsAt: '2026-12-05T19:00:00.000Z',
  timeZone: 'America/Chicago',
  version: 3,
};

describe('event form ↔ API', () => {
  it('shows stored instants as wall times in the event’s zone', () => {
    expect(toFormValues(stored)).toMatchObject({ startsAt: '2026-12-05T11:00', endsAt: '2026-12-05T13:00' });
  });

  it('sends wall times as instants with the chosen zone’s offset', () => {
    const values = {
      title: 'Rally',
      startsAt: '2026-12-05T11:00',
      endsAt: '2026-12-05T13:00',
      timeZone: 'America/Chicago',
    };
    expect(toApiValues(values)).toEqual({
      title: 'Rally',
      startsAt: '2026-12-05T11:00:00-06:00',
      endsAt: '2026-12-05T13:00:00-06:00',
      timeZone: 'America/Chicago',
    });
  });

  it('sends nothing about times that did not change on edit', () => {
    const edited = toApiValues({ ...toFormValues(stored), title: 'Big rally' }, stored);
    expect(changedFields(edited, stored)).toEqual({ title: 'Big rally' });
  });

  it('moves the instant when only the zone changes (same wall time, another place)', () => {
    const edited = toApiValues({ ...toFormValues(stored), timeZone: 'America/New_York' }, stored);
    expect(changedFields(edited, stored)).toEqual({
      timeZone: 'America/New_York',
      startsAt: '2026-12-05T11:00:00-05:00',
      endsAt: '2026-12-05T13:00:00-05:00',
    });
  });

  it('checks the end is after the start, and whole numbers', () => {
    expect(endAfterStart('2026-12-05T10:00', { startsAt: '2026-12-05T11:00' })).toBe(
      'unidos.events.validation.end_before_start',
    );
    expect(endAfterStart('2026-12-05T11:00', { startsAt: '2026-12-05T11:00' })).toBe(
      'unidos.events.validation.end_before_start',
    );
    expect(endAfterStart('2026-12-05T12:00', { startsAt: '2026-12-05T11:00' })).toBeUndefined();
    expect(endAfterStart('', { startsAt: '2026-12-05T11:00' })).toBeUndefined();
    expect(wholeAtLeast(1)(0)).toEqual({ message: 'unidos.events.validation.at_least', args: { min: 1 } });
    expect(wholeAtLeast(1)(2.5)).toBe('unidos.events.validation.whole_number');
    expect(wholeAtLeast(0)(0)).toBeUndefined();
    expect(wholeAtLeast(1)(null)).toBeUndefined();
  });
});
