import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const application = (name: string) => ({
  name,
  kind: 'worker_center',
  city: 'Joliet',
  state: 'IL',
  focusAreas: ['labor', 'wage_theft'],
  languages: ['es', 'en'],
  website: 'https://example.org',
  description: 'Day laborers organizing in Will County.',
  contact: { displayName: 'María', email: 'maria@example.org', preferredLanguage: 'es' },
});

describe('apply → approve → directory', () => {
  let t: TestContext;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
  });
  afterAll(() => t.close());

  it('takes an application on the public form, lets an admin approve it, and lists it in the directory', async () => {
    const applied = await t.http().post('/api/public/applications').send(application('Centro Laboral de Joliet'));
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ name: 'Centro Laboral de Joliet', slug: 'centro-laboral-de-joliet', membershipStatus: 'applicant' });
    const id = applied.body.id as string;

    const agent = await t.as(admin);
    const pending = await agent.get('/api/applications').query({ filter: JSON.stringify({ q: 'Joliet' }) });
    expect(pending.status).toBe(200);
    expect(pending.headers['content-range']).toBe('applications 0-0/1');
    expect(pending.body[0]).toMatchObject({ id, membershipStatus: 'applicant' });

    const shown = await agent.get(`/api/applications/${id}`);
    expect(shown.body.publicContacts).toEqual([
      expect.objectContaining({ displayName: 'María', email: 'maria@example.org', role: 'primary_contact' }),
    ]);

    const approved = await agent.post(`/api/applications/${id}/approve`).send({ version: shown.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ membershipStatus: 'active', approvedBy: admin.id });
    expect(Date.parse(approved.body.approvedAt)).not.toBeNaN();

    const directory = await agent
      .get('/api/organizations')
      .query({ filter: JSON.stringify({ q: 'joliet', membershipStatus: 'active' }), range: '[0,24]', sort: '["name","ASC"]' });
    expect(directory.body.map((o: { id: string }) => o.id)).toEqual([id]);

    const { rows: audit } = await t.sql.query(
      `SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1 ORDER BY at`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['organization.apply', 'organization.approve']);
    expect(audit[1].actor_user_id).toBe(admin.id);
  });

  it('puts a new applicant in the region that covers its state', async () => {
    const { rows } = await t.sql.query(`INSERT INTO region (name, states) VALUES ('Great Lakes Test', '{IL,WI}') RETURNING id`);
    const res = await t.http().post('/api/public/applications').send({ ...application('Regional Placement Center'), state: 'WI' });
    const stored = await t.sql.query('SELECT region_id FROM organization WHERE id = $1', [res.body.id]);
    expect(stored.rows[0].region_id).toBe(rows[0].id);
    const elsewhere = await t.http().post('/api/public/applications').send({ ...application('No Region Yet Center'), state: 'AK' });
    expect((await t.sql.query('SELECT region_id FROM organization WHERE id = $1', [elsewhere.body.id])).rows[0].region_id).toBeNull();
  });

  it('refuses a second decision with a clear message, and changes nothing', async () => {
    const { body } = await t.http().post('/api/public/applications').send(application('Decided Twice Collective'));
    const agent = await t.as(admin);
    const other = await t.as(await t.createUser('alliance_admin'));
    const version = (await agent.get(`/api/applications/${body.id}`)).body.version;
    expect((await other.post(`/api/applications/${body.id}/reject`).send({ version, reason: 'Not a migrant-rights group' })).status).toBe(200);
    const late = await agent.post(`/api/applications/${body.id}/approve`).send({ version });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('Someone else already decided this application: it is rejected.');
    const { rows } = await t.sql.query(`SELECT membership_status, decision_reason FROM organization WHERE id = $1`, [body.id]);
    expect(rows[0]).toEqual({ membership_status: 'rejected', decision_reason: 'Not a migrant-rights group' });
  });

  it('shows field errors next to each field, in Spanish when asked, and stores nothing', async () => {
    const before = await t.sql.query('SELECT count(*)::int AS n FROM organization');
    const res = await t
      .http()
      .post('/api/public/applications')
      .set('Accept-Language', 'es-MX,es;q=0.9')
      .send({ ...application(''), state: 'ZZ', contact: { displayName: 'Ana', email: 'not-an-email', preferredLanguage: 'es' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject({
      name: 'es obligatorio',
      state: 'debe ser uno de los valores permitidos',
      'contact.email': 'debe ser un correo electrónico válido',
    });
    const after = await t.sql.query('SELECT count(*)::int AS n FROM organization');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('requires an email or a phone for the contact', async () => {
    const res = await t
      .http()
      .post('/api/public/applications')
      .send({ ...application('No Contact Means'), contact: { displayName: 'Ana', preferredLanguage: 'es' } });
    expect(res.status).toBe(422);
    expect(res.body.errors['contact.email']).toBe('give an email or a phone number');
  });

  it('refuses a name already taken, whatever its case', async () => {
    expect((await t.http().post('/api/public/applications').send(application('Casa Hogar Unida'))).status).toBe(201);
    const again = await t.http().post('/api/public/applications').send(application('casa hogar UNIDA'));
    expect(again.status).toBe(409);
    expect(again.body.errors.name).toBe('An organization with this name, or one written almost the same, is already registered.');
  });

  it('accepts a filled honeypot politely and stores nothing', async () => {
    const res = await t.http().post('/api/public/applications').send({ ...application('Spam Bot Inc'), homepage: 'http://spam' });
    expect(res.status).toBe(201);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM organization WHERE name = 'Spam Bot Inc'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('public application rate limit', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ limits: { publicForms: 3 } });
  });
  afterAll(() => t.close());

  it('answers 429 after the limit, per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.http().post('/api/public/applications').send(application(`Rate Limited ${i}`))).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM organization WHERE name LIKE 'Rate Limited %'`);
    expect(rows[0].n).toBe(3);
  });
});
