import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { campaignsEn } from './campaigns.en';
import { campaignsEs } from './campaigns.es';
import { dashboardEn } from './dashboard.en';
import { dashboardEs } from './dashboard.es';
import { en } from './en';
import { es } from './es';
import { eventsEn } from './events.en';
import { eventsEs } from './events.es';
import { importsEn } from './imports.en';
import { importsEs } from './imports.es';
import { mergeCatalogs } from './merge';
import { raSpanishMessages } from './ra-spanish';

export type UiLocale = 'en' | 'es';
export const UI_LOCALES: readonly UiLocale[] = ['en', 'es'];

/** Names shown in the language switchers, each in its own language. */
export const LOCALE_NAMES: Record<UiLocale, string> = { en: 'English', es: 'Español' };

export const isUiLocale = (value: unknown): value is UiLocale =>
  typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);

/**
 * react-admin's catalog merged with ours for one locale (ours never overrides `ra.*`); campaign and
 * pledge messages, event messages and dashboard messages live in their own files, deep-merged in.
 */
export const messagesFor = (locale: UiLocale): TranslationMessages =>
  locale === 'es'
    ? { ...raSpanishMessages, ...mergeCatalogs(es, campaignsEs, eventsEs, dashboardEs, importsEs) }
    : { ...englishMessages, ...mergeCatalogs(en, campaignsEn, eventsEn, dashboardEn, importsEn) };

/** `es` when the browser prefers any Spanish (es, es-MX, es-419…), otherwise `en`. */
export const browserLocale = (languages: readonly string[] | undefined): UiLocale => {
  const first = languages?.[0]?.toLowerCase() ?? '';
  return first.startsWith('es') ? 'es' : 'en';
};
