import { colorScale, EMPTY_COLOR, MAP_COLORS } from './colorScale';

describe('map colour scale', () => {
  it('colours zero (and nonsense) as "none"', () => {
    const scale = colorScale(4);
    expect(scale.colorFor(0)).toBe(EMPTY_COLOR);
    expect(scale.colorFor(-2)).toBe(EMPTY_COLOR);
    expect(scale.colorFor(Number.NaN)).toBe(EMPTY_COLOR);
  });

  it('has no bins and only "none" when no state has members', () => {
    const scale = colorScale(0);
    expect(scale.bins).toEqual([]);
    expect(scale.colorFor(3)).toBe(EMPTY_COLOR);
  });

  it('gives each count its own step while they fit in the palette, light to dark', () => {
    const scale = colorScale(3);
    expect(scale.bins.map((b) => [b.min, b.max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(scale.bins.map((b) => b.color)).toEqual([MAP_COLORS[0], MAP_COLORS[2], MAP_COLORS[4]]);
    expect(scale.colorFor(1)).toBe(MAP_COLORS[0]);
    expect(scale.colorFor(3)).toBe(MAP_COLORS[4]);
  });

  it('uses the darkest colour when one count is all there is', () => {
    expect(colorScale(1).bins).toEqual([{ min: 1, max: 1, color: MAP_COLORS[MAP_COLORS.length - 1] }]);
  });

  it('uses the whole palette for exactly five counts', () => {
    expect(colorScale(5).bins.map((b) => b.color)).toEqual([...MAP_COLORS]);
  });

  it('groups larger counts into equal ranges that cover 1..max without gaps', () => {
    const scale = colorScale(12);
    expect(scale.bins.map((b) => [b.min, b.max])).toEqual([
      [1, 3],
      [4, 6],
      [7, 9],
      [10, 12],
    ]);
    expect(scale.colorFor(4)).toBe(scale.bins[1].color);
    expect(scale.colorFor(12)).toBe(scale.bins[3].color);
    // Above the maximum (a stale scale): the darkest step.
    expect(scale.colorFor(40)).toBe(scale.bins[3].color);
  });

  it('never draws two steps in the same colour, and gets darker with the count', () => {
    for (const max of [1, 2, 3, 4, 5, 6, 7, 11, 23, 100, 1000]) {
      const { bins } = colorScale(max);
      expect(new Set(bins.map((b) => b.color)).size).toBe(bins.length);
      expect(bins[0].min).toBe(1);
      expect(bins[bins.length - 1].max).toBe(max);
      for (let i = 1; i < bins.length; i += 1) {
        expect(bins[i].min).toBe(bins[i - 1].max + 1);
        expect(MAP_COLORS.indexOf(bins[i].color)).toBeGreaterThan(MAP_COLORS.indexOf(bins[i - 1].color));
      }
    }
  });
});
