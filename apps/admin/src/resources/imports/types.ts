/**
 * Shapes of the CSV import API (`/api/imports`, `/api/import-mappings`), as the contract in
 * docs/api.md describes them. Plain types only: the admin never sends a decorator-laden DTO.
 */

export const IMPORT_KINDS = ['people', 'organizations', 'pledges'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type OnDuplicate = 'update' | 'skip';

/** Which target field each header of the file goes to; `null` leaves the column out. */
export type ColumnMapping = Record<string, string | null>;

/** One field a column may be imported as (`GET /api/imports/fields?kind=`). */
export interface ImportFieldDto {
  name: string;
  required: boolean;
  label_en?: string;
  label_es?: string;
}

/** Answer of `POST /api/imports` (the uploaded file, not imported yet). */
export interface UploadedImportDto {
  id: string;
  kind: ImportKind;
  source: string | null;
  filename: string;
  status: ImportStatus;
  rowCount: number;
  headers: string[];
  /** The first rows of the file, one string per header. */
  sample: string[][];
  /** The saved mapping of this source, else the API's guess from the header names. */
  mapping: ColumnMapping;
  /** Whether `mapping` is the one saved for this source. */
  savedMapping?: boolean;
}

/** One row the import would refuse, and why (`row` counts data rows from 1, header excluded). */
export interface RowErrorDto {
  row: number;
  field: string;
  reason: string;
  value?: string | null;
}

export interface PreviewSampleDto {
  row: number;
  values: Record<string, unknown>;
  /** Set when the row matches a record Unidos already has. */
  duplicateOf?: string | null;
}

/** Answer of `POST /api/imports/:id/preview`. */
export interface ImportPreviewDto {
  rowCount: number;
  valid: number;
  invalid: number;
  duplicates: number;
  willCreate: number;
  willUpdate: number;
  willSkip: number;
  /** The first 200 problems. */
  errors: RowErrorDto[];
  sample: PreviewSampleDto[];
}

/** `GET /api/imports/:id`, and one row of `GET /api/imports`. */
export interface ImportJobDto {
  id: string;
  kind: ImportKind;
  source: string | null;
  filename: string;
  status: ImportStatus;
  rowCount: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  errors: number;
  error?: string | null;
  createdAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  /** The id of the user who started it. */
  createdBy?: string;
  /** Their display name, when the API sends it (coordinators cannot look users up). */
  createdByName?: string | null;
}

/** A saved mapping (`GET /api/import-mappings`). */
export interface ImportMappingDto {
  id: string;
  kind: ImportKind;
  source: string;
  mapping: ColumnMapping;
  updatedAt: string;
}
