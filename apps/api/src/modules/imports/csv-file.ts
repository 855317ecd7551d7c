import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import type { FieldSpec } from './kinds/kind';
import type { ImportMapping } from './entities/import-job.entity';

/** Rows handed to a kind at a time: large enough for few round trips, small enough to report progress. */
export const BATCH_ROWS = 5000;

/** A file that cannot be read as CSV at all (not UTF-8, no header): the upload is refused. */
export class UnreadableCsv extends Error {
  constructor(readonly reason: 'notUtf8' | 'noHeader' | 'malformed', readonly row?: number) {
    super(`unreadable CSV: ${reason}`);
    this.name = 'UnreadableCsv';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeCsv(bytes: Buffer): string {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UnreadableCsv('notUtf8');
  }
}

/** Comma, semicolon (spreadsheets in Spanish) or tab: whichever the header line uses most. */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][0];
}

function options(text: string): Options {
  return { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, bom: true };
}

/** Header, first rows and number of data rows. */
export async function summarize(text: string, sampleSize = 5): Promise<{ headers: string[]; sample: string[][]; rowCount: number }> {
  let headers: string[] | null = null;
  const sample: string[][] = [];
  let rowCount = 0;
  try {
    for await (const record of Readable.from([text]).pipe(parse(options(text)))) {
      if (!headers) {
        headers = (record as string[]).map((h) => h.trim());
        continue;
      }
      rowCount += 1;
      if (sample.length < sampleSize) sample.push(record as string[]);
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableCsv('malformed', line ? Math.max(line - 1, 1) : undefined);
  }
  if (!headers || headers.every((h) => h === '')) throw new UnreadableCsv('noHeader');
  return { headers, sample, rowCount };
}

/** Headers only (cheap): the first record. */
export function headersOf(text: string): string[] {
  const end = text.search(/\r?\n/);
  const first = parseSync(end === -1 ? text : text.slice(0, end + 1), { ...options(text), to_line: 1 }) as string[][];
  return (first[0] ?? []).map((h) => h.trim());
}

/**
 * Every data row as field → cell, in batches. Columns mapped to null or to no field are ignored.
 * Row numbers are 1-based data rows (the header excluded), as the person sees them in a spreadsheet
 * minus the header line.
 */
export async function* rowsOf(
  text: string,
  mapping: ImportMapping,
): AsyncGenerator<{ row: number; values: Record<string, string | undefined> }[]> {
  let columns: [number, string][] | null = null;
  let batch: { row: number; values: Record<string, string | undefined> }[] = [];
  let row = 0;
  const parser = Readable.from([text]).pipe(parse(options(text)));
  try {
    for await (const record of parser) {
      const cells = record as string[];
      if (!columns) {
        columns = [];
        cells.forEach((h, i) => {
          const field = mapping[h.trim()];
          if (field) columns!.push([i, field]);
        });
        continue;
      }
      row += 1;
      const values: Record<string, string | undefined> = {};
      for (const [i, field] of columns) values[field] = cells[i];
      batch.push({ row, values });
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof UnreadableCsv) throw error;
    const line = (error as { lines?: number }).lines;
    throw new UnreadableCsv('malformed', line ? Math.max(line - 1, 1) : undefined);
  }
  if (batch.length > 0) yield batch;
}

function words(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A first mapping from header names (English or Spanish), each field used at most once. */
export function guessMapping(headers: string[], fields: FieldSpec[]): ImportMapping {
  const used = new Set<string>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const h = words(header);
    const field = fields.find((f) => !used.has(f.name) && (words(f.name) === h || f.aliases.some((a) => words(a) === h)));
    mapping[header] = field?.name ?? null;
    if (field) used.add(field.name);
  }
  return mapping;
}
