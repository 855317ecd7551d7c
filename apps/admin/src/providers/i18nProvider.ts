import polyglotI18nProvider from 'ra-i18n-polyglot';
import { browserLocale, isUiLocale, LOCALE_NAMES, messagesFor, UI_LOCALES, type UiLocale } from '../i18n';

const initialLocale: UiLocale = browserLocale(
  typeof navigator === 'undefined' ? undefined : navigator.languages,
);

const polyglot = polyglotI18nProvider(
  (locale) => messagesFor(isUiLocale(locale) ? locale : 'en'),
  initialLocale,
  UI_LOCALES.map((locale) => ({ locale, name: LOCALE_NAMES[locale] })),
  // Unknown keys fall back to their `_` default or to the key itself, without console noise.
  { allowMissing: true },
);

const setDocumentLanguage = (locale: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};
setDocumentLanguage(initialLocale);

/**
 * ra-i18n-polyglot with our catalogs. The locale the user picks is remembered by react-admin's
 * store (key `locale`), which re-applies it on the next visit; `<html lang>` follows it so screen
 * readers pronounce the page right.
 */
export const i18nProvider = {
  ...polyglot,
  changeLocale: async (locale: string, options?: unknown) => {
    const next = isUiLocale(locale) ? locale : 'en';
    await polyglot.changeLocale(next, options);
    setDocumentLanguage(next);
  },
};

/** The current UI locale, sent as `Accept-Language` so the API answers in the same language. */
export const currentLocale = (): UiLocale => {
  const locale = i18nProvider.getLocale();
  return isUiLocale(locale) ? locale : 'en';
};
