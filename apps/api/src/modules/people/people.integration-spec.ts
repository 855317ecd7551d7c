import { generateSync } from 'otplib';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const codeFor = (secret: string, steps = 0): string => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('people: organization-private contacts', () => {
  let t: TestContext;
  let orgA: string;
  let orgB: string;
  let coordA: TestUser;
  let viewerA: TestUser;
  let coordB: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.createOrganization({ name: 'People Org A' });
    orgB = await t.createOrganization({ name: 'People Org B' });
    coordA = await t.createUser('org_coordinator', orgA);
    viewerA = await t.createUser('org_viewer', orgA);
    coordB = await t.createUser('org_coordinator', orgB);
    admin = await t.createUser('alliance_admin');
  });
  afterAll(() => t.close());

  const person = (displayName: string, extra: Record<string, unknown> = {}) => ({
    displayName,
    preferredLanguage: 'es',
    email: `${displayName.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    phone: '+1 312 555 0100',
    role: 'member',
    okToText: true,
    signalOnly: true,
    note: 'Prefers evening calls',
    ...extra,
  });

  it('lets a coordinator add, find, change and erase their own people', async () => {
    const a = await t.as(coordA);
    const created = await a.post('/api/people').send(person('Lucía Flores', { email: 'lucia.flores@example.org' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ organizationId: orgA, email: 'lucia.flores@example.org', phone: '+1 312 555 0100', visibility: 'organization' });

    const found = await a.get('/api/people').query({ filter: JSON.stringify({ q: 'lucía' }) });
    expect(found.body.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    const byEmail = await a.get('/api/people').query({ filter: JSON.stringify({ email: 'LUCIA.FLORES@example.org ' }) });
    expect(byEmail.body.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    const byPhone = await a.get('/api/people').query({ filter: JSON.stringify({ phone: '(312) 555-0100' }) });
    expect(byPhone.body.map((p: { id: string }) => p.id)).toContain(created.body.id);

    const updated = await a.put(`/api/people/${created.body.id}`).send({ version: created.body.version, role: 'delegate', phone: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ role: 'delegate', phone: null, version: created.body.version + 1 });

    expect((await a.get(`/api/people/${created.body.id}`)).body.displayName).toBe('Lucía Flores');
    const views = await t.sql.query(`SELECT actor_user_id, changed_fields, before, after FROM audit_event WHERE action = 'person.view' AND entity_id = $1`, [created.body.id]);
    expect(views.rows).toEqual([{ actor_user_id: coordA.id, changed_fields: [], before: null, after: null }]);

    const erased = await a.delete(`/api/people/${created.body.id}`);
    expect(erased.status).toBe(200);
    expect((await a.get(`/api/people/${created.body.id}`)).status).toBe(404);
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM person WHERE id = $1', [created.body.id]);
    expect(rows[0].n).toBe(0);
    const audit = await t.sql.query('SELECT action FROM audit_event WHERE entity_id = $1 AND action <> \'person.view\' ORDER BY at', [created.body.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['person.create', 'person.update', 'person.erase']);
  });

  it('stores phone and email only encrypted', async () => {
    const a = await t.as(coordA);
    const { body } = await a.post('/api/people').send(person('Rosa Cifrada', { email: 'rosa.cifrada@example.org', phone: '+1 773 555 0199' }));
    const { rows } = await t.sql.query(`SELECT row_to_json(person)::text AS row FROM person WHERE id = $1`, [body.id]);
    expect(rows[0].row).not.toContain('rosa.cifrada');
    // (Not just "555": hex digits of a ciphertext or hash can spell that by chance.)
    expect(rows[0].row).not.toContain('773 555 0199');
    expect(rows[0].row).not.toContain('7735550199');
    expect(rows[0].row).toContain('Rosa Cifrada'); // the display name (an alias is fine) is not encrypted
  });

  it('lets a viewer read but not write', async () => {
    const v = await t.as(viewerA);
    expect((await v.get('/api/people')).status).toBe(200);
    expect((await v.post('/api/people').send(person('Viewer Try'))).status).toBe(403);
  });

  it("never shows another organization's private people, by id, list, filter or export", async () => {
    const a = await t.as(coordA);
    const { body: secret } = await a.post('/api/people').send(person('Secreto Privado', { email: 'secreto@example.org' }));
    for (const user of [coordB, admin]) {
      const other = await t.as(user);
      expect((await other.get(`/api/people/${secret.id}`)).status).toBe(404);
      expect((await other.put(`/api/people/${secret.id}`).send({ version: 1, displayName: 'x' })).status).toBe(user === admin ? 403 : 404);
      expect((await other.delete(`/api/people/${secret.id}`)).status).toBe(user === admin ? 403 : 404);
      const list = await other.get('/api/people').query({ filter: JSON.stringify({ email: 'secreto@example.org' }) });
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
      const search = await other.get('/api/people').query({ filter: JSON.stringify({ q: 'Secreto' }) });
      expect(search.text).not.toContain('Secreto');
      const exported = await other.get('/api/people/export.csv');
      expect(exported.text).not.toContain('Secreto');
    }
    const { rows } = await t.sql.query('SELECT display_name FROM person WHERE id = $1', [secret.id]);
    expect(rows[0].display_name).toBe('Secreto Privado');
  });

  it("shows the alliance an organization's public contacts without the organization's notes or flags, and lets it export nothing", async () => {
    const a = await t.as(coordA);
    const { body: contact } = await a.post('/api/people').send(person('Vocera Pública', { visibility: 'coalition', note: 'internal: prefers mornings' }));
    const adminAgent = await t.as(admin);
    const seen = await adminAgent.get(`/api/people/${contact.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ displayName: 'Vocera Pública', note: null, okToText: false, signalOnly: false });
    expect(seen.text).not.toContain('prefers mornings');
    const listed = await adminAgent.get('/api/people').query({ filter: JSON.stringify({ q: 'Vocera' }) });
    expect(listed.text).not.toContain('prefers mornings');
    expect((await adminAgent.get('/api/people/export.csv')).status).toBe(403);
    // Filtering on the hidden flags would reveal them: refused.
    for (const flag of ['okToText', 'okToCall', 'okToEmail', 'signalOnly', 'noVoicemail']) {
      expect((await adminAgent.get('/api/people').query({ filter: JSON.stringify({ [flag]: true }) })).status).toBe(422);
    }
    // The organization itself still sees everything it keeps.
    expect((await a.get(`/api/people/${contact.id}`)).body).toMatchObject({ note: 'internal: prefers mornings', okToText: true });
  });

  it('refuses an organizationId, version or unknown field in the body (422), storing nothing', async () => {
    const a = await t.as(coordA);
    const before = await t.sql.query('SELECT count(*)::int AS n FROM person');
    const res = await a.post('/api/people').send({ ...person('Sneaky'), organizationId: orgB });
    expect(res.status).toBe(422);
    expect(res.body.errors.organizationId).toBeDefined();
    const after = await t.sql.query('SELECT count(*)::int AS n FROM person');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('exports the organization as CSV and audits the export', async () => {
    const v = await t.as(viewerA);
    const res = await v.get('/api/people/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toContain('displayName');
    expect(res.text).toContain('rosa.cifrada@example.org');
    const { rows } = await t.sql.query(`SELECT after FROM audit_event WHERE action = 'person.export' AND actor_user_id = $1`, [viewerA.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toEqual({ rows: lines.length - 1 });
  });

  it('shows the alliance counts by role and language, never names', async () => {
    const b = await t.as(coordB);
    await b.post('/api/people').send(person('B Uno', { role: 'delegate', preferredLanguage: 'en' }));
    await b.post('/api/people').send(person('B Dos', { role: 'delegate', preferredLanguage: 'es' }));
    await b.post('/api/people').send(person('B Tres', { role: 'staff', preferredLanguage: 'es' }));
    const adminAgent = await t.as(admin);
    const res = await adminAgent.get('/api/people-counts').query({ filter: JSON.stringify({ q: 'People Org B' }) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ id: orgB, total: 3, byRole: { delegate: 2, staff: 1 }, byLanguage: { en: 1, es: 2 } }),
    ]);
    expect(res.text).not.toContain('B Uno');
    // A coordinator sees only their own organization's counts.
    const own = await b.get('/api/people-counts');
    expect(own.body.map((r: { id: string }) => r.id)).toEqual([orgB]);
    // The counts follow erasure at once.
    const { body: list } = await b.get('/api/people').query({ filter: JSON.stringify({ role: 'staff' }) });
    await b.delete(`/api/people/${list[0].id}`);
    const after = await adminAgent.get('/api/people-counts').query({ filter: JSON.stringify({ q: 'People Org B' }) });
    expect(after.body[0]).toMatchObject({ total: 2, byRole: { delegate: 2 } });
    const regions = await adminAgent.get('/api/people-counts/regions');
    expect(regions.status).toBe(200);
    expect(regions.body.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBeGreaterThanOrEqual(2);
  });
  describe('emergency purge', () => {
    it('needs two-factor sign-in, the typed organization name and a fresh code; then erases every person of the organization only', async () => {
      const orgP = await t.createOrganization({ name: 'Purge Org' });
      const coord = await t.createUser('org_coordinator', orgP);
      const c = await t.as(coord);
      for (const n of ['Uno', 'Dos', 'Tres']) expect((await c.post('/api/people').send(person(`Purge ${n}`, { email: `purge.${n}@example.org` }))).status).toBe(201);
      const othersBefore = await t.sql.query('SELECT count(*)::int AS n FROM person WHERE organization_id <> $1', [orgP]);

      const noTotp = await c.post('/api/people/emergency-purge').send({ confirmName: 'Purge Org', code: '123456' });
      expect([noTotp.status, noTotp.body.errors?.code]).toEqual([422, expect.stringMatching(/two-factor/)]);

      const setup = await c.post('/api/auth/totp/setup');
      const secret = setup.body.secret as string;
      expect((await c.post('/api/auth/totp/enable').send({ code: codeFor(secret) })).status).toBe(204);

      const wrongName = await c.post('/api/people/emergency-purge').send({ confirmName: 'Another Org', code: codeFor(secret, 1) });
      expect([wrongName.status, Object.keys(wrongName.body.errors)]).toEqual([422, ['confirmName']]);
      expect((await c.post('/api/people/emergency-purge').send({ confirmName: 'Purge Org', code: codeFor(secret) })).status).toBe(422); // code already spent
      const viewer = await t.as(await t.createUser('org_viewer', orgP));
      expect((await viewer.post('/api/people/emergency-purge').send({ confirmName: 'Purge Org', code: codeFor(secret, 1) })).status).toBe(403);
      expect((await t.sql.query('SELECT count(*)::int AS n FROM person WHERE organization_id = $1', [orgP])).rows[0].n).toBe(3);

      const purged = await c.post('/api/people/emergency-purge').send({ confirmName: 'purge org', code: codeFor(secret, 1) });
      expect(purged.status).toBe(200);
      expect(purged.body).toEqual({ erased: 3 });
      expect((await t.sql.query('SELECT count(*)::int AS n FROM person WHERE organization_id = $1', [orgP])).rows[0].n).toBe(0);
      const othersAfter = await t.sql.query('SELECT count(*)::int AS n FROM person WHERE organization_id <> $1', [orgP]);
      expect(othersAfter.rows[0].n).toBe(othersBefore.rows[0].n);
      const dump = await t.sql.query(`SELECT string_agg(row_to_json(a)::text, ' ') AS text FROM audit_event a`);
      expect(dump.rows[0].text).not.toMatch(/Purge (Uno|Dos|Tres)|purge\.(Uno|Dos|Tres)/i);
      const audit = await t.sql.query(`SELECT after FROM audit_event WHERE action = 'organization.emergency_purge' AND entity_id = $1`, [orgP]);
      expect(audit.rows).toEqual([{ after: { erased: 3 } }]);
    });
  });
});
