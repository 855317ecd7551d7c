import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTestApp, type TestContext } from '../../../test/harness';
import { peopleCsv } from './people-csv.fixture';

const ROOT = join(__dirname, '../../../../..');
const ROWS = 50_000;
const MAPPING = { Nombre: 'displayName', Correo: 'email', Teléfono: 'phone', Idioma: 'preferredLanguage', Role: 'role', 'OK to text': 'okToText', 'OK to call': 'okToCall', Notes: 'note' };

/** A real API process (its own Node, its own connections) that runs queued imports. */
function apiProcess(t: TestContext): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.db.appUrl, UNIDOS_ENCRYPTION_KEY: t.config.encryptionKey.toString('base64') };
  delete env.UNIDOS_IMPORT_WORKER;
  return spawn(process.execPath, ['-r', './apps/api/test/swc-register.cjs', 'apps/api/test/import-child.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('an import killed half-way', () => {
  let t: TestContext;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // This process only queues: the import runs in the child processes.
    process.env.UNIDOS_IMPORT_WORKER = '0';
    try {
      t = await startTestApp();
    } finally {
      delete process.env.UNIDOS_IMPORT_WORKER;
    }
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await t.close();
  });

  it('leaves no row behind, and the retry imports exactly the file', async () => {
    const org = await t.createOrganization();
    const agent = await t.as(await t.createUser('org_coordinator', org));
    const up = await agent.post('/api/imports').field('kind', 'people').attach('file', Buffer.from(peopleCsv(ROWS, 11)), { filename: 'big.csv', contentType: 'text/csv' });
    expect(up.status).toBe(201);
    expect((await agent.post(`/api/imports/${up.body.id}/run`).send({ mapping: MAPPING, onDuplicate: 'skip' })).status).toBe(202);
    const job = async () =>
      (await t.sql.query<{ status: string; processed: number }>('SELECT status, processed FROM import_job WHERE id = $1', [up.body.id])).rows[0];
    const people = async () => Number((await t.sql.query<{ n: string }>('SELECT count(*) AS n FROM person WHERE organization_id = $1', [org])).rows[0].n);

    const first = apiProcess(t);
    children.push(first);
    const seen = await until('the import to be half-way', async () => {
      const j = await job();
      if (j.status === 'succeeded') throw new Error('the import finished before it could be killed');
      return j.status === 'running' && j.processed >= ROWS / 2 ? j : null;
    }, 240_000);
    first.kill('SIGKILL');
    await exited(first);

    expect(seen.processed).toBeLessThanOrEqual(ROWS);
    expect(await people()).toBe(0);
    expect((await job()).status).toBe('running');
    expect((await t.sql.query('SELECT 1 FROM import_file WHERE import_job_id = $1', [up.body.id])).rowCount).toBe(1);

    // A new process finds the dead job (its lock is free), pg-boss retries it, and it runs whole.
    const second = apiProcess(t);
    children.push(second);
    const done = await until('the retried import', async () => {
      const j = await job();
      return j.status === 'succeeded' || j.status === 'failed' ? j : null;
    }, 240_000);
    expect(done.status).toBe('succeeded');
    expect(await people()).toBe(ROWS);
    const row = (await t.sql.query<{ created: number; attempts: number }>('SELECT created, attempts FROM import_job WHERE id = $1', [up.body.id])).rows[0];
    expect(row).toEqual({ created: ROWS, attempts: 2 });
    expect((await t.sql.query('SELECT 1 FROM import_file WHERE import_job_id = $1', [up.body.id])).rowCount).toBe(0);
  }, 600_000);
});
