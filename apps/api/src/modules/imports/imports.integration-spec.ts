import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';
import { peopleCsv } from './people-csv.fixture';

const PEOPLE_MAPPING = {
  Nombre: 'displayName',
  Correo: 'email',
  Teléfono: 'phone',
  Idioma: 'preferredLanguage',
  Role: 'role',
  'OK to text': 'okToText',
  'OK to call': 'okToCall',
  Notes: 'note',
};

async function upload(agent: TestAgent, kind: string, csv: string, source?: string) {
  const req = agent.post('/api/imports').field('kind', kind);
  if (source) void req.field('source', source);
  return req.attach('file', Buffer.from(csv), { filename: `${kind}.csv`, contentType: 'text/csv' });
}

async function finished(agent: TestAgent, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 300; i += 1) {
    const res = await agent.get(`/api/imports/${id}`);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

/** Uploads, runs and waits: the whole journey of one file. */
async function importFile(agent: TestAgent, kind: string, csv: string, mapping: Record<string, string | null>, onDuplicate = 'update') {
  const up = await upload(agent, kind, csv);
  expect(up.status).toBe(201);
  const run = await agent.post(`/api/imports/${up.body.id}/run`).send({ mapping, onDuplicate });
  expect(run.status).toBe(202);
  return finished(agent, up.body.id as string);
}

describe('CSV import', () => {
  let t: TestContext;
  let orgA: string;
  let orgB: string;
  let coordA: TestUser;
  let coordB: TestUser;
  let admin: TestUser;
  let a: TestAgent;
  let b: TestAgent;
  let alliance: TestAgent;

  const peopleOf = async (org: string) =>
    Number((await t.sql.query<{ n: string }>('SELECT count(*) AS n FROM person WHERE organization_id = $1', [org])).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.createOrganization();
    orgB = await t.createOrganization();
    coordA = await t.createUser('org_coordinator', orgA);
    coordB = await t.createUser('org_coordinator', orgB);
    admin = await t.createUser('alliance_admin');
    [a, b, alliance] = await Promise.all([t.as(coordA), t.as(coordB), t.as(admin)]);
  });
  afterAll(async () => t.close());

  it('guesses the mapping from Spanish and English headers and shows the first rows', async () => {
    const res = await upload(a, 'people', peopleCsv(7));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'uploaded', rowCount: 7, savedMapping: false });
    expect(res.body.headers).toEqual(Object.keys(PEOPLE_MAPPING));
    expect(res.body.mapping).toEqual(PEOPLE_MAPPING);
    expect(res.body.sample).toHaveLength(5);
    // The file is stored encrypted: its text is nowhere in the database.
    const stored = await t.sql.query<{ c: Buffer }>('SELECT content_ciphertext AS c FROM import_file WHERE import_job_id = $1', [res.body.id]);
    expect(stored.rows[0].c.toString('latin1')).not.toContain('example.org');
  });

  it('reports each failing cell by row and field, and refuses to run the file', async () => {
    const lines = peopleCsv(5, 2).trimEnd().split('\n');
    lines[3] = lines[3].replace(/p2\.2@example\.org/, 'not-an-email');
    lines[5] = lines[5].replace(/,(es|en|pt|ht),/, ',klingon,');
    const up = await upload(a, 'people', lines.join('\n'));
    const preview = await a.post(`/api/imports/${up.body.id}/preview`).send({ mapping: PEOPLE_MAPPING, onDuplicate: 'skip' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rowCount: 5, valid: 3, invalid: 2 });
    expect(preview.body.errors).toEqual([
      { row: 3, field: 'email', reason: 'must be a valid email address' },
      { row: 5, field: 'preferredLanguage', reason: 'must be one of the allowed values', value: 'klingon' },
    ]);
    const es = await a.post(`/api/imports/${up.body.id}/preview`).set('Accept-Language', 'es').send({ mapping: PEOPLE_MAPPING, onDuplicate: 'skip' });
    expect(es.body.errors[0].reason).not.toBe('must be a valid email address');
    const before = await peopleOf(orgA);
    const run = await a.post(`/api/imports/${up.body.id}/run`).send({ mapping: PEOPLE_MAPPING, onDuplicate: 'skip' });
    expect(run.status).toBe(422);
    expect(run.body.message).toContain('3, 5');
    expect(await peopleOf(orgA)).toBe(before);
  });

  it('imports nothing from a large file with one bad row in the middle, and names it', async () => {
    const lines = peopleCsv(12_000, 3).trimEnd().split('\n');
    lines[6001] = lines[6001].replace(/^[^,]*,/, ',');
    const up = await upload(a, 'people', lines.join('\n'));
    const before = await peopleOf(orgA);
    const run = await a.post(`/api/imports/${up.body.id}/run`).send({ mapping: PEOPLE_MAPPING, onDuplicate: 'skip' });
    expect(run.status).toBe(422);
    expect(run.body.message).toContain('6001');
    expect(await peopleOf(orgA)).toBe(before);
  });

  it('imports a file, and the same file again creates no duplicates', async () => {
    const csv = peopleCsv(300, 4);
    const before = await peopleOf(orgA);
    const first = await importFile(a, 'people', csv, PEOPLE_MAPPING, 'skip');
    expect(first).toMatchObject({ status: 'succeeded', rowCount: 300, processed: 300, created: 300, updated: 0, skipped: 0 });
    expect(await peopleOf(orgA)).toBe(before + 300);
    const again = await importFile(a, 'people', csv, PEOPLE_MAPPING, 'skip');
    expect(again).toMatchObject({ status: 'succeeded', created: 0, skipped: 300 });
    const update = await importFile(a, 'people', csv, PEOPLE_MAPPING, 'update');
    expect(update).toMatchObject({ status: 'succeeded', created: 0, updated: 300 });
    expect(await peopleOf(orgA)).toBe(before + 300);
    // The file is gone once imported; the audit has one row per import, without personal data.
    expect((await t.sql.query('SELECT 1 FROM import_file WHERE import_job_id = $1', [first.id])).rowCount).toBe(0);
    const audit = await t.sql.query<{ after: unknown }>(`SELECT after FROM audit_event WHERE action = 'import.people' AND entity_id = $1`, [first.id]);
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0].after)).not.toContain('example.org');
    // Counts by role and language follow (kept per statement now).
    const counted = await t.sql.query<{ n: string }>('SELECT sum(n) AS n FROM person_count WHERE organization_id = $1', [orgA]);
    expect(Number(counted.rows[0].n)).toBe(await peopleOf(orgA));
  });

  it('matches existing people by email or phone hash: update or skip, as chosen', async () => {
    const byEmail = await a.post('/api/people').send({ displayName: 'Old Name', email: 'Match.Me@Example.org', note: 'keep' });
    const byPhone = await a.post('/api/people').send({ displayName: 'Phone Person', phone: '+1 (773) 555-0199' });
    expect(byEmail.status).toBe(201);
    const csv = 'name,email,phone,role\nNew Name,match.me@example.org,,delegate\nPhone Again,,773-555-0199,staff\nSomeone New,new.one@example.org,,\n';
    const mapping = { name: 'displayName', email: 'email', phone: 'phone', role: 'role' };
    const up = await upload(a, 'people', csv);
    const preview = await a.post(`/api/imports/${up.body.id}/preview`).send({ mapping, onDuplicate: 'update' });
    expect(preview.body).toMatchObject({ duplicates: 2, willCreate: 1, willUpdate: 2, willSkip: 0 });
    expect(preview.body.sample[0].duplicateOf).toBe(byEmail.body.id);
    expect(preview.body.sample[1].duplicateOf).toBe(byPhone.body.id);

    const skipped = await importFile(a, 'people', csv, mapping, 'skip');
    expect(skipped).toMatchObject({ created: 1, skipped: 2 });
    expect((await a.get(`/api/people/${byEmail.body.id}`)).body.displayName).toBe('Old Name');
    const updated = await importFile(a, 'people', csv, mapping, 'update');
    expect(updated).toMatchObject({ created: 0, updated: 3 });
    const person = (await a.get(`/api/people/${byEmail.body.id}`)).body;
    expect(person).toMatchObject({ displayName: 'New Name', role: 'delegate', note: 'keep' });
    expect((await a.get(`/api/people/${byPhone.body.id}`)).body.role).toBe('staff');
  });

  it('refuses the same person twice in one file', async () => {
    const csv = 'name,email\nOne,twice@example.org\nTwo,TWICE@example.org\n';
    const up = await upload(a, 'people', csv);
    const preview = await a.post(`/api/imports/${up.body.id}/preview`).send({ mapping: { name: 'displayName', email: 'email' }, onDuplicate: 'update' });
    expect(preview.body.errors).toEqual([{ row: 2, field: 'email', reason: 'is the same as row 1 of this file' }]);
  });

  it('saves the mapping per source and offers it again for the next file of that source', async () => {
    const csv = 'Full,Mail,Whatever\nAna,ana.saved@example.org,x\n';
    const first = await upload(a, 'people', csv, 'Action Network export');
    expect(first.body.mapping).toEqual({ Full: null, Mail: null, Whatever: null });
    const mapping = { Full: 'displayName', Mail: 'email', Whatever: null };
    const preview = await a.post(`/api/imports/${first.body.id}/preview`).send({ mapping, onDuplicate: 'skip', saveMapping: true });
    expect(preview.status).toBe(200);
    const again = await upload(a, 'people', csv, 'action network EXPORT');
    expect(again.body).toMatchObject({ mapping, savedMapping: true });
    const other = await upload(a, 'people', csv, 'Another source');
    expect(other.body.savedMapping).toBe(false);
    const saved = await a.get('/api/import-mappings').query({ filter: JSON.stringify({ kind: 'people' }) });
    expect(saved.body).toEqual([expect.objectContaining({ kind: 'people', source: 'Action Network export', mapping })]);
    // Another organization sees none of it.
    expect((await b.get('/api/import-mappings')).body).toEqual([]);
    expect((await b.delete(`/api/import-mappings/${saved.body[0].id}`)).status).toBe(404);
    expect((await a.delete(`/api/import-mappings/${saved.body[0].id}`)).status).toBe(200);
  });

  it("keeps an organization's imports to itself; the alliance imports no people", async () => {
    const up = await upload(a, 'people', peopleCsv(3, 5));
    expect((await b.get(`/api/imports/${up.body.id}`)).status).toBe(404);
    expect((await b.post(`/api/imports/${up.body.id}/run`).send({ mapping: PEOPLE_MAPPING, onDuplicate: 'skip' })).status).toBe(404);
    expect((await b.post(`/api/imports/${up.body.id}/preview`).send({ mapping: PEOPLE_MAPPING, onDuplicate: 'skip' })).status).toBe(404);
    expect((await b.get('/api/imports')).body.map((j: { id: string }) => j.id)).not.toContain(up.body.id);
    expect((await alliance.get(`/api/imports/${up.body.id}`)).status).toBe(404);
    expect((await upload(alliance, 'people', peopleCsv(3, 6))).status).toBe(403);
    const viewer = await t.as(await t.createUser('org_viewer', orgA));
    expect((await upload(viewer, 'people', peopleCsv(3, 6))).status).toBe(403);
    expect((await upload(a, 'organizations', 'name\nX\n')).status).toBe(403);
    // Row-level security too: without the organization's context the rows are not there.
    const app = await t.sql.query(`SET ROLE unidos_app; SELECT count(*) FROM import_job; RESET ROLE`);
    expect(Number((app as unknown as { rows: { count: string }[] }[])[1].rows[0].count)).toBe(0);
  });

  it('imports organizations, matching by name in any case', async () => {
    const existing = 'Centro Laboral Import Test';
    await t.createOrganization({ name: existing });
    const csv = `Nombre,Tipo,Ciudad,Estado,Idiomas\n${existing.toUpperCase()},faith,Denver,CO,es;en\nNueva Organización Import,worker_center,Austin,TX,es|en\nSin Ciudad,community,,TX,\n`;
    const mapping = { Nombre: 'name', Tipo: 'kind', Ciudad: 'city', Estado: 'state', Idiomas: 'languages' };
    const up = await upload(alliance, 'organizations', csv);
    expect(up.body.mapping).toEqual(mapping);
    const preview = await alliance.post(`/api/imports/${up.body.id}/preview`).send({ mapping, onDuplicate: 'update' });
    expect(preview.body).toMatchObject({ rowCount: 3, invalid: 1, duplicates: 1 });
    expect(preview.body.errors).toEqual([{ row: 3, field: 'city', reason: 'is required' }]);
    const ok = csv.split('\n').slice(0, 3).join('\n');
    const done = await importFile(alliance, 'organizations', ok, mapping, 'update');
    expect(done).toMatchObject({ status: 'succeeded', created: 1, updated: 1 });
    const rows = await t.sql.query<{ name: string; kind: string; region_id: string | null; membership_status: string }>(
      `SELECT name, kind, membership_status FROM organization WHERE lower(name) IN (lower($1), lower('Nueva Organización Import')) ORDER BY name`,
      [existing],
    );
    expect(rows.rows).toEqual([
      { name: existing.toUpperCase(), kind: 'faith', membership_status: 'active' },
      { name: 'Nueva Organización Import', kind: 'worker_center', membership_status: 'active' },
    ]);
    const again = await importFile(alliance, 'organizations', ok, mapping, 'skip');
    expect(again).toMatchObject({ created: 0, skipped: 2 });
  });

  it('imports pledges by campaign and organization name, matching campaign, organization, metric and due date', async () => {
    const campaign = await alliance.post('/api/campaigns').send({ name: 'Import Campaign', status: 'active', goals: [{ metric: 'calls', target: 1000 }] });
    expect(campaign.status).toBe(201);
    const orgName = (await t.sql.query<{ name: string; slug: string }>('SELECT name, slug FROM organization WHERE id = $1', [orgA])).rows[0];
    const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const csv = `campaign,organization,metric,quantity,due on\nImport Campaign,${orgName.name},calls,100,${due}\nimport-campaign,${orgName.slug},doors,5,\n`;
    const mapping = { campaign: 'campaign', organization: 'organization', metric: 'metric', quantity: 'quantity', 'due on': 'dueOn' };
    const up = await upload(alliance, 'pledges', csv);
    const preview = await alliance.post(`/api/imports/${up.body.id}/preview`).send({ mapping, onDuplicate: 'update' });
    expect(preview.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'metric', value: 'doors' })]);
    const ok = csv.split('\n').slice(0, 2).join('\n');
    expect(await importFile(alliance, 'pledges', ok, mapping, 'update')).toMatchObject({ status: 'succeeded', created: 1 });
    const changed = ok.replace(',100,', ',150,');
    expect(await importFile(alliance, 'pledges', changed, mapping, 'update')).toMatchObject({ created: 0, updated: 1 });
    const pledges = await t.sql.query<{ quantity: string }>('SELECT quantity FROM pledge WHERE organization_id = $1 AND campaign_id = $2', [orgA, campaign.body.id]);
    expect(pledges.rows).toEqual([{ quantity: '150.00' }]);
  });
});
