/**
 * Pure helpers for campaign and pledge numbers (no react-admin import, so plain unit tests load
 * them). Numbers follow the UI language through `Intl.NumberFormat` (`en-US` / `es-US`, the same
 * locales the admin uses for dates).
 */
import {
  PLEDGE_METRICS,
  type CampaignGoalDto,
  type GoalProgressDto,
  type PledgeMetric,
} from '@unidos/contracts';

export const intlLocale = (locale: string) => (locale === 'es' ? 'es-US' : 'en-US');

/** A quantity: whole numbers, except dollars (or an unknown metric) which may have cents. */
export const formatQuantity = (locale: string, value: number, metric?: PledgeMetric | string) =>
  new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: metric === undefined || metric === 'dollars' ? 2 : 0,
  }).format(value);

/** A percentage given as 0–100 (may exceed 100 when over-fulfilled), e.g. "42%". */
export const formatPercent = (locale: string, percent: number) =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );

/** part ÷ whole as 0–100 (0 when there is no whole). */
export const percentOf = (part: number, whole: number | null | undefined) =>
  whole && whole > 0 ? (part / whole) * 100 : 0;

/** What a progress bar can draw: 0–100 (over-fulfilment shows as a full bar; the text says more). */
export const barValue = (percent: number) =>
  Math.max(0, Math.min(100, Number.isFinite(percent) ? percent : 0));

/** A demand's text in the UI language (the other language when that one is missing). */
export const demandText = (locale: string, demand: { textEn: string; textEs: string }) =>
  locale === 'es' ? demand.textEs || demand.textEn : demand.textEn || demand.textEs;

/** The metrics a pledge of this campaign may use: its goals' metrics, then "other". */
export function pledgeMetricsFor(goals: Pick<CampaignGoalDto | GoalProgressDto, 'metric'>[]): PledgeMetric[] {
  const fromGoals = new Set(goals.map((goal) => goal.metric));
  return [...PLEDGE_METRICS.filter((metric) => metric !== 'other' && fromGoals.has(metric)), 'other'];
}

/** Today as `YYYY-MM-DD` in the browser's own time zone (what a person calls "today"). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Validator: a whole number unless the metric is dollars (cents allowed), as the API requires. */
export const wholeUnlessDollars = (metric: unknown) => (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return 'unidos.campaigns.validation.number';
  if (metric === 'dollars') {
    return Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? undefined : 'unidos.campaigns.validation.cents';
  }
  return Number.isInteger(n) ? undefined : 'unidos.campaigns.validation.whole_number';
};

/** Validator: more than zero. */
export const positive = (value: unknown) =>
  value === null || value === undefined || value === '' || Number(value) > 0
    ? undefined
    : 'unidos.campaigns.validation.positive';

/** Validator for a progress report: never zero. */
export const nonZero = (value: unknown) =>
  value === null || value === undefined || value === '' || Number(value) !== 0
    ? undefined
    : 'unidos.pledges.report.non_zero';

/** Validator for a report's note: a correction (negative quantity) must say why. */
export const noteForCorrection = (note: unknown, values: { quantity?: unknown }) =>
  Number(values.quantity) < 0 && (typeof note !== 'string' || note.trim() === '')
    ? 'unidos.pledges.report.note_required'
    : undefined;
