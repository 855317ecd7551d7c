import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { peopleCsv } from '@api/modules/imports/people-csv.fixture';
import type { ApiProcess } from './api-process';
import { withClient } from './database';
import { type ImportResult, TARGETS } from './report';

/** The import helper's deterministic people file; this seed gives emails no seeded person has. */
const FILE_SEED = 7919;
const fileEmail = (i: number) => `p${FILE_SEED}.${i}@example.org`;

async function call(api: ApiProcess, cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}

/**
 * Removes the people the bench file creates (found by their emails' keyed hashes), as the owner
 * under the organization's context, so the dataset stays as seeded between runs.
 */
export async function removeImported(ownerUrl: string, encryptionKey: string, organizationId: string, rows: number): Promise<number> {
  const crypto = new FieldCrypto(Buffer.from(encryptionKey, 'base64'));
  const hashes = Array.from({ length: rows }, (_, i) => crypto.lookupHash('email', fileEmail(i)));
  return withClient(ownerUrl, async (c) => {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', 'org_coordinator', true)`, [organizationId]);
    const { rowCount } = await c.query('DELETE FROM person WHERE organization_id = $1 AND email_hash = ANY($2::bytea[])', [organizationId, hashes]);
    await c.query('COMMIT');
    return rowCount ?? 0;
  });
}

/** A plain COPY of the same file into a temporary table: the physical floor for loading it. */
async function copySeconds(appUrl: string, csv: string): Promise<number> {
  return withClient(appUrl, async (c) => {
    await c.query('CREATE TEMP TABLE bench_copy (name text, email text, phone text, language text, role text, ok_to_text text, ok_to_call text, note text)');
    const started = process.hrtime.bigint();
    await pipeline(Readable.from([Buffer.from(csv)]), c.query(copyFrom('COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)')));
    return Number(process.hrtime.bigint() - started) / 1e9;
  });
}

/**
 * The CSV import of a people file through the API as the coordinator (upload, then the background
 * job that validates, de-duplicates and writes all or nothing), timed from upload to "succeeded";
 * the preview (a person reads it before running) is timed apart. Skipped with a note when the
 * import module is not there.
 */
export async function benchImport(
  api: ApiProcess,
  cookie: string,
  db: { appUrl: string; ownerUrl: string; encryptionKey: string },
  organizationId: string,
  rows: number,
  log: (m: string) => void,
): Promise<ImportResult> {
  const probe = await call(api, cookie, 'GET', '/api/imports/fields?kind=people');
  if (probe.status === 404) return { rows, targets: [], skipped: 'the API has no /api/imports yet' };
  if (probe.status !== 200) throw new Error(`GET /api/imports/fields answered ${probe.status}`);
  const removed = await removeImported(db.ownerUrl, db.encryptionKey, organizationId, rows);
  if (removed) log(`removed ${removed} people left by an earlier bench import`);

  const csv = peopleCsv(rows, FILE_SEED);
  const started = process.hrtime.bigint();
  const form = new FormData();
  form.append('kind', 'people');
  form.append('source', 'unidos bench');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
  const upload = await call(api, cookie, 'POST', '/api/imports', form);
  if (upload.status !== 201) throw new Error(`the upload answered ${upload.status}: ${JSON.stringify(upload.json).slice(0, 300)}`);
  const id = String(upload.json.id);
  // The mapping the API guessed from the (Spanish and English) headers, as a person would accept it.
  const mapping = upload.json.mapping;
  const uploadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const previewStarted = process.hrtime.bigint();
  const preview = await call(api, cookie, 'POST', `/api/imports/${id}/preview`, { mapping, onDuplicate: 'skip' });
  if (preview.status !== 200 && preview.status !== 201) throw new Error(`the preview answered ${preview.status}: ${JSON.stringify(preview.json).slice(0, 300)}`);
  if (Number(preview.json.invalid) > 0) throw new Error(`the bench file has invalid rows: ${JSON.stringify(preview.json.errors).slice(0, 300)}`);
  const previewSeconds = Number(process.hrtime.bigint() - previewStarted) / 1e9;

  const runStarted = process.hrtime.bigint();
  const run = await call(api, cookie, 'POST', `/api/imports/${id}/run`, { mapping, onDuplicate: 'skip' });
  if (run.status !== 202) throw new Error(`running the import answered ${run.status}: ${JSON.stringify(run.json).slice(0, 300)}`);
  let status = 'queued';
  let job: Record<string, unknown> = {};
  const deadline = Date.now() + 600_000;
  while (status !== 'succeeded' && status !== 'failed' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await call(api, cookie, 'GET', `/api/imports/${id}`)).json;
    status = String(job.status);
  }
  const runSeconds = Number(process.hrtime.bigint() - runStarted) / 1e9;
  if (status !== 'succeeded') throw new Error(`the import ended ${status}: ${String(job.error ?? '')}`);
  if (Number(job.created) !== rows) throw new Error(`the import created ${String(job.created)} people of ${rows} (skipped ${String(job.skipped)})`);

  const importSeconds = uploadSeconds + runSeconds;
  const copy = await copySeconds(db.appUrl, csv);
  await removeImported(db.ownerUrl, db.encryptionKey, organizationId, rows);
  const rps = Math.round(rows / importSeconds);
  log(`import: upload ${uploadSeconds.toFixed(2)} s, preview ${previewSeconds.toFixed(2)} s, run ${runSeconds.toFixed(2)} s; COPY ${copy.toFixed(2)} s`);
  return {
    rows,
    importSeconds: Math.round(importSeconds * 100) / 100,
    importRowsPerSecond: rps,
    previewSeconds: Math.round(previewSeconds * 100) / 100,
    copySeconds: Math.round(copy * 100) / 100,
    copyRowsPerSecond: Math.round(rows / copy),
    targets: [{ target: `≥ ${TARGETS.importRowsPerSecond.toLocaleString('en-US')} rows/s`, value: rps, unit: 'rows/s', pass: rps >= TARGETS.importRowsPerSecond }],
  };
}
