import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import type { ImportMapping } from './entities/import-job.entity';
import { rowsOf } from './csv-file';
import type { ImportRow, ImportScope, KindHandler, KindRun, RowError } from './kinds/kind';

/** Errors reported back in a preview (the counts cover all of them). */
export const MAX_REPORTED_ERRORS = 200;
const SAMPLE_ROWS = 10;

export interface Analysis {
  rowCount: number;
  invalidRows: number;
  /** The first rows that failed, ascending (for messages). */
  firstInvalidRows: number[];
  errors: RowError[];
  duplicates: number;
  sample: (ImportRow & { duplicateOf?: string })[];
  run: KindRun;
}

/**
 * Reads the whole file through a kind: every row validated, duplicates found in the file and in
 * the database, and — when `write` — staged for writing (nothing is written until `run.write`).
 * `progress` is told the rows handled so far after every batch.
 */
export async function analyze(
  m: EntityManager,
  client: PoolClient,
  handler: KindHandler,
  scope: ImportScope,
  text: string,
  mapping: ImportMapping,
  options: { write: boolean; progress?: (rows: number) => Promise<void> },
): Promise<Analysis> {
  const run = await handler.begin(m, client, scope, options.write);
  const result: Analysis = { rowCount: 0, invalidRows: 0, firstInvalidRows: [], errors: [], duplicates: 0, sample: [], run };
  for await (const batch of rowsOf(text, mapping)) {
    const errors: RowError[] = [];
    const outcome = await run.checkBatch(batch, errors, options.write && result.invalidRows === 0);
    result.rowCount += batch.length;
    result.duplicates += outcome.duplicates;
    if (errors.length > 0) {
      const rows = [...new Set(errors.map((e) => e.row))].sort((a, b) => a - b);
      result.invalidRows += rows.length;
      for (const r of rows) if (result.firstInvalidRows.length < 10) result.firstInvalidRows.push(r);
      errors.sort((a, b) => a.row - b.row);
      for (const e of errors) if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(e);
    }
    for (const r of batch) {
      if (result.sample.length >= SAMPLE_ROWS) break;
      const duplicateOf = outcome.duplicateOf.get(r.row);
      result.sample.push(duplicateOf ? { ...r, duplicateOf } : r);
    }
    if (options.progress) await options.progress(result.rowCount);
  }
  return result;
}
