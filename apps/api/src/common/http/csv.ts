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
 * neutralized. Runs `work` (typically a database transaction around the streaming) and ends the
 * download only after it has finished — so an export audited in that transaction is committed
 * before the last byte reaches the client. On an error the download is cut short.
 */
export async function streamCsv<T>(
  res: Response,
  filename: string,
  columns: readonly (keyof T & string)[],
  work: (
    write: (fetch: (offset: number, limit: number) => Promise<T[]>) => Promise<number>,
  ) => Promise<unknown>,
  batch = 1000,
): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  const csv = stringify({
    header: true,
    columns: [...columns],
    cast: { object: (v) => (Array.isArray(v) ? v.join(';') : JSON.stringify(v)) },
  });
  csv.pipe(res);
  const write = async (fetch: (offset: number, limit: number) => Promise<T[]>): Promise<number> => {
    let count = 0;
    for (let offset = 0; ; offset += batch) {
      const rows = await fetch(offset, batch);
      for (const row of rows) {
        if (!csv.write(columns.map((c) => neutralizeFormula(row[c]))))
          await new Promise((resolve) => csv.once('drain', resolve));
      }
      count += rows.length;
      if (rows.length < batch) return count;
    }
  };
  try {
    await work(write);
  } catch (error) {
    csv.unpipe(res);
    // Nothing sent yet (e.g. a bad filter value): the error is answered as usual. Otherwise the
    // download is cut short, so a partial file never looks complete.
    if (res.headersSent) res.destroy(error instanceof Error ? error : new Error(String(error)));
    else for (const name of ['Content-Type', 'Content-Disposition']) res.removeHeader(name);
    throw error;
  }
  csv.end();
}
