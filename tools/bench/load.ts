import autocannon from 'autocannon';
import { Client } from 'pg';
import type { Transaction } from './capture';

/** Throughput and latency of one side (API or direct SQL) of one scenario. */
export interface LoadFigures {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** API only: answers that were not 2xx. */
  non2xx?: number;
  /** No request finished within the run: the latencies are only a floor (the run's length). */
  incomplete?: boolean;
}

/**
 * Waits until the API has no statement running (requests autocannon gave up on at the end of a
 * run still run to their end), so the next measurement does not share the machine with them.
 */
export async function waitIdle(appUrl: string, timeoutMs = 120_000): Promise<void> {
  const client = new Client({ connectionString: appUrl, application_name: 'unidos-bench' });
  await client.connect();
  try {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'unidos-api' AND state NOT IN ('idle')`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.end();
  }
}

/** The q-th quantile (0..1) of latencies in ms, nearest-rank, to 0.01 ms. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[rank] * 100) / 100;
}

function figures(latencies: number[], seconds: number, errors: number, non2xx?: number): LoadFigures {
  if (latencies.length === 0) {
    // Nothing answered within the run: every latency is at least the run's length.
    const floor = Math.round(seconds * 1000);
    return { requests: 0, seconds: Math.round(seconds * 100) / 100, rps: 0, p50: floor, p95: floor, p99: floor, max: floor, errors, incomplete: true, ...(non2xx === undefined ? {} : { non2xx }) };
  }
  const sorted = Float64Array.from(latencies).sort();
  const list = Array.from(sorted);
  return {
    requests: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    p50: quantile(list, 0.5),
    p95: quantile(list, 0.95),
    p99: quantile(list, 0.99),
    max: quantile(list, 1),
    errors,
    ...(non2xx === undefined ? {} : { non2xx }),
  };
}

export interface HttpLoad {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
}

/**
 * Drives the API with autocannon. Latencies are taken from every response (autocannon's own
 * percentiles have no p95), so both sides use the same nearest-rank quantiles.
 */
export async function loadHttp(load: HttpLoad): Promise<LoadFigures> {
  const latencies: number[] = [];
  let non2xx = 0;
  const started = process.hrtime.bigint();
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: load.url,
        method: load.method,
        headers: load.headers,
        body: load.body,
        connections: load.connections,
        duration: load.duration,
        timeout: 30,
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) non2xx++;
  });
  const result = await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return figures(latencies, Math.min(seconds, result.duration || seconds), result.errors + result.timeouts, non2xx);
}

/** What running a scenario's SQL once answered: one list of rows per statement, in order. */
export type StatementRows = { sql: string; rows: Record<string, unknown>[] }[];

/** Runs the captured transactions of a scenario once on `client`, as the API ran them. */
export async function replay(client: Client, transactions: Transaction[]): Promise<StatementRows> {
  const out: StatementRows = [];
  for (const tx of transactions) {
    for (const s of tx.statements) {
      const result = await client.query(s.sql, s.params);
      out.push({ sql: s.sql, rows: result.rows as Record<string, unknown>[] });
    }
  }
  return out;
}

/**
 * The same SQL straight through `pg`: `connections` clients, each looping over the scenario's
 * transactions (BEGIN, the same set_config of app.org_id/user_id/role, the same statements with
 * the same parameters, COMMIT) for `duration` seconds. One iteration = one API request's SQL.
 */
export async function loadSql(url: string, transactions: Transaction[], connections: number, duration: number): Promise<LoadFigures> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      // The session settings the API's pool uses (apps/api/src/app.module.ts), so the SQL costs the same.
      const c = new Client({ connectionString: url, application_name: 'unidos-bench', options: '-c jit=off' });
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(duration * 1e9));
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (process.hrtime.bigint() < deadline) {
          const t0 = process.hrtime.bigint();
          try {
            await replay(client, transactions);
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } catch {
            errors++;
            await client.query('ROLLBACK').catch(() => undefined);
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return figures(latencies, seconds, errors);
}
