import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import type { MessageKey } from '@api/common/i18n/messages';
import type { ImportKind, OnDuplicate } from '../entities/import-job.entity';

/** A field a CSV column can map to. `aliases` are header names (any case, accents optional) it is guessed from. */
export interface FieldSpec {
  name: string;
  required?: boolean;
  /** Values of this field may be echoed in error reports (not personal data). */
  echo?: boolean;
  aliases: string[];
}

/** One failing cell: 1-based data row (header excluded), field, message code. */
export interface RowError {
  row: number;
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  value?: string;
}

export interface ImportRow {
  row: number;
  values: Record<string, string | undefined>;
}

/** Who imports: the transaction's context and the scope of the data. */
export interface ImportScope {
  organizationId: string | null;
  userId: string;
  role: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
}

export interface BatchOutcome {
  /** Rows that match an existing record. */
  duplicates: number;
  /** For the preview: row number → the existing record's id. */
  duplicateOf: Map<number, string>;
}

/**
 * How one kind of record is imported. The runner parses the file, hands each batch of rows (as
 * field → cell text) to `checkBatch`, which validates them, finds duplicates within the file and in
 * the database, and (when writing) stages them; `write` turns the staged rows into records.
 */
export interface KindHandler {
  readonly kind: ImportKind;
  readonly fields: FieldSpec[];
  /** Per-file state (lookups of campaigns or organizations, keys seen so far, staging table). */
  begin(m: EntityManager, client: PoolClient, scope: ImportScope, writing: boolean): Promise<KindRun>;
}

export interface KindRun {
  /** `stage`: keep the rows for `write` (false in a preview, or once any row has failed). */
  checkBatch(rows: ImportRow[], errors: RowError[], stage: boolean): Promise<BatchOutcome>;
  /** Turns staged rows into records; called only when no row failed. */
  write(onDuplicate: OnDuplicate): Promise<ImportCounts>;
}
