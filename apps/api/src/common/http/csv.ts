import { stringify } from 'csv-stringify';
import type { Response } from 'express';

/** A cell starting with =, +, - or @ would run as a formula in a spreadsheet; prefix it with '. */
export function neutralizeFormula(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

/**
 * Streams a CSV download: a header row, then rows fetched a batch at a time (`fetch(offset,
 * limit)`), so memory stays flat however long the list. Arrays become `a;b`; formulas are
 * neutralized. Returns the number of rows written.
 */
export async function streamCsv<T>(
  res: Response,
  filename: string,
  columns: readonly (keyof T & string)[],
  fetch: (offset: number, limit: number) => Promise<T[]>,
  batch = 1000,
): Promise<number> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  const csv = stringify({ header: true, columns: [...columns], cast: { object: (v) => (Array.isArray(v) ? v.join(';') : JSON.stringify(v)) } });
  csv.pipe(res);
  let count = 0;
  try {
    for (let offset = 0; ; offset += batch) {
      const rows = await fetch(offset, batch);
      for (const row of rows) {
        if (!csv.write(columns.map((c) => neutralizeFormula(row[c])))) await new Promise((resolve) => csv.once('drain', resolve));
      }
      count += rows.length;
      if (rows.length < batch) break;
    }
  } finally {
    csv.end();
  }
  return count;
}
