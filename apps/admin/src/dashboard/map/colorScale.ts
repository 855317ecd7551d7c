/**
 * The map's colour scale: a few steps of the alliance green, light to dark, for "how many active
 * member organizations in this state". Pure (no React) so unit tests load it.
 */

/** Light to dark; every step is distinguishable from the next, and the darkest reads on white. */
export const MAP_COLORS: readonly string[] = ['#cfeadf', '#95cfb8', '#56ab8f', '#23836a', '#0b5a46'];

/** States with no active member organization. */
export const EMPTY_COLOR = '#e4e7eb';

/** One step of the legend: every count from `min` to `max` (inclusive) has `color`. */
export interface ColorBin {
  min: number;
  max: number;
  color: string;
}

export interface ColorScale {
  bins: ColorBin[];
  colorFor: (count: number) => string;
}

/** Picks `count` colours spread over the palette (from the darkest end when there is only one). */
function spread(colors: readonly string[], count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [colors[colors.length - 1]];
  return Array.from({ length: count }, (_, i) => colors[Math.round((i * (colors.length - 1)) / (count - 1))]);
}

/**
 * Bins of whole numbers from 1 to `max`: one per number while they fit in the palette (1, 2, 3),
 * otherwise equal ranges (1–3, 4–6, 7–9, 10–12). Zero is always `EMPTY_COLOR`.
 */
export function colorScale(max: number, colors: readonly string[] = MAP_COLORS): ColorScale {
  const top = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : 0;
  const ranges: Array<[number, number]> = [];
  if (top <= colors.length) {
    for (let n = 1; n <= top; n += 1) ranges.push([n, n]);
  } else {
    const step = Math.ceil(top / colors.length);
    for (let min = 1; min <= top; min += step) ranges.push([min, Math.min(min + step - 1, top)]);
  }
  const palette = spread(colors, ranges.length);
  const bins = ranges.map(([min, binMax], i) => ({ min, max: binMax, color: palette[i] }));
  const colorFor = (count: number) => {
    if (!Number.isFinite(count) || count <= 0 || bins.length === 0) return EMPTY_COLOR;
    return (bins.find((bin) => count <= bin.max) ?? bins[bins.length - 1]).color;
  };
  return { bins, colorFor };
}
