import { US_STATES } from '@unidos/contracts';
import atlas from 'us-atlas/states-albers-10m.json';
import { FIPS_TO_STATE, stateForFips } from './states';

describe('FIPS → state table', () => {
  it('maps well-known FIPS codes to postal codes', () => {
    expect(stateForFips('17')).toBe('IL');
    expect(stateForFips('06')).toBe('CA');
    expect(stateForFips('48')).toBe('TX');
    expect(stateForFips('36')).toBe('NY');
    expect(stateForFips('11')).toBe('DC');
    expect(stateForFips('72')).toBe('PR');
    expect(stateForFips('02')).toBe('AK');
    expect(stateForFips('15')).toBe('HI');
  });

  it('accepts numbers and codes without the leading zero', () => {
    expect(stateForFips(6)).toBe('CA');
    expect(stateForFips('6')).toBe('CA');
    expect(stateForFips(1)).toBe('AL');
  });

  it('knows nothing of unused or missing codes', () => {
    expect(stateForFips('03')).toBeUndefined(); // never assigned
    expect(stateForFips('99')).toBeUndefined();
    expect(stateForFips('')).toBeUndefined();
    expect(stateForFips(undefined)).toBeUndefined();
    expect(stateForFips(null)).toBeUndefined();
    expect(stateForFips('toString')).toBeUndefined();
  });

  it('is one-to-one and covers exactly the states our data uses', () => {
    const codes = Object.values(FIPS_TO_STATE);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...US_STATES].sort());
  });

  it('names every shape of the us-atlas states map, with the same name the atlas gives', () => {
    const names: Record<string, string> = {
      IL: 'Illinois',
      CA: 'California',
      DC: 'District of Columbia',
      NY: 'New York',
      WA: 'Washington',
    };
    const geometries = atlas.objects.states.geometries as Array<{ id: string; properties: { name: string } }>;
    expect(geometries.length).toBeGreaterThanOrEqual(51);
    for (const geometry of geometries) {
      const code = stateForFips(geometry.id);
      expect(code).toBeDefined();
      if (code && names[code]) expect(geometry.properties.name).toBe(names[code]);
    }
    // The 50 states and DC are all drawn.
    const drawn = new Set(geometries.map((g) => stateForFips(g.id)));
    expect(
      US_STATES.filter((code) => !['PR', 'GU', 'VI', 'AS', 'MP'].includes(code) && !drawn.has(code)),
    ).toEqual([]);
  });
});
