import * as argon2 from 'argon2';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { APP_ROLE, runMigrations } from '@api/database/data-source';
import { startEmbeddedDatabase } from '@api/database/embedded';
import { OWNER_ROLE, ensureRolesAndDatabase, withCredentials } from '@api/database/roles';
import { hashPassword } from '@api/modules/users/users.service';
import type { BenchOptions } from './options';

export interface BenchDatabase {
  /** The app role (what the API connects as; row-level security applies). */
  appUrl: string;
  /** The owner role (migrations, seed, picking ids). */
  ownerUrl: string;
  encryptionKey: string;
  /** How it was found, for the report. */
  source: string;
  stop: () => Promise<void>;
}

export const BENCH_USERS = {
  admin: process.env.BENCH_ADMIN_EMAIL ?? 'admin@scale.unidos.local',
  coordinator: process.env.BENCH_COORDINATOR_EMAIL ?? 'coordinator@scale.unidos.local',
};
export const BENCH_PASSWORD = process.env.BENCH_PASSWORD ?? process.env.UNIDOS_SEED_PASSWORD ?? 'bench-password-not-secret';

/** Same role passwords as the integration-test harness, so both can share one test server. */
const THROWAWAY_OWNER_PASSWORD = 'unidos_owner_test';
const THROWAWAY_APP_PASSWORD = 'unidos_app_test';

export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'unidos-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function keyIn(dataDir: string): string {
  const file = join(dataDir, 'encryption.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * Where the bench runs, in this order:
 *  1. DATABASE_URL (app role) + DATABASE_MIGRATION_URL (owner role) + UNIDOS_ENCRYPTION_KEY: an
 *     existing, usually already seeded, database;
 *  2. BENCH_SUPERUSER_URL: a throwaway database on that server, dropped at the end (npm test);
 *  3. otherwise an embedded PostgreSQL in --data-dir (.data/bench-<scale>), kept between runs.
 */
export async function openDatabase(options: BenchOptions, log: (m: string) => void): Promise<BenchDatabase> {
  const env = process.env;
  if (env.DATABASE_URL) {
    if (!env.UNIDOS_ENCRYPTION_KEY) throw new Error('UNIDOS_ENCRYPTION_KEY is required with DATABASE_URL (the key the data was seeded with)');
    const ownerUrl = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
    return { appUrl: env.DATABASE_URL, ownerUrl, encryptionKey: env.UNIDOS_ENCRYPTION_KEY, source: `DATABASE_URL (${new URL(env.DATABASE_URL).pathname.slice(1)})`, stop: async () => undefined };
  }
  if (env.BENCH_SUPERUSER_URL) {
    const superUrl = env.BENCH_SUPERUSER_URL;
    const name = `unidos_bench_${randomBytes(4).toString('hex')}`;
    await ensureRolesAndDatabase(superUrl, { database: name, ownerPassword: THROWAWAY_OWNER_PASSWORD, appPassword: THROWAWAY_APP_PASSWORD });
    log(`throwaway database ${name}`);
    return {
      appUrl: withCredentials(superUrl, APP_ROLE, THROWAWAY_APP_PASSWORD, name),
      ownerUrl: withCredentials(superUrl, OWNER_ROLE, THROWAWAY_OWNER_PASSWORD, name),
      encryptionKey: randomBytes(32).toString('base64'),
      source: 'throwaway database (BENCH_SUPERUSER_URL)',
      stop: () => withClient(superUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
    };
  }
  const embedded = await startEmbeddedDatabase(options.dataDir, log);
  return {
    appUrl: embedded.appUrl,
    ownerUrl: embedded.migrationUrl,
    encryptionKey: keyIn(options.dataDir),
    source: `embedded PostgreSQL in ${options.dataDir}`,
    stop: embedded.stop,
  };
}

function runSeed(db: BenchDatabase, options: BenchOptions, log: (m: string) => void): Promise<void> {
  const script = resolve(__dirname, '../seed/seed.js');
  if (!existsSync(script)) return Promise.reject(new Error(`the scale seed is not built (${script}); run npm run build`));
  log(`seeding the "${options.scale}" dataset (node ${script} --scale ${options.scale})`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, '--scale', options.scale], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        DATABASE_URL: db.appUrl,
        UNIDOS_ENCRYPTION_KEY: db.encryptionKey,
        UNIDOS_SEED_PASSWORD: BENCH_PASSWORD,
      },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`the seed exited with ${code}`))));
  });
}

/** Migrates, seeds when the bench users are missing, and makes sure they can sign in with BENCH_PASSWORD. */
export async function prepareDatabase(db: BenchDatabase, options: BenchOptions, log: (m: string) => void): Promise<void> {
  const applied = await runMigrations(db.ownerUrl);
  if (applied.length) log(`migrations applied: ${applied.length}`);
  const seeded = await withClient(db.ownerUrl, async (c) => (await c.query('SELECT 1 FROM "user" WHERE email = $1', [BENCH_USERS.admin])).rowCount);
  if (!seeded) await runSeed(db, options, log);
  await withClient(db.ownerUrl, async (c) => {
    for (const email of Object.values(BENCH_USERS)) {
      const { rows } = await c.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM "user" WHERE email = $1', [email]);
      if (!rows[0]) throw new Error(`the bench user ${email} is missing: is this a database seeded with npm run seed -- --scale …?`);
      const ok = await argon2.verify(rows[0].password_hash, BENCH_PASSWORD).catch(() => false);
      // The bench signs in as these users; it never changes anything else about them.
      await c.query(
        `UPDATE "user" SET status = 'active', failed_login_count = 0, locked_until = NULL${ok ? '' : ', password_hash = $2'} WHERE id = $1`,
        ok ? [rows[0].id] : [rows[0].id, await hashPassword(BENCH_PASSWORD)],
      );
    }
  });
}

/**
 * People's emails must decrypt with the key the API is given, or every people page answers 500:
 * say so plainly, before measuring anything.
 */
export async function checkEncryptionKey(db: BenchDatabase, organizationId: string): Promise<void> {
  const crypto = new FieldCrypto(Buffer.from(db.encryptionKey, 'base64'));
  await withClient(db.ownerUrl, async (c) => {
    await c.query('BEGIN');
    try {
      await c.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', 'org_coordinator', true)`, [organizationId]);
      const { rows } = await c.query<{ email_ciphertext: Buffer }>(
        'SELECT email_ciphertext FROM person WHERE organization_id = $1 AND email_ciphertext IS NOT NULL LIMIT 1',
        [organizationId],
      );
      if (rows[0]) {
        try {
          crypto.decrypt(rows[0].email_ciphertext, 'person.email');
        } catch {
          throw new Error('UNIDOS_ENCRYPTION_KEY is not the key this database was seeded with: people\'s emails do not decrypt');
        }
      }
    } finally {
      await c.query('ROLLBACK');
    }
  });
}

/** The ids a realistic session would use, chosen by SQL on the owner connection. */
export interface Picks {
  adminId: string;
  coordinatorId: string;
  largestOrgId: string;
  largestOrgName: string;
  busiestCampaignId: string;
  busiestEventId: string;
  searchTerm: string;
  monthFrom: string;
  monthTo: string;
}

export async function pick(db: BenchDatabase): Promise<Picks> {
  return withClient(db.ownerUrl, async (c) => {
    const one = async <T extends Record<string, unknown>>(what: string, sql: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await c.query<T>(sql, params);
      if (!rows[0]) throw new Error(`the dataset has no ${what}`);
      return rows[0];
    };
    const admin = await one<{ id: string }>('bench admin', 'SELECT id FROM "user" WHERE email = $1', [BENCH_USERS.admin]);
    const coordinator = await one<{ id: string; organization_id: string; name: string }>(
      'bench coordinator',
      'SELECT u.id, u.organization_id, o.name FROM "user" u JOIN organization o ON o.id = u.organization_id WHERE u.email = $1',
      [BENCH_USERS.coordinator],
    );
    const campaign = await one<{ campaign_id: string }>(
      'campaign with pledges',
      `SELECT p.campaign_id FROM pledge p JOIN campaign c ON c.id = p.campaign_id AND c.status <> 'draft'
        GROUP BY p.campaign_id ORDER BY count(*) DESC, p.campaign_id LIMIT 1`,
    );
    const event = await one<{ id: string }>(
      'upcoming published event',
      `SELECT id FROM event WHERE status = 'published' AND ends_at >= now() ORDER BY going_count DESC, id LIMIT 1`,
    );
    // What a person types in the directory's search box: the most common word of member names.
    const term = await one<{ w: string }>(
      'organization names',
      `SELECT w FROM organization, regexp_split_to_table(lower(name), '[^[:alpha:]]+') AS w
        WHERE length(w) >= 4 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`,
    );
    const now = new Date();
    const monthFrom = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const monthTo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1);
    return {
      adminId: admin.id,
      coordinatorId: coordinator.id,
      largestOrgId: coordinator.organization_id,
      largestOrgName: coordinator.name,
      busiestCampaignId: campaign.campaign_id,
      busiestEventId: event.id,
      searchTerm: term.w,
      monthFrom: monthFrom.toISOString(),
      monthTo: monthTo.toISOString(),
    };
  });
}

const EXACT_TABLES = [
  'organization',
  'region',
  'user',
  'campaign',
  'campaign_goal',
  'endorsement',
  'pledge',
  'pledge_report',
  'event',
  'event_host',
  'audit_event',
  'session',
];
/** Row-level security hides these from the owner too; their counts come from the planner's statistics. */
const ESTIMATED_TABLES = ['person', 'rsvp'];

export interface TableCount {
  table: string;
  rows: number;
  estimated: boolean;
}

export async function countRows(db: BenchDatabase): Promise<TableCount[]> {
  return withClient(db.ownerUrl, async (c) => {
    const out: TableCount[] = [];
    for (const table of EXACT_TABLES) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      out.push({ table, rows: Number(rows[0].n), estimated: false });
    }
    for (const table of ESTIMATED_TABLES) {
      const { rows } = await c.query<{ n: string }>(`SELECT GREATEST(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = $1::regclass`, [table]);
      out.push({ table, rows: Number(rows[0]?.n ?? 0), estimated: true });
    }
    const people = await c.query<{ n: string }>('SELECT COALESCE(sum(n), 0) AS n FROM person_count');
    // person_count is kept exact by a trigger: a better figure than the estimate.
    const person = out.find((t) => t.table === 'person');
    if (person) Object.assign(person, { rows: Number(people.rows[0].n), estimated: false });
    return out;
  });
}
