import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ImportFieldDto, ImportKind } from './types';

/**
 * The label of a target field in the UI language: ours when the catalog has it, else the API's
 * (`label_en` / `label_es`), else the field's name — a field the API adds later still shows.
 */
export const useFieldLabel = (kind: ImportKind, fields: readonly ImportFieldDto[] = []) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useCallback(
    (name: string) => {
      const field = fields.find((candidate) => candidate.name === name);
      const fromApi = locale === 'es' ? field?.label_es : field?.label_en;
      return translate(`unidos.imports.fields.${kind}.${name}`, { _: fromApi ?? name });
    },
    [fields, kind, locale, translate],
  );
};

/** Bytes as "820 KB" or "12.4 MB" (a file's size as people read it). */
export function formatBytes(bytes: number, locale: string): string {
  const format = (value: number, digits: number) =>
    value.toLocaleString(locale === 'es' ? 'es-US' : 'en-US', { maximumFractionDigits: digits });
  if (bytes < 1024) return `${format(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024, 0)} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
