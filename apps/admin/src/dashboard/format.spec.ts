import {
  chartUrl,
  directoryForState,
  formatDay,
  formatEventStart,
  formatMonth,
  formatRelative,
  listUrl,
  splitEventCategory,
} from './format';

describe('dashboard links', () => {
  it('opens the directory filtered to a state the way react-admin reads a list URL', () => {
    expect(directoryForState('IL')).toBe('/organizations?filter=%7B%22state%22%3A%22IL%22%7D');
    const url = new URL(directoryForState('IL'), 'http://x');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ state: 'IL' });
  });

  it('encodes any filter', () => {
    expect(listUrl('pledges', { overdue: true })).toBe('/pledges?filter=%7B%22overdue%22%3Atrue%7D');
  });

  it('points charts at the API, with ?format=csv for the download', () => {
    expect(chartUrl('attendance')).toBe('/api/dashboard/charts/attendance');
    expect(chartUrl('new-members', {}, true)).toBe('/api/dashboard/charts/new-members?format=csv');
    expect(chartUrl('progress', { campaignId: 'c-1', metric: 'calls' }, true)).toBe(
      '/api/dashboard/charts/progress?campaignId=c-1&metric=calls&format=csv',
    );
  });
});

describe('dashboard dates', () => {
  it('shows a plain date on its own day in both languages', () => {
    expect(formatDay('en', '2026-11-01')).toBe('Nov 1, 2026');
    expect(formatDay('es', '2026-11-01')).toMatch(/^1 nov\.? 2026$/);
    expect(formatDay('en', null)).toBe('—');
  });

  it('shows months', () => {
    expect(formatMonth('en', '2026-03')).toBe('Mar 2026');
    expect(formatMonth('es', '2026-03')).toMatch(/^mar\.? 2026$/);
  });

  it("shows an event's start in its own time zone", () => {
    // 00:00 UTC on Nov 26 is 6 PM on Nov 25 in Chicago.
    const text = formatEventStart('en', '2026-11-26T00:00:00.000Z', 'America/Chicago');
    expect(text).toContain('Nov 25');
    expect(text).toContain('6:00');
    expect(text).toContain('CST');
  });

  it('says how long ago something happened, in the UI language', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(formatRelative('en', '2026-11-21T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('es', '2026-11-21T11:55:00Z', now)).toBe('hace 5 minutos');
    expect(formatRelative('en', '2026-11-20T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('en', '2026-11-21T11:59:40Z', now)).toBe('now');
  });

  it('splits an attendance category into date and title', () => {
    expect(splitEventCategory('2026-11-01 Coalition assembly')).toEqual({
      date: '2026-11-01',
      title: 'Coalition assembly',
    });
    expect(splitEventCategory('Odd')).toEqual({ date: null, title: 'Odd' });
  });
});
