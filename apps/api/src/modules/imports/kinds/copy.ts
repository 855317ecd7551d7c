import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A value in COPY's text format: \N for NULL, backslash escapes for the separators. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyBytes(value: Buffer | null | undefined): string {
  return value ? `\\\\x${value.toString('hex')}` : '\\N';
}

export function copyBool(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '\\N' : value ? 't' : 'f';
}

/** Streams lines (already COPY-encoded, tab-separated) into `table` on the transaction's connection. */
export async function copyLines(client: PoolClient, table: string, columns: string[], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([lines.join('\n') + '\n']), stream);
}

/** Runs a write in the manager's transaction and returns how many rows it touched. */
export async function affected(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = (await m.queryRunner!.query(sql, params, true)) as { affected?: number | null };
  return result.affected ?? 0;
}
