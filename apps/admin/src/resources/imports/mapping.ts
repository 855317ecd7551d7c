import type { ColumnMapping, ImportFieldDto, UploadedImportDto } from './types';

/** One line of the mapping step: a column of the file, a value from it, and where it goes. */
export interface MappingRow {
  header: string;
  /** The first non-empty value of the column in the sample, to recognise what it holds. */
  example: string;
  target: string | null;
}

/** What keeps a mapping from being checked: required fields nobody maps, fields mapped twice. */
export interface MappingProblems {
  missingRequired: string[];
  /** Field → the headers that all claim it (only fields claimed by two or more). */
  duplicateTargets: Record<string, string[]>;
}

/** The first non-empty value of column `index` in the sample rows, trimmed ('' when none). */
export function exampleValue(sample: readonly (readonly string[])[], index: number): string {
  for (const row of sample) {
    const value = (row[index] ?? '').trim();
    if (value !== '') return value;
  }
  return '';
}

/**
 * The mapping the step starts from: the API's (saved for this source, or guessed from the header
 * names), every header present, and any target the form does not offer turned into "ignore" — a
 * saved mapping may name a field that no longer exists. When the person uploads a corrected file,
 * the choices they already made (`previous`) win for the columns it still has.
 */
export function initialMapping(
  headers: readonly string[],
  suggested: ColumnMapping | undefined,
  fields: readonly ImportFieldDto[],
  previous?: ColumnMapping,
): ColumnMapping {
  const known = new Set(fields.map((field) => field.name));
  const taken = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const target = previous && header in previous ? previous[header] : (suggested?.[header] ?? null);
    // Two columns guessed as the same field: keep the first, so the start is always valid.
    const usable = target !== null && known.has(target) && !taken.has(target);
    mapping[header] = usable ? target : null;
    if (usable) taken.add(target);
  }
  return mapping;
}

/** The rows of the mapping table, in the file's column order. */
export function mappingRows(upload: Pick<UploadedImportDto, 'headers' | 'sample'>, mapping: ColumnMapping) {
  return upload.headers.map((header, index): MappingRow => ({
    header,
    example: exampleValue(upload.sample, index),
    target: mapping[header] ?? null,
  }));
}

/** Maps one column to a field ('' or null: ignore the column), leaving the others as they are. */
export function withTarget(mapping: ColumnMapping, header: string, target: string | null): ColumnMapping {
  return { ...mapping, [header]: target === '' ? null : target };
}

export function mappingProblems(mapping: ColumnMapping, fields: readonly ImportFieldDto[]): MappingProblems {
  const headersByTarget = new Map<string, string[]>();
  for (const [header, target] of Object.entries(mapping)) {
    if (target === null) continue;
    headersByTarget.set(target, [...(headersByTarget.get(target) ?? []), header]);
  }
  return {
    missingRequired: fields
      .filter((field) => field.required && !headersByTarget.has(field.name))
      .map((field) => field.name),
    duplicateTargets: Object.fromEntries([...headersByTarget].filter(([, headers]) => headers.length > 1)),
  };
}

export const hasMappingProblems = (problems: MappingProblems) =>
  problems.missingRequired.length > 0 || Object.keys(problems.duplicateTargets).length > 0;

/** The headers whose columns will be left out. */
export const ignoredHeaders = (mapping: ColumnMapping) =>
  Object.entries(mapping)
    .filter(([, target]) => target === null)
    .map(([header]) => header);

/** The header mapped to `field`, to name a problem by the column the person knows from their file. */
export function headerFor(mapping: ColumnMapping, field: string): string | undefined {
  return Object.entries(mapping).find(([, target]) => target === field)?.[0];
}

/** Required fields first (in the API's order), then the optional ones: the order of the select. */
export const orderedFields = (fields: readonly ImportFieldDto[]) => [
  ...fields.filter((field) => field.required),
  ...fields.filter((field) => !field.required),
];
