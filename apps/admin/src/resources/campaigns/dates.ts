import { intlLocale } from './format';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in the UI language, as `LocalDateField` shows it. A plain date (`YYYY-MM-DD`) is read in
 * UTC so it never shows the day before.
 */
export const formatDate = (locale: string, value: string | null | undefined) => {
  if (!value) return '—';
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(intlLocale(locale), dateOnly ? { timeZone: 'UTC' } : undefined);
};
