import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { ApiProcess } from './api-process';
import { withClient } from './database';
import { type ImportResult, TARGETS } from './report';

/** Marks the rows the bench imports, so they can be removed again and the dataset stays as seeded. */
export const IMPORT_NOTE = 'unidos-bench-import';

const FIRST = ['Ana', 'Luis', 'María', 'José', 'Rosa', 'Carlos', 'Lucía', 'Jorge', 'Elena', 'Miguel', 'Sofía', 'Pedro', 'Nguyen', 'Fatima', 'Jean', 'Li'];
const LAST = ['García', 'Hernández', 'López', 'Martínez', 'Pérez', 'Ramírez', 'Cruz', 'Flores', 'Morales', 'Ortiz', 'Tran', 'Joseph', 'Chen'];
const LANGS = ['es', 'es', 'es', 'en', 'en', 'ht', 'vi', 'pt'];
const ROLES = ['member', 'member', 'member', 'member', 'delegate', 'staff', 'spokesperson'];

/** A deterministic people file of `rows` rows: same input, same bytes; every email and phone distinct. */
export function peopleCsv(rows: number, tag: string): string {
  const lines = ['displayName,email,phone,preferredLanguage,role,note'];
  for (let i = 0; i < rows; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
    const email = `person${i}.${tag}@bench.unidos.local`;
    const phone = `+1555${String(i).padStart(7, '0')}`;
    lines.push(`${name},${email},${phone},${LANGS[i % LANGS.length]},${ROLES[i % ROLES.length]},${IMPORT_NOTE}`);
  }
  return `${lines.join('\n')}\n`;
}

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

/** Removes what an earlier (or this) bench import added, as the owner under the organization's context. */
export async function removeImported(ownerUrl: string, organizationId: string): Promise<number> {
  return withClient(ownerUrl, async (c) => {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', 'org_coordinator', true)`, [organizationId]);
    const { rowCount } = await c.query('DELETE FROM person WHERE organization_id = $1 AND note = $2', [organizationId, IMPORT_NOTE]);
    await c.query('COMMIT');
    return rowCount ?? 0;
  });
}

/** A plain COPY of the same file into a temporary table: the physical floor for loading it. */
async function copySeconds(appUrl: string, csv: string): Promise<number> {
  return withClient(appUrl, async (c) => {
    await c.query('CREATE TEMP TABLE bench_copy (display_name text, email text, phone text, preferred_language text, role text, note text)');
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
  db: { appUrl: string; ownerUrl: string },
  organizationId: string,
  rows: number,
  log: (m: string) => void,
): Promise<ImportResult> {
  const probe = await call(api, cookie, 'GET', '/api/imports/fields?kind=people');
  if (probe.status === 404) return { rows, targets: [], skipped: 'the API has no /api/imports yet' };
  if (probe.status !== 200) throw new Error(`GET /api/imports/fields answered ${probe.status}`);
  const removed = await removeImported(db.ownerUrl, organizationId);
  if (removed) log(`removed ${removed} people left by an earlier bench import`);

  const csv = peopleCsv(rows, 'b');
  const mapping = { displayName: 'displayName', email: 'email', phone: 'phone', preferredLanguage: 'preferredLanguage', role: 'role', note: 'note' };
  const started = process.hrtime.bigint();
  const form = new FormData();
  form.append('kind', 'people');
  form.append('source', 'unidos bench');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
  const upload = await call(api, cookie, 'POST', '/api/imports', form);
  if (upload.status !== 201) throw new Error(`the upload answered ${upload.status}: ${JSON.stringify(upload.json).slice(0, 300)}`);
  const id = String(upload.json.id);
  const uploadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const previewStarted = process.hrtime.bigint();
  const preview = await call(api, cookie, 'POST', `/api/imports/${id}/preview`, { mapping, onDuplicate: 'update' });
  if (preview.status !== 200 && preview.status !== 201) throw new Error(`the preview answered ${preview.status}: ${JSON.stringify(preview.json).slice(0, 300)}`);
  if (Number(preview.json.invalid) > 0) throw new Error(`the bench file has invalid rows: ${JSON.stringify(preview.json.errors).slice(0, 300)}`);
  const previewSeconds = Number(process.hrtime.bigint() - previewStarted) / 1e9;

  const runStarted = process.hrtime.bigint();
  const run = await call(api, cookie, 'POST', `/api/imports/${id}/run`, { mapping, onDuplicate: 'update' });
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
  if (Number(job.created) + Number(job.updated) !== rows) throw new Error(`the import wrote ${String(job.created)} + ${String(job.updated)} rows of ${rows}`);

  const importSeconds = uploadSeconds + runSeconds;
  const copy = await copySeconds(db.appUrl, csv);
  await removeImported(db.ownerUrl, organizationId);
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
