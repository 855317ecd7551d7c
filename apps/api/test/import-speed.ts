/**
 * Measures a people import end to end on the real app in a plain Node process (not jest, whose
 * module sandbox slows csv-parse several times), next to a plain COPY of the same file:
 *
 *   UNIDOS_TEST_SUPERUSER_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r ./apps/api/test/swc-register.cjs apps/api/test/import-speed.ts [rows]
 *
 * Prints one JSON line. `measureImport` is exported for the benchmark.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { peopleCsv } from '@api/modules/imports/people-csv.fixture';
import { startTestApp } from './harness';

const MAPPING = { Nombre: 'displayName', Correo: 'email', Teléfono: 'phone', Idioma: 'preferredLanguage', Role: 'role', 'OK to text': 'okToText', 'OK to call': 'okToCall', Notes: 'note' };

export interface ImportSpeed {
  rows: number;
  bytes: number;
  /** POST /api/imports: upload, parse for the header, sample and count, encrypt and store. */
  uploadMs: number;
  /** POST /:id/preview: the whole file validated and checked for duplicates (what the person sees first). */
  previewMs: number;
  /** POST /:id/run after a clean preview: queued without reading the file again. */
  queueMs: number;
  /** The background job, started → finished (parse, validate, dedupe, encrypt, COPY, INSERT, audit, commit). */
  jobMs: number;
  /** Rows per second of the job (the import proper: validation and de-duplication included, upload excluded). */
  rowsPerSecond: number;
  /** A plain COPY of the same CSV into a table of text columns. */
  plainCopyMs: number;
}

export async function measureImport(rows: number): Promise<ImportSpeed> {
  const t = await startTestApp();
  try {
    const org = await t.createOrganization();
    const agent = await t.as(await t.createUser('org_coordinator', org));
    const csv = peopleCsv(rows, 42);
    let started = Date.now();
    const up = await agent.post('/api/imports').field('kind', 'people').attach('file', Buffer.from(csv), { filename: 'people.csv', contentType: 'text/csv' });
    if (up.status !== 201) throw new Error(`upload: ${up.status}`);
    const uploadMs = Date.now() - started;
    started = Date.now();
    const preview = await agent.post(`/api/imports/${up.body.id}/preview`).send({ mapping: MAPPING, onDuplicate: 'skip' });
    if (preview.status !== 200 || preview.body.invalid !== 0) throw new Error(`preview: ${preview.status}`);
    const previewMs = Date.now() - started;
    started = Date.now();
    const run = await agent.post(`/api/imports/${up.body.id}/run`).send({ mapping: MAPPING, onDuplicate: 'skip' });
    if (run.status !== 202) throw new Error(`run: ${run.status}`);
    const queueMs = Date.now() - started;
    let status = '';
    while (status !== 'succeeded' && status !== 'failed') {
      await new Promise((r) => setTimeout(r, 20));
      status = (await agent.get(`/api/imports/${up.body.id}`)).body.status as string;
    }
    if (status !== 'succeeded') throw new Error('import failed');
    const { rows: [job] } = await t.sql.query<{ ms: string }>(
      `SELECT extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM import_job WHERE id = $1`,
      [up.body.id],
    );
    const jobMs = Math.round(Number(job.ms));

    const client = new Client({ connectionString: t.db.superUrl });
    await client.connect();
    await client.query(`CREATE TABLE plain_copy (name text, email text, phone text, language text, role text, ok_text text, ok_call text, note text)`);
    started = Date.now();
    await pipeline(Readable.from([csv]), client.query(copyFrom(`COPY plain_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const plainCopyMs = Date.now() - started;
    await client.end();
    return { rows, bytes: Buffer.byteLength(csv), uploadMs, previewMs, queueMs, jobMs, rowsPerSecond: Math.round(rows / (jobMs / 1000)), plainCopyMs };
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  measureImport(Number(process.argv[2] ?? 100_000))
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
