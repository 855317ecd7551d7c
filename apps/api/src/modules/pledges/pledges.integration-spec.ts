import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

describe('campaigns, pledges and progress', () => {
  let t: TestContext;
  let admin: TestUser;
  let coordinator: TestUser;
  let orgId: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
    orgId = await t.createOrganization({ name: 'Pledging Worker Center' });
    coordinator = await t.createUser('org_coordinator', orgId);
    const a = await t.as(admin);
    const res = await a.post('/api/campaigns').send({
      name: 'Grassroots Migrants Agenda',
      status: 'active',
      goals: [
        { metric: 'calls', target: 20000 },
        { metric: 'doors', target: 50000 },
      ],
      demands: [
        { textEn: 'End forced migration and imperialist war!', textEs: '¡Alto a la migración forzada y la guerra imperialista!' },
        { textEn: 'Legalization for all!', textEs: '¡Legalización para todos!' },
      ],
    });
    expect(res.status).toBe(201);
    campaignId = res.body.id;
  });
  afterAll(() => t.close());

  it('lets a coordinator endorse, pledge 500 calls, report 200, and see 40% and the campaign total move', async () => {
    const c = await t.as(coordinator);
    expect((await c.post('/api/endorsements').send({ campaignId })).status).toBe(201);
    const pledge = await c.post('/api/pledges').send({ campaignId, metric: 'calls', quantity: 500, dueOn: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10) });
    expect(pledge.status).toBe(201);
    expect(pledge.body).toMatchObject({ organizationId: orgId, quantity: 500, reported: 0, status: 'open' });
    const report = await c.post('/api/pledge-reports').send({ pledgeId: pledge.body.id, quantity: 200 });
    expect(report.status).toBe(201);
    const after = await c.get(`/api/pledges/${pledge.body.id}`);
    expect(after.body).toMatchObject({ reported: 200, percent: 40, status: 'open' });
    const progress = await c.get(`/api/campaigns/${campaignId}/progress`);
    expect(progress.body.goals).toEqual(
      expect.arrayContaining([expect.objectContaining({ metric: 'calls', target: 20000, pledged: 500, reported: 200 })]),
    );
    expect(progress.body.organizations).toEqual([expect.objectContaining({ organizationId: orgId, metric: 'calls', pledged: 500, reported: 200, percent: 40 })]);
  });

  it('keeps totals exact under 200 concurrent reports on one pledge', async () => {
    const c = await t.as(coordinator);
    const { body: pledge } = await c.post('/api/pledges').send({ campaignId, metric: 'doors', quantity: 1000 });
    const results = await Promise.all(Array.from({ length: 200 }, () => c.post('/api/pledge-reports').send({ pledgeId: pledge.id, quantity: 3 })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(200);
    const { rows } = await t.sql.query('SELECT reported, (SELECT sum(quantity) FROM pledge_report WHERE pledge_id = $1) AS sum FROM pledge WHERE id = $1', [pledge.id]);
    expect(Number(rows[0].reported)).toBe(600);
    expect(Number(rows[0].sum)).toBe(600);
  });

  it('refuses bad pledges clearly and stores nothing', async () => {
    const c = await t.as(coordinator);
    const before = await t.sql.query('SELECT count(*)::int AS n FROM pledge');
    const bad = [
      [{ campaignId, metric: 'calls', quantity: -5 }, 'quantity'],
      [{ campaignId, metric: 'calls', quantity: 2.5 }, 'quantity'],
      [{ campaignId, metric: 'signatures', quantity: 10 }, 'metric'],
      [{ campaignId, metric: 'calls', quantity: 10, dueOn: '2999-01-01' }, 'dueOn'],
      [{ campaignId, metric: 'calls', quantity: 10, dueOn: '2026-02-30' }, 'dueOn'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await c.post('/api/pledges').send(body);
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([422, [field]]);
    }
    const draft = await (await t.as(admin)).post('/api/campaigns').send({ name: 'Draft Drive', goals: [{ metric: 'calls', target: 10 }] });
    const onDraft = await c.post('/api/pledges').send({ campaignId: draft.body.id, metric: 'calls', quantity: 10 });
    expect(onDraft.status).toBe(422);
    const other = await t.createOrganization({ name: 'Somebody Else' });
    expect((await c.post('/api/pledges').send({ campaignId, organizationId: other, metric: 'calls', quantity: 10 })).status).toBe(404);
    const after = await t.sql.query('SELECT count(*)::int AS n FROM pledge');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('keeps reports append-only: no edit, no delete, corrections as new entries', async () => {
    const c = await t.as(coordinator);
    const { body: pledge } = await c.post('/api/pledges').send({ campaignId, metric: 'calls', quantity: 100 });
    const { body: report } = await c.post('/api/pledge-reports').send({ pledgeId: pledge.id, quantity: 100 });
    expect((await c.get(`/api/pledges/${pledge.id}`)).body.status).toBe('fulfilled');
    expect((await c.put(`/api/pledge-reports/${report.id}`).send({ quantity: 1 })).status).toBe(404);
    expect((await c.delete(`/api/pledge-reports/${report.id}`)).status).toBe(404);
    expect((await c.post('/api/pledge-reports').send({ pledgeId: pledge.id, quantity: -10 })).status).toBe(422);
    expect((await c.post('/api/pledge-reports').send({ pledgeId: pledge.id, quantity: -10, note: 'double counted' })).status).toBe(201);
    expect((await c.get(`/api/pledges/${pledge.id}`)).body).toMatchObject({ reported: 90, status: 'open' });
    expect((await c.post('/api/pledge-reports').send({ pledgeId: pledge.id, quantity: -500, note: 'too much' })).status).toBe(422);
    await expect(t.sql.query('UPDATE pledge_report SET quantity = 1 WHERE id = $1', [report.id])).rejects.toThrow(/append-only/);
  });

  it('takes public offers on the campaign form and turns an accepted one into a pledge', async () => {
    const { body: campaign } = await t.http().get(`/api/public/campaigns/grassroots-migrants-agenda`);
    expect(campaign.demands).toHaveLength(2);
    const offer = await t.http().post('/api/public/campaigns/grassroots-migrants-agenda/pledges').send({
      organizationName: 'New Neighbors Collective',
      contactName: 'Ana',
      contactEmail: 'ana@example.org',
      metric: 'doors',
      quantity: 300,
    });
    expect(offer.status).toBe(201);
    const { rows } = await t.sql.query(`SELECT row_to_json(pledge_offer)::text AS row FROM pledge_offer WHERE id = $1`, [offer.body.id]);
    expect(rows[0].row).not.toContain('ana@example.org');
    const a = await t.as(admin);
    const shown = await a.get(`/api/pledge-offers/${offer.body.id}`);
    expect(shown.body).toMatchObject({ contactEmail: 'ana@example.org', status: 'pending' });
    const accepted = await a.post(`/api/pledge-offers/${offer.body.id}/accept`).send({ version: shown.body.version, organizationId: orgId });
    expect(accepted.status).toBe(200);
    expect(accepted.body.pledgeId).toBeTruthy();
    const pledge = await a.get(`/api/pledges/${accepted.body.pledgeId}`);
    expect(pledge.body).toMatchObject({ organizationId: orgId, metric: 'doors', quantity: 300 });
  });
});
