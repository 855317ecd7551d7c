// Starts the built Unidos (npm run build) on a free port with a fresh embedded PostgreSQL and the
// demo coalition, as `npm start` would, and waits until it answers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../../..');

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export default async function globalSetup() {
  const main = join(root, 'dist/apps/api/apps/api/src/main.js');
  if (!existsSync(main) || !existsSync(join(root, 'dist/apps/admin/index.html'))) {
    throw new Error('Build first: npm run build (the journeys drive the built app)');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'unidos-e2e-'));
  const outDir = join(root, 'test-output/e2e');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(outDir, { recursive: true });
  const log = openSync(join(outDir, 'server.log'), 'w');
  const env = {
    ...process.env,
    PORT: String(port),
    UNIDOS_DATA_DIR: dataDir,
    UNIDOS_ADMIN_EMAIL: 'admin@e2e.unidos.local',
    UNIDOS_ADMIN_PASSWORD: 'e2e admin password 2026',
    UNIDOS_DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_MIGRATION_URL;
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', log, log], detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Unidos exited (${child.exitCode}); see test-output/e2e/server.log`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('Unidos did not start within 60 s; see test-output/e2e/server.log');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_ADMIN_EMAIL = env.UNIDOS_ADMIN_EMAIL;
  process.env.E2E_ADMIN_PASSWORD = env.UNIDOS_ADMIN_PASSWORD;
  process.env.E2E_OUTPUT = outDir;
  globalThis.__UNIDOS_E2E__ = { child, dataDir };
}
