import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

interface OrgFixture {
  name: string;
  kind?: string;
  city?: string;
  state?: string;
  regionId?: string | null;
  membershipStatus?: string;
  focusAreas?: string[];
  languages?: string[];
  duesTier?: string | null;
  duesPaidThrough?: string | null;
}

const ids = (res: Response): string[] => (res.body as { id: string }[]).map((o) => o.id);
const names = (res: Response): string[] => (res.body as { name: string }[]).map((o) => o.name);

/** RFC 4180 CSV, enough for the export: quoted fields, doubled quotes, CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('organizations: directory, export, profile, permissions, optimistic locking, membership', () => {
  let t: TestContext;
  let admin: TestUser;
  let adminAgent: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
    adminAgent = await t.as(admin);
  });
  afterAll(() => t.close());

  async function insertOrg(f: OrgFixture): Promise<string> {
    const { rows } = await t.sql.query<{ id: string }>(
      `INSERT INTO organization (name, slug, kind, city, state, region_id, membership_status, applied_at, focus_areas, languages, dues_tier, dues_paid_through)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10, $11) RETURNING id`,
      [
        f.name,
        `${f.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 6)}`,
        f.kind ?? 'worker_center',
        f.city ?? 'Chicago',
        f.state ?? 'IL',
        f.regionId ?? null,
        f.membershipStatus ?? 'active',
        f.focusAreas ?? ['labor'],
        f.languages ?? ['es'],
        f.duesTier ?? null,
        f.duesPaidThrough ?? null,
      ],
    );
    return rows[0].id;
  }

  async function insertRegion(name: string): Promise<string> {
    const { rows } = await t.sql.query<{ id: string }>(
      `INSERT INTO region (name, states) VALUES ($1, '{IL}') RETURNING id`,
      [name],
    );
    return rows[0].id;
  }

  /** The whole stored row, to prove a refused request changed nothing at all. */
  async function storedOrg(id: string): Promise<Record<string, unknown>> {
    const { rows } = await t.sql.query<{ row: Record<string, unknown> }>(
      'SELECT to_jsonb(o) AS row FROM organization o WHERE id = $1',
      [id],
    );
    return rows[0].row;
  }

  describe('directory list', () => {
    let r1: string;
    let r2: string;
    const dir: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };

    beforeAll(async () => {
      r1 = await insertRegion('Dirx Great Lakes');
      r2 = await insertRegion('Dirx Border');
      dir.A = await insertOrg({
        name: 'Dirx Alpha',
        kind: 'worker_center',
        city: 'Waukegan',
        state: 'IL',
        regionId: r1,
        focusAreas: ['labor', 'wage_theft'],
        languages: ['es', 'en'],
      });
      dir.B = await insertOrg({
        name: 'Dirx Bravo',
        kind: 'faith',
        city: 'Brownsville',
        state: 'TX',
        regionId: r2,
        focusAreas: ['asylum'],
        languages: ['es'],
      });
      dir.C = await insertOrg({
        name: 'Dirx Charlie',
        kind: 'union_local',
        city: 'Chicago',
        state: 'IL',
        regionId: r1,
        membershipStatus: 'suspended',
        focusAreas: ['labor'],
        languages: ['en', 'vi'],
      });
      dir.D = await insertOrg({
        name: 'Dirx Delta',
        kind: 'legal_services',
        city: 'Dallas',
        state: 'TX',
        membershipStatus: 'applicant',
        focusAreas: ['legal_defense', 'asylum'],
        languages: ['es', 'pt'],
      });
      dir.E = await insertOrg({
        name: 'Dirx Echo',
        kind: 'community',
        city: 'El Paso',
        state: 'TX',
        regionId: r2,
        focusAreas: ['housing'],
        languages: ['en'],
      });
      // More than a page of organizations, for the page cap and the export.
      await t.sql.query(
        `INSERT INTO organization (name, slug, kind, city, state, membership_status, applied_at)
         SELECT 'Bulk Org ' || lpad(i::text, 3, '0'), 'bulk-org-' || i, 'community', 'Tucson', 'AZ', 'active', now()
           FROM generate_series(1, 120) AS i`,
      );
    });

    const list = (filter: Record<string, unknown>, extra: Record<string, string> = {}) =>
      adminAgent
        .get('/api/organizations')
        .query({ filter: JSON.stringify({ q: 'Dirx', ...filter }), sort: '["name","ASC"]', ...extra });

    it('searches names and cities with q, case-insensitively, taking % and _ literally', async () => {
      const all = await list({});
      expect(all.status).toBe(200);
      expect(ids(all)).toEqual([dir.A, dir.B, dir.C, dir.D, dir.E]);
      expect(all.get('Content-Range')).toBe('organizations 0-4/5');
      expect(ids(await list({ q: 'el paso' }))).toEqual([dir.E]);
      expect(ids(await list({ q: 'dirx BR' }))).toEqual([dir.B]);
      expect(ids(await list({ q: 'Dirx%Echo' }))).toEqual([]);
      expect(ids(await list({ q: 'Dirx_Echo' }))).toEqual([]);
    });

    it.each<[string, unknown, ('A' | 'B' | 'C' | 'D' | 'E')[]]>([
      ['membershipStatus', 'active', ['A', 'B', 'E']],
      ['membershipStatus', ['suspended', 'applicant'], ['C', 'D']],
      ['kind', 'faith', ['B']],
      ['kind', ['union_local', 'community'], ['C', 'E']],
      ['state', 'TX', ['B', 'D', 'E']],
      ['regionId', 'r1', ['A', 'C']],
      ['focusArea', 'asylum', ['B', 'D']],
      ['focusArea', ['wage_theft', 'housing'], ['A', 'E']],
      ['language', 'pt', ['D']],
      ['language', ['vi', 'pt'], ['C', 'D']],
    ])('filters by %s = %j', async (field, value, expected) => {
      const res = await list({ [field]: value === 'r1' ? r1 : value });
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual(expected.map((k) => dir[k]));
      expect(res.get('Content-Range')).toBe(`organizations 0-${expected.length - 1}/${expected.length}`);
    });

    it('combines filters', async () => {
      expect(ids(await list({ state: 'TX', membershipStatus: 'active', language: 'es' }))).toEqual([dir.B]);
      expect(ids(await list({ regionId: r2, kind: 'faith' }))).toEqual([dir.B]);
    });

    it('sorts ascending and descending by the allowed fields', async () => {
      expect(names(await list({}, { sort: '["name","DESC"]' }))).toEqual([
        'Dirx Echo',
        'Dirx Delta',
        'Dirx Charlie',
        'Dirx Bravo',
        'Dirx Alpha',
      ]);
      expect(ids(await list({}, { sort: '["city","ASC"]' }))).toEqual([dir.B, dir.C, dir.D, dir.E, dir.A]);
      expect(ids(await list({}, { sort: '["city","desc"]' }))).toEqual([dir.A, dir.E, dir.D, dir.C, dir.B]);
      const byKind = await list({}, { sort: '["kind","ASC"]' });
      expect((byKind.body as { kind: string }[]).map((o) => o.kind)).toEqual([
        'community',
        'faith',
        'legal_services',
        'union_local',
        'worker_center',
      ]);
    });

    it('pages with range and says the total in Content-Range', async () => {
      const page = await list({}, { range: '[1,3]' });
      expect(page.status).toBe(200);
      expect(ids(page)).toEqual([dir.B, dir.C, dir.D]);
      expect(page.get('Content-Range')).toBe('organizations 1-3/5');
      const last = await list({}, { range: '[4,9]' });
      expect(ids(last)).toEqual([dir.E]);
      expect(last.get('Content-Range')).toBe('organizations 4-4/5');
    });

    it('returns exactly the organizations asked for with filter={"id":[...]}', async () => {
      const res = await adminAgent
        .get('/api/organizations')
        .query({ filter: JSON.stringify({ id: [dir.D, dir.A] }), sort: '["name","ASC"]' });
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([dir.A, dir.D]);
      expect(res.get('Content-Range')).toBe('organizations 0-1/2');
      const none = await adminAgent
        .get('/api/organizations')
        .query({ filter: JSON.stringify({ id: [randomUUID()] }) });
      expect(none.body).toEqual([]);
    });

    it.each<[string, Record<string, string>, string]>([
      ['an unknown sort field', { sort: '["description","ASC"]' }, 'sort'],
      ['a sort on a column that is not allow-listed', { sort: '["dues_tier","ASC"]' }, 'sort'],
      ['a sort direction that is not ASC/DESC', { sort: '["name","SIDEWAYS"]' }, 'sort'],
      ['an unknown filter field', { filter: '{"duesTier":"large"}' }, 'filter'],
      ['a filter that is not JSON', { filter: '{"q":"casa"' }, 'filter'],
      ['a filter that is a list', { filter: '["q"]' }, 'filter'],
      ['a filter value of the wrong kind', { filter: '{"state":{"$ne":"IL"}}' }, 'filter'],
      ['a regionId that is not an id', { filter: '{"regionId":"north"}' }, 'filter'],
      ['a sort that is not JSON', { sort: 'name' }, 'sort'],
      ['a range that is not JSON', { range: '[0,' }, 'range'],
      ['a range that runs backwards', { range: '[10,2]' }, 'range'],
      ['a negative range', { range: '[-1,5]' }, 'range'],
    ])('answers 422 (never 500) to %s', async (_label, query, field) => {
      const res = await adminAgent.get('/api/organizations').query(query);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('caps a page at 100 rows and still reports the right total', async () => {
      const big = await adminAgent
        .get('/api/organizations')
        .query({ filter: '{"q":"Bulk Org"}', range: '[0,499]', sort: '["name","ASC"]' });
      expect(big.status).toBe(200);
      expect(big.body).toHaveLength(100);
      expect(big.get('Content-Range')).toBe('organizations 0-99/120');
      expect(names(big)[99]).toBe('Bulk Org 100');

      const second = await adminAgent
        .get('/api/organizations')
        .query({ filter: '{"q":"Bulk Org"}', range: '[100,499]', sort: '["name","ASC"]' });
      expect(second.body).toHaveLength(20);
      expect(second.get('Content-Range')).toBe('organizations 100-119/120');

      const { rows } = await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM organization');
      const everything = await adminAgent.get('/api/organizations').query({ range: '[0,499]' });
      expect(everything.body).toHaveLength(100);
      expect(everything.get('Content-Range')).toBe(`organizations 0-99/${rows[0].n}`);

      const defaults = await adminAgent.get('/api/organizations').query({ filter: '{"q":"Bulk Org"}' });
      expect(defaults.body).toHaveLength(25);
      expect(defaults.get('Content-Range')).toBe('organizations 0-24/120');
    });

    describe('CSV export', () => {
      it('exports the filtered, sorted directory with a header row', async () => {
        const res = await adminAgent
          .get('/api/organizations/export.csv')
          .query({ filter: JSON.stringify({ q: 'Dirx', state: 'TX' }), sort: '["name","DESC"]' });
        expect(res.status).toBe(200);
        expect(res.get('Content-Type')).toMatch(/^text\/csv/);
        expect(res.get('Content-Disposition')).toMatch(/attachment; filename="organizations\.csv"/);
        const [header, ...rows] = parseCsv(res.text);
        expect(header).toEqual([
          'id',
          'name',
          'kind',
          'membershipStatus',
          'city',
          'state',
          'regionId',
          'focusAreas',
          'languages',
          'website',
          'publicEmail',
          'publicPhone',
          'appliedAt',
          'approvedAt',
        ]);
        expect(rows.map((r) => r[0])).toEqual([dir.E, dir.D, dir.B]);
        const delta = rows[1];
        expect(delta.slice(1, 9)).toEqual([
          'Dirx Delta',
          'legal_services',
          'applicant',
          'Dallas',
          'TX',
          '',
          'legal_defense;asylum',
          'es;pt',
        ]);
        // Dues and internal notes are not part of the export.
        expect(res.text).not.toMatch(/dues|decisionReason/i);
      });

      it('exports every matching row, not one page', async () => {
        const res = await adminAgent
          .get('/api/organizations/export.csv')
          .query({ filter: '{"q":"Bulk Org"}' });
        expect(res.status).toBe(200);
        expect(parseCsv(res.text)).toHaveLength(121);
      });

      it('neutralizes cells a spreadsheet would run as a formula', async () => {
        const evil = [
          '=HYPERLINK("http://evil.example","Formula click")',
          '+Formula Plus',
          '-Formula Minus',
          '@Formula At',
        ];
        const made = [];
        for (const name of evil) made.push(await insertOrg({ name, city: '=cmd|" /C calc"!A0 Formula' }));
        const res = await adminAgent
          .get('/api/organizations/export.csv')
          .query({ filter: '{"q":"Formula"}', sort: '["name","ASC"]' });
        expect(res.status).toBe(200);
        const rows = parseCsv(res.text).slice(1);
        expect(rows).toHaveLength(evil.length);
        for (const row of rows) {
          expect(made).toContain(row[0]);
          expect(evil.map((e) => `'${e}`)).toContain(row[1]);
          expect(row[4]).toBe(`'=cmd|" /C calc"!A0 Formula`);
        }
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
      });

      it('answers 422 to a bad filter before sending any CSV', async () => {
        const unknown = await adminAgent
          .get('/api/organizations/export.csv')
          .query({ filter: '{"secret":1}' });
        expect(unknown.status).toBe(422);
        expect(unknown.get('Content-Type')).toMatch(/json/);
        const broken = await adminAgent.get('/api/organizations/export.csv').query({ filter: '{oops' });
        expect(broken.status).toBe(422);
      });
    });
  });

  describe('show page: public contacts and dues', () => {
    let orgId: string;
    let otherOrgId: string;

    beforeAll(async () => {
      orgId = await insertOrg({
        name: 'Dues Holder Collective',
        duesTier: 'medium',
        duesPaidThrough: '2026-12-31',
      });
      otherOrgId = await insertOrg({ name: 'Another Member Org' });
      await t.sql.query(
        `INSERT INTO person (organization_id, display_name, role, visibility) VALUES
           ($1, 'Rosa Public', 'spokesperson', 'coalition'),
           ($1, 'Hidden Member', 'member', 'organization')`,
        [orgId],
      );
      await t.sql.query(
        `UPDATE organization SET decision_reason = 'internal note about this group' WHERE id = $1`,
        [orgId],
      );
    });

    const expectContacts = (res: Response) => {
      expect(res.status).toBe(200);
      expect(res.body.publicContacts).toEqual([
        {
          id: expect.any(String),
          displayName: 'Rosa Public',
          role: 'spokesperson',
          preferredLanguage: 'en',
          email: null,
          phone: null,
        },
      ]);
      expect(res.text).not.toContain('Hidden Member');
    };

    it('shows alliance roles the public contacts and the dues', async () => {
      for (const agent of [adminAgent, await t.as(await t.createUser('alliance_organizer'))]) {
        const res = await agent.get(`/api/organizations/${orgId}`);
        expectContacts(res);
        expect(res.body).toMatchObject({
          duesTier: 'medium',
          duesPaidThrough: '2026-12-31',
          decisionReason: 'internal note about this group',
        });
      }
    });

    it("shows the organization's own users their dues", async () => {
      const res = await (
        await t.as(await t.createUser('org_viewer', orgId))
      ).get(`/api/organizations/${orgId}`);
      expectContacts(res);
      expect(res.body).toMatchObject({ duesTier: 'medium', duesPaidThrough: '2026-12-31' });
      expect(res.body.decisionReason).toBeNull();
    });

    it('shows another organization no dues at all (no key) and no internal notes', async () => {
      const agent = await t.as(await t.createUser('org_viewer', otherOrgId));
      const res = await agent.get(`/api/organizations/${orgId}`);
      expectContacts(res);
      expect(res.body).not.toHaveProperty('duesTier');
      expect(res.body).not.toHaveProperty('duesPaidThrough');
      expect(res.body.decisionReason).toBeNull();
      expect(res.text).not.toContain('medium');
      expect(res.text).not.toContain('internal note');

      const listed = await agent
        .get('/api/organizations')
        .query({ filter: JSON.stringify({ id: [orgId, otherOrgId] }) });
      expect(listed.body).toHaveLength(2);
      const row = (listed.body as Record<string, unknown>[]).find((o) => o.id === orgId);
      expect(row).not.toHaveProperty('duesTier');
      expect(row).not.toHaveProperty('duesPaidThrough');
      const own = (listed.body as Record<string, unknown>[]).find((o) => o.id === otherOrgId);
      expect(own).toHaveProperty('duesTier', null);
    });

    it('answers 404 for an organization that does not exist', async () => {
      expect((await adminAgent.get(`/api/organizations/${randomUUID()}`)).status).toBe(404);
      expect((await adminAgent.get('/api/organizations/12345')).status).toBe(404);
      expect((await adminAgent.get(`/api/organizations/${randomUUID()}/membership-history`)).status).toBe(
        404,
      );
    });
  });

  describe('create', () => {
    it('lets an admin create an active member organization', async () => {
      const region = await insertRegion('Create Region');
      const res = await adminAgent.post('/api/organizations').send({
        name: 'Centro Sin Fronteras',
        kind: 'worker_center',
        city: 'Houston',
        state: 'TX',
        focusAreas: ['labor'],
        languages: ['es'],
        regionId: region,
        duesTier: 'small',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Centro Sin Fronteras',
        slug: 'centro-sin-fronteras',
        membershipStatus: 'active',
        regionId: region,
        duesTier: 'small',
        approvedBy: admin.id,
        version: 1,
        publicContacts: [],
      });
      const { rows } = await t.sql.query(
        'SELECT name, membership_status, approved_by FROM organization WHERE id = $1',
        [res.body.id],
      );
      expect(rows[0]).toEqual({
        name: 'Centro Sin Fronteras',
        membership_status: 'active',
        approved_by: admin.id,
      });
    });

    it('refuses a name already taken (any case) with 409 on name, an unknown region and a status other than active/applicant with 422', async () => {
      const base = { kind: 'community', city: 'Tucson', state: 'AZ' };
      expect(
        (await adminAgent.post('/api/organizations').send({ ...base, name: 'Unique Name Collective' }))
          .status,
      ).toBe(201);
      const dup = await adminAgent
        .post('/api/organizations')
        .send({ ...base, name: 'UNIQUE name collective' });
      expect(dup.status).toBe(409);
      expect(dup.body.errors.name).toMatch(/already registered/);
      const region = await adminAgent
        .post('/api/organizations')
        .send({ ...base, name: 'Lost Region Org', regionId: randomUUID() });
      expect(region.status).toBe(422);
      expect(region.body.errors.regionId).toBe('There is no such region.');
      const status = await adminAgent
        .post('/api/organizations')
        .send({ ...base, name: 'Suspended At Birth', membershipStatus: 'suspended' });
      expect(status.status).toBe(422);
      expect(Object.keys(status.body.errors)).toEqual(['membershipStatus']);
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM organization WHERE name IN ('Lost Region Org', 'Suspended At Birth') OR lower(name) = 'unique name collective'`,
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('optimistic locking', () => {
    it('takes the first of two edits of the same version and refuses the second with 409, storing exactly the first', async () => {
      const orgId = await insertOrg({ name: 'Two Editors Org', city: 'Joliet' });
      const secondAdmin = await t.as(await t.createUser('alliance_admin'));
      const loaded1 = await adminAgent.get(`/api/organizations/${orgId}`);
      const loaded2 = await secondAdmin.get(`/api/organizations/${orgId}`);
      expect(loaded1.body.version).toBe(loaded2.body.version);
      const version = loaded1.body.version as number;

      const first = await adminAgent
        .put(`/api/organizations/${orgId}`)
        .send({ version, city: 'Aurora', description: 'First edit' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ city: 'Aurora', description: 'First edit', version: version + 1 });
      const afterFirst = await storedOrg(orgId);

      const second = await secondAdmin
        .put(`/api/organizations/${orgId}`)
        .send({ version, city: 'Elgin', website: 'https://second.example' });
      expect(second.status).toBe(409);
      expect(second.body.message).toBe(
        'Someone changed this record meanwhile. Reload it to see their changes; nothing was saved.',
      );
      expect(second.body.errors).toEqual({ version: second.body.message });

      expect(await storedOrg(orgId)).toEqual(afterFirst);
      expect(afterFirst).toMatchObject({
        city: 'Aurora',
        description: 'First edit',
        website: null,
        version: version + 1,
      });
    });

    it('requires a version to change anything', async () => {
      const orgId = await insertOrg({ name: 'No Version Org' });
      const before = await storedOrg(orgId);
      const res = await adminAgent.put(`/api/organizations/${orgId}`).send({ city: 'Nowhere' });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual(['version']);
      expect(await storedOrg(orgId)).toEqual(before);
    });
  });

  describe('fields nobody may write', () => {
    let orgId: string;
    beforeAll(async () => {
      orgId = await insertOrg({ name: 'Read Only Fields Org', city: 'Rockford' });
    });

    it.each<[string, unknown]>([
      ['id', '00000000-0000-4000-8000-000000000001'],
      ['createdAt', '2020-01-01T00:00:00.000Z'],
      ['updatedAt', '2020-01-01T00:00:00.000Z'],
      ['slug', 'hijacked-slug'],
      ['approvedAt', '2020-01-01T00:00:00.000Z'],
      ['approvedBy', '00000000-0000-4000-8000-000000000002'],
      ['decisionReason', 'rewritten'],
      ['publicContacts', []],
      ['foo', 'bar'],
    ])('refuses %s in a PUT with 422 on that field and changes nothing', async (field, value) => {
      const before = await storedOrg(orgId);
      const res = await adminAgent
        .put(`/api/organizations/${orgId}`)
        .send({ version: before.version, city: 'Changed City', [field]: value });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ [field]: 'is not a field you can set' });
      expect(await storedOrg(orgId)).toEqual(before);
    });
  });

  describe('org_coordinator and org_viewer', () => {
    let ownId: string;
    let otherId: string;
    let coordinator: TestAgent;
    let regionId: string;

    beforeAll(async () => {
      regionId = await insertRegion('Coordinator Region');
      ownId = await insertOrg({ name: 'Own Coordinated Org', city: 'Berwyn', regionId });
      otherId = await insertOrg({ name: 'Somebody Elses Org', city: 'Skokie', regionId });
      coordinator = await t.as(await t.createUser('org_coordinator', ownId));
    });

    it("lets a coordinator edit their own organization's profile", async () => {
      const { version } = await storedOrg(ownId);
      const res = await coordinator
        .put(`/api/organizations/${ownId}`)
        .send({ version, city: 'Cicero', languages: ['es', 'en', 'pt'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ city: 'Cicero', languages: ['es', 'en', 'pt'] });
      expect(await storedOrg(ownId)).toMatchObject({
        city: 'Cicero',
        languages: ['es', 'en', 'pt'],
        version: (version as number) + 1,
      });
    });

    it.each<[string, unknown]>([
      ['membershipStatus', 'withdrawn'],
      ['duesTier', 'waived'],
      ['duesPaidThrough', '2099-12-31'],
      ['regionId', null],
      ['principlesSignedAt', '2024-01-01T00:00:00.000Z'],
    ])(
      "refuses %s on the coordinator's own organization with 422, changing nothing",
      async (field, value) => {
        const before = await storedOrg(ownId);
        const res = await coordinator
          .put(`/api/organizations/${ownId}`)
          .send({ version: before.version, city: 'Oak Park', [field]: value });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual({ [field]: 'is not a field you can set' });
        expect(await storedOrg(ownId)).toEqual(before);
      },
    );

    it('answers 404 when a coordinator edits another organization, and changes nothing', async () => {
      const before = await storedOrg(otherId);
      const res = await coordinator
        .put(`/api/organizations/${otherId}`)
        .send({ version: before.version, city: 'Hijacked' });
      expect(res.status).toBe(404);
      expect(await storedOrg(otherId)).toEqual(before);
    });

    it('refuses a coordinator every other write route (403 or 404), changing nothing', async () => {
      const applicantId = await insertOrg({ name: 'Pending Applicant Org', membershipStatus: 'applicant' });
      const emptyRegion = await insertRegion('Coordinator Cannot Touch');
      const self = (await coordinator.get('/api/auth/me')).body as { id: string };
      const snapshot = async () => ({
        applicant: await storedOrg(applicantId),
        region: (await t.sql.query('SELECT to_jsonb(r) AS row FROM region r WHERE id = $1', [emptyRegion]))
          .rows[0]?.row,
        self: (
          await t.sql.query('SELECT role, organization_id, status, version FROM "user" WHERE id = $1', [
            self.id,
          ])
        ).rows[0],
        counts: (
          await t.sql.query(
            `SELECT (SELECT count(*)::int FROM organization) AS orgs, (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM "user") AS users`,
          )
        ).rows[0],
      });
      const before = await snapshot();

      const attempts: [string, () => PromiseLike<Response>][] = [
        [
          'POST /organizations',
          () =>
            coordinator
              .post('/api/organizations')
              .send({ name: 'Coordinator Made Org', kind: 'community', city: 'Elgin', state: 'IL' }),
        ],
        [
          'POST /regions',
          () => coordinator.post('/api/regions').send({ name: 'Coordinator Region 2', states: ['IL'] }),
        ],
        [
          'PUT /regions/:id',
          () => coordinator.put(`/api/regions/${emptyRegion}`).send({ version: 1, name: 'Renamed' }),
        ],
        ['DELETE /regions/:id', () => coordinator.delete(`/api/regions/${emptyRegion}`)],
        [
          'POST /users',
          () =>
            coordinator
              .post('/api/users')
              .send({
                email: 'coord.made@test.unidos.local',
                displayName: 'X',
                role: 'alliance_admin',
                password: 'long enough password',
              }),
        ],
        [
          'PUT /users/:self',
          () =>
            coordinator
              .put(`/api/users/${self.id}`)
              .send({ version: 1, role: 'alliance_admin', organizationId: null }),
        ],
        [
          'POST /applications/:id/approve',
          () => coordinator.post(`/api/applications/${applicantId}/approve`).send({ version: 1 }),
        ],
        [
          'POST /applications/:id/reject',
          () =>
            coordinator.post(`/api/applications/${applicantId}/reject`).send({ version: 1, reason: 'no' }),
        ],
      ];
      for (const [label, attempt] of attempts) {
        const res = await attempt();
        expect({ label, status: [403, 404].includes(res.status) ? 'refused' : res.status }).toEqual({
          label,
          status: 'refused',
        });
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an org_viewer (and an alliance organizer) every organization write', async () => {
      const viewer = await t.as(await t.createUser('org_viewer', ownId));
      const organizer = await t.as(await t.createUser('alliance_organizer'));
      const before = await storedOrg(ownId);
      for (const agent of [viewer, organizer]) {
        expect(
          (
            await agent
              .put(`/api/organizations/${ownId}`)
              .send({ version: before.version, city: 'Viewer City' })
          ).status,
        ).toBe(403);
        expect(
          (
            await agent
              .post('/api/organizations')
              .send({ name: 'Viewer Made Org', kind: 'community', city: 'Elgin', state: 'IL' })
          ).status,
        ).toBe(403);
      }
      expect(await storedOrg(ownId)).toEqual(before);
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM organization WHERE name = 'Viewer Made Org'`,
      );
      expect(rows[0].n).toBe(0);
    });
  });

  describe('membership status', () => {
    it('follows the allowed transitions and keeps a history of them, in order', async () => {
      const created = await adminAgent
        .post('/api/organizations')
        .send({ name: 'Membership Journey Org', kind: 'student', city: 'Austin', state: 'TX' });
      expect(created.status).toBe(201);
      const id = created.body.id as string;

      const suspended = await adminAgent
        .put(`/api/organizations/${id}`)
        .send({ version: 1, membershipStatus: 'suspended' });
      expect(suspended.status).toBe(200);
      expect(suspended.body).toMatchObject({ membershipStatus: 'suspended', version: 2 });

      const before = await storedOrg(id);
      const rejected = await adminAgent
        .put(`/api/organizations/${id}`)
        .send({ version: 2, membershipStatus: 'rejected' });
      expect(rejected.status).toBe(422);
      expect(rejected.body.errors).toEqual({
        membershipStatus: 'Membership cannot change from suspended to rejected.',
      });
      expect(await storedOrg(id)).toEqual(before);

      const back = await adminAgent
        .put(`/api/organizations/${id}`)
        .send({ version: 2, membershipStatus: 'active' });
      expect(back.status).toBe(200);
      // Editing something else is not a membership change.
      expect(
        (await adminAgent.put(`/api/organizations/${id}`).send({ version: 3, city: 'San Antonio' })).status,
      ).toBe(200);
      expect(
        (await adminAgent.put(`/api/organizations/${id}`).send({ version: 4, membershipStatus: 'withdrawn' }))
          .status,
      ).toBe(200);

      const history = await (
        await t.as(await t.createUser('org_viewer', id))
      ).get(`/api/organizations/${id}/membership-history`);
      expect(history.status).toBe(200);
      expect((history.body as { from: string | null; to: string }[]).map((h) => [h.from, h.to])).toEqual([
        [null, 'active'],
        ['active', 'suspended'],
        ['suspended', 'active'],
        ['active', 'withdrawn'],
      ]);
      expect(history.body[1]).toMatchObject({ action: 'organization.update', actorUserId: admin.id });
      const times = (history.body as { at: string }[]).map((h) => Date.parse(h.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });
  });
});
