import {
  barValue,
  demandText,
  formatPercent,
  formatQuantity,
  noteForCorrection,
  nonZero,
  percentOf,
  pledgeMetricsFor,
  positive,
  todayIso,
  wholeUnlessDollars,
} from './format';

describe('campaign number formatting', () => {
  it('groups thousands in both UI languages, cents only for dollars', () => {
    expect(formatQuantity('en', 20000, 'calls')).toBe('20,000');
    expect(formatQuantity('es', 20000, 'calls')).toBe('20,000');
    expect(formatQuantity('en', 1234.5, 'dollars')).toBe('1,234.5');
    expect(formatQuantity('en', 12.5)).toBe('12.5');
  });

  it('shows percentages of 0–100 values', () => {
    expect(formatPercent('en', 42)).toBe('42%');
    expect(formatPercent('en', 40)).toBe('40%');
    expect(formatPercent('es', 120)).toMatch(/^120\s?%$/);
    expect(percentOf(8400, 20000)).toBe(42);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(5, null)).toBe(0);
  });

  it('draws over-fulfilment as a full bar and never a negative one', () => {
    expect(barValue(140)).toBe(100);
    expect(barValue(-3)).toBe(0);
    expect(barValue(Number.NaN)).toBe(0);
    expect(barValue(40)).toBe(40);
  });
});

describe('demands and metrics', () => {
  it('shows a demand in the UI language, falling back to the other one', () => {
    const demand = { textEn: 'Legalization for all!', textEs: '¡Legalización para todos!' };
    expect(demandText('en', demand)).toBe('Legalization for all!');
    expect(demandText('es', demand)).toBe('¡Legalización para todos!');
    expect(demandText('es', { textEn: 'Only English', textEs: '' })).toBe('Only English');
  });

  it("offers the campaign's goal metrics, in the shared order, then other", () => {
    expect(pledgeMetricsFor([{ metric: 'doors' }, { metric: 'calls' }])).toEqual(['calls', 'doors', 'other']);
    expect(pledgeMetricsFor([])).toEqual(['other']);
    expect(pledgeMetricsFor([{ metric: 'other' }])).toEqual(['other']);
  });
});

describe('quantity validators', () => {
  it('wants whole numbers except for dollars (cents)', () => {
    expect(wholeUnlessDollars('calls')(500)).toBeUndefined();
    expect(wholeUnlessDollars('calls')(2.5)).toBe('unidos.campaigns.validation.whole_number');
    expect(wholeUnlessDollars('dollars')(0.29)).toBeUndefined();
    expect(wholeUnlessDollars('dollars')(1.234)).toBe('unidos.campaigns.validation.cents');
    expect(wholeUnlessDollars('calls')(null)).toBeUndefined();
  });

  it('wants positive pledges and non-zero reports', () => {
    expect(positive(1)).toBeUndefined();
    expect(positive(0)).toBe('unidos.campaigns.validation.positive');
    expect(positive(-5)).toBe('unidos.campaigns.validation.positive');
    expect(nonZero(-5)).toBeUndefined();
    expect(nonZero(0)).toBe('unidos.pledges.report.non_zero');
  });

  it('asks for a note with a correction only', () => {
    expect(noteForCorrection('', { quantity: 10 })).toBeUndefined();
    expect(noteForCorrection(null, { quantity: -10 })).toBe('unidos.pledges.report.note_required');
    expect(noteForCorrection('  ', { quantity: -10 })).toBe('unidos.pledges.report.note_required');
    expect(noteForCorrection('double-counted Tuesday', { quantity: -10 })).toBeUndefined();
  });

  it("gives today's date in the browser's time zone", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
