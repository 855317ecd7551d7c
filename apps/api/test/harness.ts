import type { INestApplication } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { UserRole } from '@unidos/contracts';
import type { AppConfig } from '@api/config/config';
import { APP_ROLE, runMigrations } from '@api/database/data-source';
import { OWNER_ROLE, ensureRolesAndDatabase, withCredentials } from '@api/database/roles';
import { createLogger } from '@api/common/logging/logger';
import { createApp } from '@api/bootstrap';
import type { RateLimits } from '@api/app.module';

const OWNER_PASSWORD = 'unidos_owner_test';
const APP_PASSWORD = 'unidos_app_test';

function superuserUrl(): string {
  const url = process.env.UNIDOS_TEST_SUPERUSER_URL;
  if (!url) throw new Error('UNIDOS_TEST_SUPERUSER_URL is not set: run the specs through jest (global-setup starts PostgreSQL)');
  return url;
}

async function withSuperuser<T>(work: (client: Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(superuserUrl());
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one spec file: a clone of a template that the first spec of the run
 * migrates (the real migrations, as the owner role), so every file starts from the same schema.
 */
export async function createTestDatabase(): Promise<{ name: string; ownerUrl: string; appUrl: string; superUrl: string }> {
  const run = process.env.UNIDOS_TEST_RUN ?? 'local';
  const template = `unidos_t_${run}_template`;
  const name = `unidos_t_${run}_${randomBytes(4).toString('hex')}`;
  const base = superuserUrl();
  await withSuperuser(async (client) => {
    await client.query('SELECT pg_advisory_lock(7242002)');
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        await ensureRolesAndDatabase(base, { database: template, ownerPassword: OWNER_PASSWORD, appPassword: APP_PASSWORD });
        await runMigrations(withCredentials(base, OWNER_ROLE, OWNER_PASSWORD, template));
      }
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${OWNER_ROLE}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(7242002)');
    }
  });
  const superUrl = new URL(base);
  superUrl.pathname = `/${name}`;
  return {
    name,
    ownerUrl: withCredentials(base, OWNER_ROLE, OWNER_PASSWORD, name),
    appUrl: withCredentials(base, APP_ROLE, APP_PASSWORD, name),
    superUrl: superUrl.toString(),
  };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withSuperuser((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    databaseUrl: null,
    migrationUrl: null,
    dataDir: '/nonexistent',
    adminEmail: null,
    adminPassword: null,
    encryptionKey: randomBytes(32),
    demoData: false,
    secureCookies: false,
    adminDir: null,
    logLevel: 'silent',
    trustProxy: 0,
    // Off by default so specs can sign in as an admin without an authenticator; the TOTP specs turn it on.
    requireAdminTotp: false,
    ...overrides,
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  organizationId: string | null;
}

export interface TestContext {
  app: INestApplication;
  config: AppConfig;
  db: { name: string; ownerUrl: string; appUrl: string; superUrl: string };
  /** A superuser connection to this spec's database, for arranging data and checking what is stored. */
  sql: Client;
  /** An unauthenticated client. */
  http: () => TestAgent;
  /** A client that keeps cookies, signed in as the user (with a TOTP code when theirs is on). */
  as: (user: TestUser, totp?: string) => Promise<TestAgent>;
  createUser: (role: UserRole, organizationId?: string | null, status?: 'active' | 'disabled') => Promise<TestUser>;
  createOrganization: (fields?: Partial<{ name: string; state: string; membershipStatus: string; kind: string }>) => Promise<string>;
  close: () => Promise<void>;
}

const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

/** Boots the real Nest app on a fresh database. One per spec file (beforeAll / afterAll). */
export async function startTestApp(
  options: { config?: Partial<AppConfig>; limits?: Partial<RateLimits> } = {},
): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(options.config);
  const app = await createApp(config, {
    databaseUrl: db.appUrl,
    limits: { login: 1000, publicForms: 1000, ...options.limits },
    logger: createLogger(process.env.UNIDOS_TEST_LOG ?? 'silent'),
  });
  const sql = new Client({ connectionString: db.superUrl });
  await sql.connect();
  const server = app.getHttpServer();

  const ctx: TestContext = {
    app,
    config,
    db,
    sql,
    http: () => request.agent(server),
    as: async (user, totp) => {
      const agent = request.agent(server);
      const res = await agent
        .post('/api/auth/login')
        .send({ email: user.email, password: user.password, ...(totp === undefined ? {} : { totp }) });
      if (res.status !== 200) throw new Error(`login as ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    createUser: async (role, organizationId = null, status = 'active') => {
      passwordHash ??= argon2.hash(PASSWORD, { type: argon2.argon2id });
      const email = `${role}.${randomUUID().slice(0, 8)}@test.unidos.local`;
      const { rows } = await sql.query<{ id: string }>(
        `INSERT INTO "user" (email, display_name, password_hash, role, organization_id, status)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [email, `Test ${role}`, await passwordHash, role, organizationId, status],
      );
      return { id: rows[0].id, email, password: PASSWORD, role, organizationId };
    },
    createOrganization: async (fields = {}) => {
      const name = fields.name ?? `Test Org ${randomUUID().slice(0, 8)}`;
      const { rows } = await sql.query<{ id: string }>(
        `INSERT INTO organization (name, slug, kind, city, state, membership_status, applied_at, focus_areas, languages)
         VALUES ($1, $2, $3, 'Chicago', $4, $5, now(), '{labor}', '{es,en}') RETURNING id`,
        [name, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), fields.kind ?? 'worker_center', fields.state ?? 'IL', fields.membershipStatus ?? 'active'],
      );
      return rows[0].id;
    },
    close: async () => {
      await sql.end();
      await app.close();
      await dropTestDatabase(db.name);
    },
  };
  return ctx;
}
