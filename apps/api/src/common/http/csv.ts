import { stringify, type Stringifier } from 'csv-stringify';
import type { Response } from 'express';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { Transform, type TransformCallback } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
// The transformer getMany()/getRawAndEntities() use, so an exported row is hydrated exactly as the list's.
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';

/** A cell starting with =, +, - or @ would run as a formula in a spreadsheet; prefix it with '. */
export function neutralizeFormula(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

/** One row as PostgreSQL returned it, keyed by the query builder's column aliases (`o_name`, `total`). */
export type RawRow = Record<string, unknown>;

/** Rows fetched from the cursor per round trip, and held at most in the query stream's buffer. */
export const CURSOR_BATCH = 1000;

export interface CsvRows<T> {
  /**
   * Streams every row of `qb` (built with `m`, so on the transaction's own connection, under its
   * organization context) through a server-side cursor. Each row is hydrated into the entity as
   * the list hydrates it and mapped by `map`. Returns the number of rows written.
   */
  entities<E extends ObjectLiteral, R = RawRow>(
    m: EntityManager,
    qb: SelectQueryBuilder<E>,
    map: (entity: E, raw: R) => T,
  ): Promise<number>;
  /** The same for a query that selects plain columns (no entity), mapped from the raw row. */
  raw<R = RawRow>(
    m: EntityManager,
    qb: SelectQueryBuilder<ObjectLiteral>,
    map: (raw: R) => T,
  ): Promise<number>;
  /** Rows already in memory (a chart's few points). */
  rows(rows: Iterable<T>): Promise<number>;
}

/** The pg client under the transaction's query runner: the cursor must read in that transaction. */
async function transactionClient(m: EntityManager): Promise<PoolClient> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('A CSV export streams inside a transaction');
  return (await runner.connect()) as PoolClient;
}

/**
 * Streams a CSV download: a header row, then the rows of a query read through a database cursor
 * in the caller's transaction (pg-query-stream on that transaction's connection), so neither
 * time nor memory grows with the list. Backpressure runs end to end: a slow client stops the
 * response, which stops the CSV encoder, which stops the cursor. A client that goes away stops
 * the query (the cursor closes, the transaction rolls back, the connection returns to the pool).
 * Arrays become `a;b`; formulas are neutralized.
 *
 * Runs `work` (typically a database transaction around the streaming) and ends the download only
 * after it has finished — so an export audited in that transaction is committed before the last
 * byte reaches the client. An error before the first row (a bad filter value) is answered as
 * usual; after it, the download is cut short, so a partial file never looks complete.
 */
export async function streamCsv<T>(
  res: Response,
  filename: string,
  columns: readonly (keyof T & string)[],
  work: (csv: CsvRows<T>) => Promise<unknown>,
): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  const csv = stringify({
    header: true,
    columns: [...columns],
    cast: { object: (v) => (Array.isArray(v) ? v.join(';') : JSON.stringify(v)) },
  });
  const out = csv.pipe(new Chunks());
  out.pipe(res);
  // The client went away before the end: stop reading the database.
  const gone = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) gone.abort(new Error('The client closed the CSV download'));
  };
  res.once('close', onClose);
  const record = (row: T) => columns.map((c) => neutralizeFormula(row[c]));
  async function entities<E extends ObjectLiteral, R = RawRow>(
    m: EntityManager,
    qb: SelectQueryBuilder<E>,
    map: (entity: E, raw: R) => T,
  ): Promise<number> {
    const alias = qb.expressionMap.mainAlias;
    if (!alias) throw new Error('A CSV export needs a query builder with a main alias');
    const hydrate = new RawSqlResultsToEntityTransformer(
      qb.expressionMap,
      m.connection.driver,
      [],
      m.queryRunner,
    );
    return cursor(m, qb, csv, gone.signal, (raw) =>
      record(map(hydrate.transform([raw], alias)[0] as E, raw as R)),
    );
  }
  const rows: CsvRows<T> = {
    entities,
    raw: <R = RawRow>(m: EntityManager, qb: SelectQueryBuilder<ObjectLiteral>, map: (raw: R) => T) =>
      cursor(m, qb, csv, gone.signal, (raw) => record(map(raw as R))),
    rows: async (list) => {
      let count = 0;
      for (const row of list) {
        gone.signal.throwIfAborted();
        if (!csv.write(record(row))) await new Promise((resolve) => csv.once('drain', resolve));
        count += 1;
      }
      return count;
    },
  };
  try {
    await work(rows);
  } catch (error) {
    out.unpipe(res);
    if (res.headersSent) res.destroy(error instanceof Error ? error : new Error(String(error)));
    else for (const name of ['Content-Type', 'Content-Disposition']) res.removeHeader(name);
    throw error;
  } finally {
    res.off('close', onClose);
  }
  csv.end();
  // Resolve once the last chunk is handed to the socket, so a caller that answers after us (a
  // passthrough handler) finds the response complete. A client gone by then is not an error.
  await finished(res).catch(() => undefined);
}

/**
 * Joins the encoder's output (a string per row) into chunks of about 64 KB, or whatever came in
 * 100 ms: a socket write per row would cost more than the rest of the export together.
 */
class Chunks extends Transform {
  private parts: string[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) this.release();
    else this.timer ??= setTimeout(() => this.release(), 100);
    done();
  }

  override _flush(done: TransformCallback): void {
    this.release();
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.stop();
    done(error);
  }

  private release(): void {
    this.stop();
    if (this.size === 0) return;
    this.push(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Pipes the query's rows, mapped to CSV records, into the encoder (which stays open for the next). */
async function cursor(
  m: EntityManager,
  qb: SelectQueryBuilder<ObjectLiteral>,
  csv: Stringifier,
  signal: AbortSignal,
  toRecord: (raw: RawRow) => unknown[],
): Promise<number> {
  const client = await transactionClient(m);
  const [sql, parameters] = qb.getQueryAndParameters();
  const source = client.query(
    new QueryStream(sql, parameters, { batchSize: CURSOR_BATCH, highWaterMark: CURSOR_BATCH }),
  );
  let count = 0;
  const toCsv = new Transform({
    objectMode: true,
    transform(raw: RawRow, _encoding, done) {
      let out: unknown[];
      try {
        out = toRecord(raw);
      } catch (error) {
        done(error as Error);
        return;
      }
      count += 1;
      done(null, out);
    },
  });
  // `end: false`: the encoder (and the download) ends only after the transaction has committed.
  await pipeline(source, toCsv, csv, { end: false, signal });
  return count;
}
