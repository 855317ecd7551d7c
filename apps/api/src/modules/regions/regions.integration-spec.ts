import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { UserRole } from '@unidos/contracts';
import { startTestApp, type TestContext } from '../../../test/harness';

describe('regions', () => {
  let t: TestContext;
  let adminAgent: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    adminAgent = await t.as(await t.createUser('alliance_admin'));
  });
  afterAll(() => t.close());

  const storedRegion = async (id: string): Promise<Record<string, unknown> | undefined> =>
    (
      await t.sql.query<{ row: Record<string, unknown> }>(
        'SELECT to_jsonb(r) AS row FROM region r WHERE id = $1',
        [id],
      )
    ).rows[0]?.row;

  async function orgIn(regionId: string | null, membershipStatus: string): Promise<string> {
    const id = await t.createOrganization({ membershipStatus });
    await t.sql.query('UPDATE organization SET region_id = $2 WHERE id = $1', [id, regionId]);
    return id;
  }

  it('lets an admin create, read, update, list and delete a region', async () => {
    const created = await adminAgent
      .post('/api/regions')
      .send({ name: '  Pacific Northwest ', states: ['WA', 'OR'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Pacific Northwest',
      states: ['WA', 'OR'],
      organizationCount: 0,
      version: 1,
    });
    const id = created.body.id as string;
    expect(await storedRegion(id)).toMatchObject({
      name: 'Pacific Northwest',
      states: ['WA', 'OR'],
      version: 1,
    });

    const shown = await adminAgent.get(`/api/regions/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(created.body);

    const updated = await adminAgent
      .put(`/api/regions/${id}`)
      .send({ version: 1, states: ['WA', 'OR', 'ID'] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Pacific Northwest', states: ['WA', 'OR', 'ID'], version: 2 });
    expect(await storedRegion(id)).toMatchObject({ states: ['WA', 'OR', 'ID'], version: 2 });

    const listed = await adminAgent
      .get('/api/regions')
      .query({ filter: JSON.stringify({ q: 'pacific', state: 'ID' }), range: '[0,9]' });
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(listed.get('Content-Range')).toBe('regions 0-0/1');

    const stale = await adminAgent.put(`/api/regions/${id}`).send({ version: 1, name: 'Cascadia' });
    expect(stale.status).toBe(409);
    expect(await storedRegion(id)).toMatchObject({ name: 'Pacific Northwest', version: 2 });

    const deleted = await adminAgent.delete(`/api/regions/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, name: 'Pacific Northwest' });
    expect(await storedRegion(id)).toBeUndefined();
    expect((await adminAgent.get(`/api/regions/${id}`)).status).toBe(404);
    expect((await adminAgent.delete(`/api/regions/${id}`)).status).toBe(404);
  });

  it('refuses bad input with 422 on the field', async () => {
    const res = await adminAgent.post('/api/regions').send({ name: '', states: ['ZZ'] });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['name', 'states']);
    const extra = await adminAgent
      .post('/api/regions')
      .send({ name: 'With Extra', states: [], organizationCount: 5 });
    expect(extra.status).toBe(422);
    expect(extra.body.errors).toEqual({ organizationCount: 'is not a field you can set' });
    const { rows } = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM region WHERE name = 'With Extra'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('counts only the active member organizations of a region', async () => {
    const { body: region } = await adminAgent
      .post('/api/regions')
      .send({ name: 'Counted Region', states: ['IL'] });
    const { body: other } = await adminAgent
      .post('/api/regions')
      .send({ name: 'Other Counted Region', states: ['IN'] });
    await orgIn(region.id, 'active');
    await orgIn(region.id, 'active');
    await orgIn(region.id, 'active');
    await orgIn(region.id, 'applicant');
    await orgIn(region.id, 'suspended');
    await orgIn(region.id, 'lapsed');
    await orgIn(other.id, 'active');
    await orgIn(null, 'active');

    expect((await adminAgent.get(`/api/regions/${region.id}`)).body.organizationCount).toBe(3);
    expect((await adminAgent.get(`/api/regions/${other.id}`)).body.organizationCount).toBe(1);
    const listed = await adminAgent
      .get('/api/regions')
      .query({ filter: JSON.stringify({ q: 'Counted Region' }), sort: '["organizationCount","DESC"]' });
    expect(listed.status).toBe(200);
    expect(
      listed.body.map((r: { name: string; organizationCount: number }) => [r.name, r.organizationCount]),
    ).toEqual([
      ['Counted Region', 3],
      ['Other Counted Region', 1],
    ]);
    expect(listed.get('Content-Range')).toBe('regions 0-1/2');
    const asc = await adminAgent
      .get('/api/regions')
      .query({ filter: JSON.stringify({ q: 'Counted Region' }), sort: '["organizationCount","ASC"]' });
    expect(asc.body.map((r: { name: string }) => r.name)).toEqual(['Other Counted Region', 'Counted Region']);

    // Suspending one is seen at once.
    const [suspendedOne] = (
      await t.sql.query<{ id: string }>(
        `SELECT id FROM organization WHERE region_id = $1 AND membership_status = 'active' LIMIT 1`,
        [region.id],
      )
    ).rows;
    await t.sql.query(`UPDATE organization SET membership_status = 'suspended' WHERE id = $1`, [
      suspendedOne.id,
    ]);
    expect((await adminAgent.get(`/api/regions/${region.id}`)).body.organizationCount).toBe(2);
  });

  it('refuses a duplicate name with 409 on name, on create and on rename', async () => {
    expect((await adminAgent.post('/api/regions').send({ name: 'Southwest', states: ['AZ'] })).status).toBe(
      201,
    );
    const dup = await adminAgent.post('/api/regions').send({ name: 'Southwest', states: ['NM'] });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual({ name: 'A region with this name already exists.' });
    const { body: other } = await adminAgent.post('/api/regions').send({ name: 'Southeast', states: ['GA'] });
    const rename = await adminAgent
      .put(`/api/regions/${other.id}`)
      .send({ version: other.version, name: 'Southwest' });
    expect(rename.status).toBe(409);
    expect(rename.body.errors.name).toBe('A region with this name already exists.');
    expect(await storedRegion(other.id)).toMatchObject({ name: 'Southeast', version: 1 });
    const { rows } = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM region WHERE name = 'Southwest'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses to delete a region that still has organizations (even non-active ones) with 409', async () => {
    const { body: region } = await adminAgent
      .post('/api/regions')
      .send({ name: 'Busy Region', states: ['CA'] });
    const orgId = await orgIn(region.id, 'applicant');
    const res = await adminAgent.delete(`/api/regions/${region.id}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('This region still has member organizations; move them first.');
    expect(await storedRegion(region.id)).toMatchObject({ name: 'Busy Region' });
    const { rows } = await t.sql.query('SELECT region_id FROM organization WHERE id = $1', [orgId]);
    expect(rows[0].region_id).toBe(region.id);

    // Once the organization has moved out, the region can go.
    await t.sql.query('UPDATE organization SET region_id = NULL WHERE id = $1', [orgId]);
    expect((await adminAgent.delete(`/api/regions/${region.id}`)).status).toBe(200);
    expect(await storedRegion(region.id)).toBeUndefined();
  });

  it.each<UserRole>(['alliance_organizer', 'org_coordinator', 'org_viewer'])(
    'lets a %s read regions but not write them (403)',
    async (role) => {
      const orgId = role.startsWith('org_') ? await t.createOrganization() : null;
      const agent = await t.as(await t.createUser(role, orgId));
      const { body: region } = await adminAgent
        .post('/api/regions')
        .send({ name: `Read Only For ${role}`, states: ['NY'] });
      const before = await storedRegion(region.id);

      expect((await agent.get('/api/regions')).status).toBe(200);
      expect((await agent.get(`/api/regions/${region.id}`)).status).toBe(200);
      const writes: [string, Response][] = [
        ['POST', await agent.post('/api/regions').send({ name: `Made By ${role}`, states: ['NY'] })],
        [
          'PUT',
          await agent.put(`/api/regions/${region.id}`).send({ version: 1, name: 'Renamed By Non Admin' }),
        ],
        ['DELETE', await agent.delete(`/api/regions/${region.id}`)],
      ];
      expect(writes.map(([method, res]) => [method, res.status])).toEqual([
        ['POST', 403],
        ['PUT', 403],
        ['DELETE', 403],
      ]);
      expect(await storedRegion(region.id)).toEqual(before);
      const { rows } = await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM region WHERE name = $1',
        [`Made By ${role}`],
      );
      expect(rows[0].n).toBe(0);
    },
  );

  it('answers 404 for a region that does not exist', async () => {
    expect((await adminAgent.get(`/api/regions/${randomUUID()}`)).status).toBe(404);
    expect(
      (await adminAgent.put(`/api/regions/${randomUUID()}`).send({ version: 1, name: 'Ghost' })).status,
    ).toBe(404);
  });
});
