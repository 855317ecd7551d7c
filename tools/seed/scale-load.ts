import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { runMigrations } from '@api/database/data-source';
import { hashPassword } from '@api/modules/users/users.service';
import { DERIVE_STEPS } from './derive';
import { type ScaleName, buildPlan } from './scale-plan';
import { type TableLoad, tableLoads } from './scale-rows';

/** What the loader tells whoever shows progress (a bar on a terminal, lines in CI, nothing in specs). */
export interface Progress {
  start(label: string, total: number): void;
  tick(rows: number): void;
  done(): void;
}

export interface ScaleSeedOptions {
  /** The owner role's connection: it may disable triggers and drop and recreate indexes. */
  migrationUrl: string;
  encryptionKey: Buffer;
  scale: ScaleName;
  seed: number;
  /** YYYY-MM-DD (UTC): every date is relative to it. */
  today: string;
  reset: boolean;
  password: string;
  progress?: Progress;
  /** Drop the big tables' indexes and keys during COPY and rebuild them after (faster at scale). */
  deferIndexes?: boolean;
}

export interface ScaleSeedResult {
  rows: Record<string, number>;
  /** Milliseconds per phase, in order (tables, "indexes", derive steps, "vacuum"). */
  timings: [string, number][];
}

export class SeedRefusedError extends Error {}

/** Tables whose keys and indexes are rebuilt after the load rather than maintained row by row. */
const DEFERRED_INDEX_TABLES = ['person', 'endorsement', 'event', 'event_host', 'pledge', 'pledge_report', 'rsvp'];
/** Tables a reset keeps: the migrations' bookkeeping, the append-only audit trail, rate limits. */
const KEPT_ON_RESET = ['typeorm_migration', 'audit_event', 'rate_limit_bucket'];

/**
 * Fills the database with the scale dataset in one transaction: COPY with the tables' own
 * triggers off, then every trigger-maintained value recomputed set-based (derive.ts). A failure
 * anywhere leaves the database as it was.
 */
export async function seedScale(options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  await runMigrations(options.migrationUrl);
  const client = new Client({ connectionString: options.migrationUrl });
  await client.connect();
  const timings: [string, number][] = [];
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    timings.push([label, Date.now() - t0]);
    return result;
  };
  try {
    const [{ n }] = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM organization')).rows;
    if (n > 0 && !options.reset) {
      throw new SeedRefusedError(
        `The database already holds ${n} organizations. Run with --reset to empty it first (people, campaigns, events, users...; the audit trail is kept).`,
      );
    }
    const plan = buildPlan(options.scale, options.seed, options.today);
    const loads = tableLoads(plan, new FieldCrypto(options.encryptionKey), await hashPassword(options.password));
    const rows: Record<string, number> = {};

    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await client.query('SET LOCAL synchronous_commit = off');
    if (options.reset) await timed('reset', () => emptyDataTables(client));
    const tables = [...loads.map((l) => l.table), 'person_count'];
    const forced = await relaxTables(client, tables);
    const deferred = options.deferIndexes === false ? null : await dropKeysAndIndexes(client, DEFERRED_INDEX_TABLES);
    for (const load of loads) rows[load.table] = await timed(load.table, () => copyTable(client, load, options.progress));
    // Derived values first, while the big tables have no index to update: the set-based UPDATEs
    // run as hash joins and rewrite rows without touching an index. Statistics of rows loaded in
    // this same transaction misjudge how many pledges have reports, and the planner then picked a
    // nested loop that scanned all pledges once per pledge (hours at national scale): no nested
    // loops here, and room in memory for the hashes.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query('SET LOCAL enable_nestloop = off');
    await timed('analyze', () => client.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(', ')}`));
    for (const step of DERIVE_STEPS) await timed(`derive ${step.name}`, () => client.query(step.sql));
    await client.query('SET LOCAL enable_nestloop = on');
    if (deferred) await timed('indexes and keys', () => recreate(client, deferred, options.progress));
    await restoreTables(client, tables, forced);
    await client.query(
      `INSERT INTO audit_event (action, entity_type, after) VALUES ('system.seed_scale', 'system', $1)`,
      [JSON.stringify({ scale: options.scale, seed: options.seed, today: options.today, rows })],
    );
    await client.query('COMMIT');
    // Statistics for the planner, and visibility maps for index-only scans.
    await timed('vacuum analyze', () => vacuumAnalyze(client));
    return { rows, timings };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Every table of the schema the owner has: the loaded ones and those derived from them. */
async function vacuumAnalyze(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user ORDER BY 1`,
  );
  await client.query(`VACUUM (ANALYZE) ${rows.map((r) => r.name).join(', ')}`);
}

/** Empties every data table (not the audit trail), with their triggers off for the moment. */
async function emptyDataTables(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY 1`,
    [KEPT_ON_RESET],
  );
  const names = rows.map((r) => r.name);
  for (const t of names) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  await client.query(`TRUNCATE ${names.join(', ')}`);
  for (const t of names) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
}

/**
 * Turns off the tables' own triggers (counts, append-only guards) and forced row-level security
 * (COPY refuses a table whose policies apply to the owner). Returns the tables that were forced.
 */
async function relaxTables(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1) AND relforcerowsecurity`,
    [tables],
  );
  for (const t of tables) await client.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
  for (const { name } of rows) await client.query(`ALTER TABLE "${name}" NO FORCE ROW LEVEL SECURITY`);
  return rows.map((r) => r.name);
}

async function restoreTables(client: Client, tables: string[], forced: string[]): Promise<void> {
  for (const t of tables) await client.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
  for (const t of forced) await client.query(`ALTER TABLE "${t}" FORCE ROW LEVEL SECURITY`);
}

interface Deferred {
  /** Primary keys and unique constraints, then foreign keys: [table, name, definition]. */
  keys: [string, string, string][];
  foreignKeys: [string, string, string][];
  indexes: [string, string][];
}

/**
 * Drops the big tables' keys, foreign keys (theirs and those pointing at them) and indexes, to
 * rebuild each in one pass after the load. Definitions come from the catalog, so indexes that
 * later migrations add are rebuilt too.
 */
async function dropKeysAndIndexes(client: Client, tables: string[]): Promise<Deferred> {
  const ids = `ARRAY(SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1))`;
  const constraints = await client.query<{ tbl: string; name: string; def: string; contype: string }>(
    `SELECT conrelid::regclass::text AS tbl, format('%I', conname) AS name, pg_get_constraintdef(oid) AS def, contype
       FROM pg_constraint
      WHERE (contype IN ('p', 'u') AND conrelid = ANY(${ids}))
         OR (contype = 'f' AND (conrelid = ANY(${ids}) OR confrelid = ANY(${ids})))
      ORDER BY contype, 1, 2`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY(${ids})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY 1`,
    [tables],
  );
  const deferred: Deferred = {
    keys: constraints.rows.filter((c) => c.contype !== 'f').map((c) => [c.tbl, c.name, c.def]),
    foreignKeys: constraints.rows.filter((c) => c.contype === 'f').map((c) => [c.tbl, c.name, c.def]),
    indexes: indexes.rows.map((i) => [i.name, i.def]),
  };
  for (const [tbl, name] of deferred.foreignKeys) await client.query(`ALTER TABLE ${tbl} DROP CONSTRAINT ${name}`);
  for (const [tbl, name] of deferred.keys) await client.query(`ALTER TABLE ${tbl} DROP CONSTRAINT ${name}`);
  for (const [name] of deferred.indexes) await client.query(`DROP INDEX ${name}`);
  return deferred;
}

async function recreate(client: Client, deferred: Deferred, progress?: Progress): Promise<void> {
  const total = deferred.keys.length + deferred.indexes.length + deferred.foreignKeys.length;
  progress?.start('indexes and keys', total);
  for (const [tbl, name, def] of deferred.keys) {
    await client.query(`ALTER TABLE ${tbl} ADD CONSTRAINT ${name} ${def}`);
    progress?.tick(1);
  }
  for (const [, def] of deferred.indexes) {
    await client.query(def);
    progress?.tick(1);
  }
  // Adding a foreign key checks every row in one join: far cheaper than a check per copied row.
  for (const [tbl, name, def] of deferred.foreignKeys) {
    await client.query(`ALTER TABLE ${tbl} ADD CONSTRAINT ${name} ${def}`);
    progress?.tick(1);
  }
  progress?.done();
}

const CHUNK = 256 * 1024;

/** Joins generated lines into chunks of about 256 kB, counting rows as they go. */
function* chunks(lines: Iterable<string>, counted: (rows: number) => void): Generator<Buffer> {
  let buffer = '';
  let rows = 0;
  for (const l of lines) {
    buffer += l;
    rows++;
    if (buffer.length >= CHUNK) {
      yield Buffer.from(buffer);
      counted(rows);
      buffer = '';
      rows = 0;
    }
  }
  if (buffer) yield Buffer.from(buffer);
  counted(rows);
}

/** COPY one table from its generator (rows made as COPY consumes them: memory stays flat). */
async function copyTable(client: Client, load: TableLoad, progress?: Progress): Promise<number> {
  progress?.start(load.table, load.rows);
  let generated = 0;
  const sink = client.query(copyFrom(`COPY "${load.table}" (${load.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(
    Readable.from(
      chunks(load.generate(), (n) => {
        generated += n;
        progress?.tick(n);
      }),
    ),
    sink,
  );
  progress?.done();
  if (generated !== load.rows || sink.rowCount !== load.rows) {
    throw new Error(`${load.table}: expected ${load.rows} rows, generated ${generated}, copied ${sink.rowCount}`);
  }
  return load.rows;
}
