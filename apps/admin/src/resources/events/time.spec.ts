import {
  formatInZone,
  formatOffset,
  formatRangeInZone,
  isoToWallTime,
  parseWallTime,
  timeZoneIds,
  US_TIME_ZONES,
  wallTimeToInstant,
  wallTimeToIso,
  zonesDiffer,
} from './time';

describe('wall time in an event’s zone → instant for the API', () => {
  it('uses the zone’s offset on that date (standard and daylight time)', () => {
    expect(wallTimeToIso('2026-12-05T11:00', 'America/Chicago')).toBe('2026-12-05T11:00:00-06:00');
    expect(wallTimeToIso('2026-07-04T11:00', 'America/Chicago')).toBe('2026-07-04T11:00:00-05:00');
    expect(wallTimeToIso('2026-07-04T11:00', 'America/Phoenix')).toBe('2026-07-04T11:00:00-07:00');
    expect(wallTimeToIso('2026-12-05T11:00', 'Pacific/Honolulu')).toBe('2026-12-05T11:00:00-10:00');
    expect(wallTimeToIso('2026-12-05T11:00', 'Asia/Kolkata')).toBe('2026-12-05T11:00:00+05:30');
    expect(wallTimeToIso('2026-12-05T11:00', 'UTC')).toBe('2026-12-05T11:00:00+00:00');
  });

  it('gives the same instant as the ISO string it writes', () => {
    const iso = wallTimeToIso('2026-12-05T11:00', 'America/Chicago');
    expect(new Date(iso).toISOString()).toBe('2026-12-05T17:00:00.000Z');
  });

  it('does not depend on the browser’s own zone', () => {
    // Midnight wall times near the date line, far from any zone the tests run in.
    expect(wallTimeToIso('2026-01-01T00:00', 'Pacific/Kiritimati')).toBe('2026-01-01T00:00:00+14:00');
    expect(wallTimeToIso('2026-01-01T00:00', 'Pacific/Pago_Pago')).toBe('2026-01-01T00:00:00-11:00');
  });

  it('moves a wall time skipped by the spring change forward by the gap', () => {
    // 2026-03-08 02:00 CST becomes 03:00 CDT in Chicago: 02:30 does not exist.
    expect(wallTimeToIso('2026-03-08T02:30', 'America/Chicago')).toBe('2026-03-08T03:30:00-05:00');
    expect(wallTimeToIso('2026-03-08T01:59', 'America/Chicago')).toBe('2026-03-08T01:59:00-06:00');
    expect(wallTimeToIso('2026-03-08T03:00', 'America/Chicago')).toBe('2026-03-08T03:00:00-05:00');
  });

  it('takes the first of a wall time that happens twice in the autumn', () => {
    // 2026-11-01 02:00 CDT goes back to 01:00 CST: 01:30 happens twice.
    expect(wallTimeToIso('2026-11-01T01:30', 'America/Chicago')).toBe('2026-11-01T01:30:00-05:00');
    expect(wallTimeToIso('2026-11-01T02:30', 'America/Chicago')).toBe('2026-11-01T02:30:00-06:00');
    expect(wallTimeToIso('2026-11-01T00:30', 'America/Chicago')).toBe('2026-11-01T00:30:00-05:00');
  });

  it('handles the southern hemisphere’s changes too', () => {
    // Sydney: clocks go forward on 2026-10-04 at 02:00 (AEST → AEDT).
    expect(wallTimeToIso('2026-10-04T02:30', 'Australia/Sydney')).toBe('2026-10-04T03:30:00+11:00');
    expect(wallTimeToIso('2026-06-01T09:00', 'Australia/Sydney')).toBe('2026-06-01T09:00:00+10:00');
  });

  it('round-trips with the wall time the form shows', () => {
    const zones = [
      'America/Chicago',
      'America/New_York',
      'America/Los_Angeles',
      'Europe/Madrid',
      'Asia/Kathmandu',
    ];
    for (const zone of zones) {
      for (const wall of ['2026-01-15T09:15', '2026-06-30T23:45', '2026-11-01T00:00', '2027-03-14T12:00']) {
        expect(isoToWallTime(wallTimeToIso(wall, zone), zone)).toBe(wall);
      }
    }
    expect(isoToWallTime('2026-12-05T17:00:00.000Z', 'America/Chicago')).toBe('2026-12-05T11:00');
    expect(isoToWallTime('not a date', 'America/Chicago')).toBe('');
  });

  it('accepts seconds and refuses what is not a real date and time', () => {
    expect(wallTimeToIso('2026-12-05T11:00:30', 'America/Chicago')).toBe('2026-12-05T11:00:30-06:00');
    expect(parseWallTime('2026-02-30T10:00')).toBeNull();
    expect(parseWallTime('2026-12-05 11:00')).toBeNull();
    expect(parseWallTime('2026-12-05T25:00')).toBeNull();
    expect(() => wallTimeToInstant('2026-02-30T10:00', 'America/Chicago')).toThrow(RangeError);
    expect(() => wallTimeToInstant('2026-12-05T11:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('writes offsets as ±HH:MM', () => {
    expect(formatOffset(-6 * 3_600_000)).toBe('-06:00');
    expect(formatOffset(5.75 * 3_600_000)).toBe('+05:45');
    expect(formatOffset(0)).toBe('+00:00');
  });
});

describe('showing an event’s time', () => {
  it('says the day, time and zone in the UI language', () => {
    expect(formatInZone('2026-12-05T17:00:00Z', 'America/Chicago', 'en')).toBe('Sat, Dec 5, 11:00 AM CST');
    expect(formatInZone('2026-12-05T17:00:00Z', 'America/New_York', 'en')).toBe('Sat, Dec 5, 12:00 PM EST');
    expect(formatInZone('2026-12-05T17:00:00Z', 'America/Chicago', 'es')).toMatch(
      /^sáb.*5.*dic.*11:00.*CST$/,
    );
  });

  it('says a start and end once when they are the same day', () => {
    const text = formatRangeInZone('2026-12-05T17:00:00Z', '2026-12-05T19:00:00Z', 'America/Chicago', 'en');
    expect(text).toMatch(/^Sat, Dec 5, 11:00\sAM\s–\s1:00\sPM CST$/);
  });

  it('knows when the viewer’s zone shows another time', () => {
    const at = Date.parse('2026-12-05T17:00:00Z');
    expect(zonesDiffer(at, 'America/Chicago', 'America/New_York')).toBe(true);
    expect(zonesDiffer(at, 'America/Chicago', 'America/Chicago')).toBe(false);
    // Same offset, different names: the same wall time, no need to say it twice.
    expect(zonesDiffer(at, 'America/Chicago', 'America/Mexico_City')).toBe(false);
  });
});

describe('the time zone picker', () => {
  it('offers the US zones first, then every other zone once', () => {
    const ids = timeZoneIds();
    expect(ids.slice(0, US_TIME_ZONES.length)).toEqual([...US_TIME_ZONES]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('Europe/Madrid');
    expect(ids).toContain('UTC');
    expect(ids.length).toBeGreaterThan(300);
  });

  it('keeps an event’s stored zone even if the browser does not list it', () => {
    expect(timeZoneIds('America/Chicago').filter((zone) => zone === 'America/Chicago')).toHaveLength(1);
    expect(timeZoneIds('Etc/GMT+6')).toContain('Etc/GMT+6');
  });
});
