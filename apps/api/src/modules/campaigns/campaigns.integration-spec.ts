import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import type { CampaignDetailDto, DemandDto, EndorsementDto } from '@unidos/contracts';
import { startTestApp, type TestContext } from '../../../test/harness';

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const CAMPAIGN_ENTITIES = `('campaign','campaign_goal','demand','endorsement')`;

describe('campaigns, goals, demands and endorsements', () => {
  let t: TestContext;
  let admin: TestAgent;
  let organizer: TestAgent;
  let coordinator: TestAgent;
  let viewer: TestAgent;
  let orgId: string;
  let otherOrgId: string;
  let applicantOrgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    orgId = await t.createOrganization({ name: unique('Endorsing Center'), state: 'IL' });
    otherOrgId = await t.createOrganization({ name: unique('Other Center'), state: 'TX' });
    applicantOrgId = await t.createOrganization({
      name: unique('Applicant Collective'),
      membershipStatus: 'applicant',
    });
    const users = [
      await t.createUser('alliance_admin'),
      await t.createUser('alliance_organizer'),
      await t.createUser('org_coordinator', orgId),
      await t.createUser('org_viewer', orgId),
    ];
    [admin, organizer, coordinator, viewer] = await Promise.all(users.map((u) => t.as(u)));
  });
  afterAll(() => t.close());

  /** How many audit rows exist for an action on an entity. */
  const audited = async (action: string, entityId: string): Promise<number> =>
    (
      await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND entity_id = $2',
        [action, entityId],
      )
    ).rows[0].n;
  /** All audit rows about campaigns, goals, demands and endorsements: refused writes add none. */
  const campaignAuditRows = async (): Promise<number> =>
    (
      await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_type IN ${CAMPAIGN_ENTITIES}`,
      )
    ).rows[0].n;
  const storedCampaign = async (id: string): Promise<Record<string, unknown> | undefined> =>
    (
      await t.sql.query<{ row: Record<string, unknown> }>(
        'SELECT to_jsonb(c) AS row FROM campaign c WHERE id = $1',
        [id],
      )
    ).rows[0]?.row;
  const campaignsNamed = async (name: string): Promise<number> =>
    (await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM campaign WHERE name = $1', [name]))
      .rows[0].n;
  const demandOrder = async (campaignId: string): Promise<{ id: string; position: number }[]> =>
    (
      await t.sql.query<{ id: string; position: number }>(
        'SELECT id, position FROM demand WHERE campaign_id = $1 ORDER BY position',
        [campaignId],
      )
    ).rows;
  const endorsementsOf = async (organizationId: string): Promise<number> =>
    (
      await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM endorsement WHERE organization_id = $1',
        [organizationId],
      )
    ).rows[0].n;

  async function newCampaign(fields: Record<string, unknown> = {}): Promise<CampaignDetailDto> {
    const res = await admin
      .post('/api/campaigns')
      .send({ name: unique('Campaign'), status: 'active', ...fields });
    expect(res.status).toBe(201);
    return res.body as CampaignDetailDto;
  }

  /** Runs refused requests and proves they wrote no audit row. */
  async function refusedWithoutAudit(work: () => Promise<void>): Promise<void> {
    const before = await campaignAuditRows();
    await work();
    expect(await campaignAuditRows()).toBe(before);
  }

  describe('campaigns', () => {
    it('lets alliance roles create, read and edit a campaign, deriving the slug from the name', async () => {
      const name = `Legalización para Todos & Todas ${randomUUID().slice(0, 6)}`;
      const created = await admin.post('/api/campaigns').send({
        name: `  ${name} `,
        summary: 'A national push for legalization.',
        status: 'active',
        startsOn: '2026-03-01',
        endsOn: '2026-11-30',
        leadOrganizationId: orgId,
        goals: [
          { metric: 'doors', target: 50000 },
          { metric: 'calls', target: 20000 },
        ],
        demands: [
          { textEn: 'Legalization for all!', textEs: '¡Legalización para todos!', target: 'Congress' },
          { textEn: 'Stop the repression of migrants!', textEs: '¡Alto a la represión de migrantes!' },
        ],
      });
      expect(created.status).toBe(201);
      const slug = `legalizacion-para-todos-and-todas-${name.slice(-6)}`;
      expect(created.body).toMatchObject({
        name,
        slug,
        status: 'active',
        startsOn: '2026-03-01',
        endsOn: '2026-11-30',
        leadOrganizationId: orgId,
        endorsementCount: 0,
        version: 1,
      });
      expect(created.body.goals.map((g: { metric: string; target: number }) => [g.metric, g.target])).toEqual(
        [
          ['calls', 20000],
          ['doors', 50000],
        ],
      );
      expect(created.body.demands.map((d: DemandDto) => [d.position, d.textEn, d.target, d.status])).toEqual([
        [1, 'Legalization for all!', 'Congress', 'open'],
        [2, 'Stop the repression of migrants!', null, 'open'],
      ]);
      const id = created.body.id as string;
      expect(await storedCampaign(id)).toMatchObject({ name, slug, status: 'active', version: 1 });

      for (const agent of [coordinator, viewer]) {
        const shown = await agent.get(`/api/campaigns/${id}`);
        expect(shown.status).toBe(200);
        expect(shown.body).toMatchObject({
          id,
          slug,
          demands: [expect.objectContaining({ textEs: '¡Legalización para todos!' }), expect.anything()],
        });
      }

      const edited = await organizer
        .put(`/api/campaigns/${id}`)
        .send({ version: 1, summary: 'Updated summary', status: 'won' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ summary: 'Updated summary', status: 'won', slug, version: 2 });

      const renamed = await admin
        .put(`/api/campaigns/${id}`)
        .send({ version: 2, name: `Papeles para Todos ${name.slice(-6)}` });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ slug: `papeles-para-todos-${name.slice(-6)}`, version: 3 });

      const listed = await coordinator
        .get('/api/campaigns')
        .query({ filter: JSON.stringify({ q: 'Papeles para Todos', status: 'won' }) });
      expect(listed.status).toBe(200);
      expect(listed.body.map((c: { id: string }) => c.id)).toEqual([id]);
      expect(listed.get('Content-Range')).toBe('campaigns 0-0/1');

      expect(await audited('campaign.create', id)).toBe(1);
      expect(await audited('campaign.update', id)).toBe(2);
      const { rows } = await t.sql.query(
        `SELECT changed_fields FROM audit_event WHERE action = 'campaign.update' AND entity_id = $1 ORDER BY at`,
        [id],
      );
      expect(rows.map((r) => [...(r.changed_fields as string[])].sort())).toEqual([
        ['status', 'summary'],
        ['name', 'slug'],
      ]);
    });

    it('refuses campaign writes by organization roles with 403 and stores nothing', async () => {
      const campaign = await newCampaign();
      const name = unique('Not Allowed');
      await refusedWithoutAudit(async () => {
        for (const agent of [coordinator, viewer]) {
          expect((await agent.post('/api/campaigns').send({ name })).status).toBe(403);
          expect(
            (await agent.put(`/api/campaigns/${campaign.id}`).send({ version: 1, summary: 'hijacked' }))
              .status,
          ).toBe(403);
          expect(
            (await agent.post(`/api/campaigns/${campaign.id}/demands/order`).send({ ids: [] })).status,
          ).toBe(403);
        }
      });
      expect(await campaignsNamed(name)).toBe(0);
      expect(await storedCampaign(campaign.id)).toMatchObject({ summary: null, version: 1 });
    });

    it('refuses a duplicate name (or one with the same slug) with 409, and an end before the start with 422 on endsOn', async () => {
      const name = unique('Duplicate Drive');
      const first = await newCampaign({ name, startsOn: '2026-05-01', endsOn: '2026-06-01' });
      const other = await newCampaign();
      await refusedWithoutAudit(async () => {
        expect((await admin.post('/api/campaigns').send({ name })).status).toBe(409);
        expect((await admin.post('/api/campaigns').send({ name: `${name.toUpperCase()}!` })).status).toBe(
          409,
        );
        const renamed = await admin.put(`/api/campaigns/${other.id}`).send({ version: 1, name });
        expect(renamed.status).toBe(409);

        const backwards = await admin
          .post('/api/campaigns')
          .send({ name: unique('Backwards'), startsOn: '2026-06-01', endsOn: '2026-05-01' });
        expect(backwards.status).toBe(422);
        expect(backwards.body.errors).toEqual({ endsOn: 'must not be before the start' });
        const moved = await admin
          .put(`/api/campaigns/${first.id}`)
          .send({ version: 1, endsOn: '2026-04-30' });
        expect([moved.status, Object.keys(moved.body.errors)]).toEqual([422, ['endsOn']]);
        const startMoved = await admin
          .put(`/api/campaigns/${first.id}`)
          .send({ version: 1, startsOn: '2026-07-01' });
        expect([startMoved.status, Object.keys(startMoved.body.errors)]).toEqual([422, ['endsOn']]);
        const impossible = await admin
          .post('/api/campaigns')
          .send({ name: unique('Impossible'), startsOn: '2026-02-30' });
        expect([impossible.status, Object.keys(impossible.body.errors)]).toEqual([422, ['startsOn']]);
      });
      expect(await campaignsNamed(name)).toBe(1);
      expect(await storedCampaign(first.id)).toMatchObject({
        starts_on: '2026-05-01',
        ends_on: '2026-06-01',
        version: 1,
      });
      expect(await storedCampaign(other.id)).toMatchObject({ name: other.name, version: 1 });
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaign WHERE name LIKE 'Backwards %' OR name LIKE 'Impossible %'`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('keeps drafts invisible to organization roles and visible to the alliance', async () => {
      const draft = await admin.post('/api/campaigns').send({
        name: unique('Secret Draft'),
        goals: [{ metric: 'calls', target: 100 }],
        demands: [{ textEn: 'Draft demand', textEs: 'Demanda en borrador' }],
      });
      expect(draft.status).toBe(201);
      expect(draft.body.status).toBe('draft');
      const { id } = draft.body as CampaignDetailDto;
      const demandId = draft.body.demands[0].id as string;
      const filter = JSON.stringify({ q: draft.body.name });

      for (const agent of [coordinator, viewer]) {
        expect((await agent.get(`/api/campaigns/${id}`)).status).toBe(404);
        expect((await agent.get(`/api/campaigns/${id}/progress`)).status).toBe(404);
        expect((await agent.get(`/api/demands/${demandId}`)).status).toBe(404);
        const list = await agent.get('/api/campaigns').query({ filter });
        expect([list.body, list.get('Content-Range')]).toEqual([[], 'campaigns 0-0/0']);
        const all = await agent.get('/api/campaigns').query({ range: '[0,99]' });
        expect(all.body.map((c: { id: string }) => c.id)).not.toContain(id);
        expect(
          (await agent.get('/api/demands').query({ filter: JSON.stringify({ campaignId: id }) })).body,
        ).toEqual([]);
        expect(
          (await agent.get('/api/campaign-goals').query({ filter: JSON.stringify({ campaignId: id }) })).body,
        ).toEqual([]);
      }
      for (const agent of [admin, organizer]) {
        expect((await agent.get(`/api/campaigns/${id}`)).body).toMatchObject({
          id,
          status: 'draft',
          goals: [expect.objectContaining({ metric: 'calls' })],
        });
        expect(
          (await agent.get('/api/campaigns').query({ filter })).body.map((c: { id: string }) => c.id),
        ).toEqual([id]);
        expect(
          (await agent.get('/api/demands').query({ filter: JSON.stringify({ campaignId: id }) })).body,
        ).toHaveLength(1);
      }

      expect(
        (await organizer.put(`/api/campaigns/${id}`).send({ version: 1, status: 'active' })).status,
      ).toBe(200);
      expect((await coordinator.get(`/api/campaigns/${id}`)).status).toBe(200);
    });

    it('locks edits optimistically: a stale version is 409 and changes nothing', async () => {
      const campaign = await newCampaign({ summary: 'Original' });
      expect(
        (await admin.put(`/api/campaigns/${campaign.id}`).send({ version: 1, summary: 'First edit' })).status,
      ).toBe(200);
      await refusedWithoutAudit(async () => {
        const stale = await organizer
          .put(`/api/campaigns/${campaign.id}`)
          .send({ version: 1, summary: 'Lost update' });
        expect(stale.status).toBe(409);
        expect(stale.body.errors).toHaveProperty('version');
        const missing = await organizer.put(`/api/campaigns/${campaign.id}`).send({ summary: 'No version' });
        expect([missing.status, Object.keys(missing.body.errors)]).toEqual([422, ['version']]);
      });
      expect(await storedCampaign(campaign.id)).toMatchObject({ summary: 'First edit', version: 2 });
      expect(
        (await admin.put(`/api/campaigns/${randomUUID()}`).send({ version: 1, summary: 'x' })).status,
      ).toBe(404);
    });

    it('refuses unknown and read-only fields with 422 and stores nothing', async () => {
      const campaign = await newCampaign();
      const before = await storedCampaign(campaign.id);
      const readOnly: Record<string, unknown> = {
        id: randomUUID(),
        slug: 'chosen-slug',
        createdAt: '2020-01-01T00:00:00.000Z',
        endorsementCount: 99,
        color: 'red',
      };
      const name = unique('Read Only');
      await refusedWithoutAudit(async () => {
        for (const [field, value] of Object.entries(readOnly)) {
          const put = await admin
            .put(`/api/campaigns/${campaign.id}`)
            .send({ version: 1, summary: 'changed', [field]: value });
          expect([put.status, put.body.errors]).toEqual([422, { [field]: 'is not a field you can set' }]);
          const post = await admin.post('/api/campaigns').send({ name, [field]: value });
          expect([post.status, Object.keys(post.body.errors)]).toEqual([422, [field]]);
        }
      });
      expect(await storedCampaign(campaign.id)).toEqual(before);
      expect(await campaignsNamed(name)).toBe(0);
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaign WHERE slug = 'chosen-slug'`,
      );
      expect(rows[0].n).toBe(0);
    });
  });

  describe('goals', () => {
    it('creates, edits and deletes goals, one per metric', async () => {
      const campaign = await newCampaign({ goals: [{ metric: 'calls', target: 1000 }] });
      const created = await organizer
        .post('/api/campaign-goals')
        .send({ campaignId: campaign.id, metric: 'doors', target: 5000 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        campaignId: campaign.id,
        metric: 'doors',
        target: 5000,
        version: 1,
      });
      const goalId = created.body.id as string;

      await refusedWithoutAudit(async () => {
        const duplicate = await admin
          .post('/api/campaign-goals')
          .send({ campaignId: campaign.id, metric: 'calls', target: 10 });
        expect(duplicate.status).toBe(409);
        expect(duplicate.body.errors).toEqual({
          metric: 'This campaign already has a goal for this metric.',
        });
        const twice = await admin.post('/api/campaigns').send({
          name: unique('Two Call Goals'),
          goals: [
            { metric: 'calls', target: 1 },
            { metric: 'calls', target: 2 },
          ],
        });
        expect([twice.status, Object.keys(twice.body.errors)]).toEqual([422, ['goals']]);
        const zero = await admin
          .post('/api/campaign-goals')
          .send({ campaignId: campaign.id, metric: 'turnout', target: 0 });
        expect([zero.status, Object.keys(zero.body.errors)]).toEqual([422, ['target']]);
        const badMetric = await admin
          .post('/api/campaign-goals')
          .send({ campaignId: campaign.id, metric: 'likes', target: 5 });
        expect([badMetric.status, Object.keys(badMetric.body.errors)]).toEqual([422, ['metric']]);
        const nowhere = await admin
          .post('/api/campaign-goals')
          .send({ campaignId: randomUUID(), metric: 'turnout', target: 5 });
        expect([nowhere.status, Object.keys(nowhere.body.errors)]).toEqual([422, ['campaignId']]);
        expect(
          (
            await coordinator
              .post('/api/campaign-goals')
              .send({ campaignId: campaign.id, metric: 'turnout', target: 5 })
          ).status,
        ).toBe(403);
        expect(
          (await coordinator.put(`/api/campaign-goals/${goalId}`).send({ version: 1, target: 1 })).status,
        ).toBe(403);
        expect((await coordinator.delete(`/api/campaign-goals/${goalId}`)).status).toBe(403);
      });

      const edited = await admin.put(`/api/campaign-goals/${goalId}`).send({ version: 1, target: 7500 });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ target: 7500, version: 2 });
      await refusedWithoutAudit(async () => {
        expect(
          (await admin.put(`/api/campaign-goals/${goalId}`).send({ version: 1, target: 1 })).status,
        ).toBe(409);
      });
      const goals = (
        await admin.get('/api/campaign-goals').query({ filter: JSON.stringify({ campaignId: campaign.id }) })
      ).body;
      expect(goals.map((g: { metric: string; target: number }) => [g.metric, g.target])).toEqual([
        ['calls', 1000],
        ['doors', 7500],
      ]);

      const deleted = await admin.delete(`/api/campaign-goals/${goalId}`);
      expect(deleted.status).toBe(200);
      expect(
        (await admin.get(`/api/campaigns/${campaign.id}`)).body.goals.map(
          (g: { metric: string }) => g.metric,
        ),
      ).toEqual(['calls']);
      expect((await admin.delete(`/api/campaign-goals/${goalId}`)).status).toBe(404);

      expect(await audited('campaign_goal.create', goalId)).toBe(1);
      expect(await audited('campaign_goal.update', goalId)).toBe(1);
      expect(await audited('campaign_goal.delete', goalId)).toBe(1);
      const { rows } = await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM campaign_goal WHERE campaign_id = $1',
        [campaign.id],
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('demands', () => {
    const texts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ textEn: `Demand ${i + 1}`, textEs: `Demanda ${i + 1}` }));

    it('appends a new demand, edits its text and status, and closes the gap when one is deleted', async () => {
      const campaign = await newCampaign({ demands: texts(3) });
      const added = await organizer
        .post('/api/demands')
        .send({
          campaignId: campaign.id,
          textEn: 'Housing for all!',
          textEs: '¡Vivienda para todos!',
          target: 'City Council',
        });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        campaignId: campaign.id,
        position: 4,
        status: 'open',
        target: 'City Council',
        version: 1,
      });

      const second = campaign.demands[1];
      const edited = await admin
        .put(`/api/demands/${second.id}`)
        .send({
          version: 1,
          textEs: '¡Derechos al sustento, la salud y la vivienda!',
          status: 'partially_won',
          target: 'Governor',
        });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        textEn: 'Demand 2',
        textEs: '¡Derechos al sustento, la salud y la vivienda!',
        status: 'partially_won',
        target: 'Governor',
        version: 2,
      });

      await refusedWithoutAudit(async () => {
        const stale = await admin.put(`/api/demands/${second.id}`).send({ version: 1, status: 'won' });
        expect(stale.status).toBe(409);
        const badStatus = await admin.put(`/api/demands/${second.id}`).send({ version: 2, status: 'maybe' });
        expect([badStatus.status, Object.keys(badStatus.body.errors)]).toEqual([422, ['status']]);
        const empty = await admin
          .post('/api/demands')
          .send({ campaignId: campaign.id, textEn: '  ', textEs: 'Algo' });
        expect([empty.status, Object.keys(empty.body.errors)]).toEqual([422, ['textEn']]);
        const noSpanish = await admin
          .post('/api/demands')
          .send({ campaignId: campaign.id, textEn: 'Something' });
        expect([noSpanish.status, Object.keys(noSpanish.body.errors)]).toEqual([422, ['textEs']]);
        const position = await admin.put(`/api/demands/${second.id}`).send({ version: 2, position: 1 });
        expect([position.status, Object.keys(position.body.errors)]).toEqual([422, ['position']]);
        expect(
          (await coordinator.post('/api/demands').send({ campaignId: campaign.id, textEn: 'x', textEs: 'x' }))
            .status,
        ).toBe(403);
        expect(
          (await coordinator.put(`/api/demands/${second.id}`).send({ version: 2, status: 'won' })).status,
        ).toBe(403);
        expect((await coordinator.delete(`/api/demands/${second.id}`)).status).toBe(403);
      });

      const deleted = await admin.delete(`/api/demands/${second.id}`);
      expect(deleted.status).toBe(200);
      expect(await demandOrder(campaign.id)).toEqual([
        { id: campaign.demands[0].id, position: 1 },
        { id: campaign.demands[2].id, position: 2 },
        { id: added.body.id, position: 3 },
      ]);
      const appended = await admin
        .post('/api/demands')
        .send({ campaignId: campaign.id, textEn: 'Fifth', textEs: 'Quinta' });
      expect(appended.body.position).toBe(4);

      expect(await audited('demand.create', added.body.id)).toBe(1);
      expect(await audited('demand.update', second.id)).toBe(1);
      expect(await audited('demand.delete', second.id)).toBe(1);
    });

    it('reorders demands when given every id exactly once, and otherwise changes nothing', async () => {
      const campaign = await newCampaign({ demands: texts(4) });
      const other = await newCampaign({ demands: texts(1) });
      const ids = campaign.demands.map((d) => d.id);
      const order = `/api/campaigns/${campaign.id}/demands/order`;

      await refusedWithoutAudit(async () => {
        const wrongSets = [
          ids.slice(0, 3),
          [...ids.slice(0, 3), other.demands[0].id],
          [...ids, randomUUID()],
          [ids[0], ids[0], ids[1], ids[2]],
        ];
        for (const wrong of wrongSets) {
          const res = await admin.post(order).send({ ids: wrong });
          expect(res.status).toBe(422);
          expect(Object.keys(res.body.errors)).toEqual(['ids']);
        }
        expect(
          (await admin.post(order).send({ ids: [...ids.slice(0, 3), other.demands[0].id] })).body.errors.ids,
        ).toBe('Give every demand of the campaign exactly once.');
        expect((await admin.post(order).send({ ids: ['not-an-id'] })).status).toBe(422);
        expect((await admin.post(`/api/campaigns/${randomUUID()}/demands/order`).send({ ids })).status).toBe(
          404,
        );
      });
      expect(await demandOrder(campaign.id)).toEqual(ids.map((id, i) => ({ id, position: i + 1 })));
      expect(await demandOrder(other.id)).toEqual([{ id: other.demands[0].id, position: 1 }]);

      const wanted = [ids[2], ids[0], ids[3], ids[1]];
      const reordered = await organizer.post(order).send({ ids: wanted });
      expect(reordered.status).toBe(201);
      expect(reordered.body.map((d: DemandDto) => [d.id, d.position])).toEqual(
        wanted.map((id, i) => [id, i + 1]),
      );
      expect(await demandOrder(campaign.id)).toEqual(wanted.map((id, i) => ({ id, position: i + 1 })));
      expect(
        (await coordinator.get(`/api/campaigns/${campaign.id}`)).body.demands.map((d: DemandDto) => d.id),
      ).toEqual(wanted);
      expect(await audited('campaign.reorder_demands', campaign.id)).toBe(1);
    });
  });

  describe('endorsements', () => {
    it('lets a coordinator endorse an active campaign for their own organization, once, and withdraw it', async () => {
      const campaign = await newCampaign();
      const endorsed = await coordinator.post('/api/endorsements').send({ campaignId: campaign.id });
      expect(endorsed.status).toBe(201);
      expect(endorsed.body).toMatchObject({
        campaignId: campaign.id,
        organizationId: orgId,
        role: 'endorser',
        state: 'IL',
        regionId: null,
      });
      expect(endorsed.body.organizationName).toMatch(/^Endorsing Center /);
      expect((await viewer.get(`/api/campaigns/${campaign.id}`)).body.endorsementCount).toBe(1);

      await refusedWithoutAudit(async () => {
        const again = await coordinator
          .post('/api/endorsements')
          .send({ campaignId: campaign.id, role: 'partner' });
        expect(again.status).toBe(409);
        expect(again.body.message).toBe('This organization already endorses this campaign.');
        expect((await viewer.post('/api/endorsements').send({ campaignId: campaign.id })).status).toBe(403);
      });
      expect(
        (await t.sql.query('SELECT role FROM endorsement WHERE campaign_id = $1', [campaign.id])).rows,
      ).toEqual([{ role: 'endorser' }]);

      const withdrawn = await coordinator.delete(`/api/endorsements/${endorsed.body.id}`);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ id: endorsed.body.id, organizationId: orgId });
      expect((await coordinator.get(`/api/endorsements/${endorsed.body.id}`)).status).toBe(404);
      expect((await coordinator.delete(`/api/endorsements/${endorsed.body.id}`)).status).toBe(404);
      expect(await endorsementsOf(orgId)).toBe(0);
      expect(await audited('endorsement.create', endorsed.body.id)).toBe(1);
      expect(await audited('endorsement.withdraw', endorsed.body.id)).toBe(1);
      // Withdrawn, the organization may endorse again.
      expect((await coordinator.post('/api/endorsements').send({ campaignId: campaign.id })).status).toBe(
        201,
      );
    });

    it('refuses a coordinator endorsing a campaign that is not active, for another organization, or as lead', async () => {
      const closed = await newCampaign({ status: 'closed' });
      const won = await newCampaign({ status: 'won' });
      const draft = await newCampaign({ status: 'draft' });
      const active = await newCampaign();
      await refusedWithoutAudit(async () => {
        const onClosed = await coordinator.post('/api/endorsements').send({ campaignId: closed.id });
        expect(onClosed.status).toBe(422);
        expect(onClosed.body.message).toBe(
          'This campaign is not active (closed): it takes no pledges or endorsements.',
        );
        expect(onClosed.body.errors).toEqual({ campaignId: onClosed.body.message });
        const onWon = await coordinator.post('/api/endorsements').send({ campaignId: won.id });
        expect([onWon.status, onWon.body.message]).toEqual([422, expect.stringContaining('(won)')]);
        // An alliance role sees the draft, and is told why.
        const draftByAlliance = await organizer
          .post('/api/endorsements')
          .send({ campaignId: draft.id, organizationId: orgId });
        expect([draftByAlliance.status, draftByAlliance.body.message]).toEqual([
          422,
          expect.stringContaining('(a draft)'),
        ]);
        // A coordinator does not see drafts at all: the answer does not reveal that it exists.
        const draftByCoordinator = await coordinator.post('/api/endorsements').send({ campaignId: draft.id });
        expect([draftByCoordinator.status, draftByCoordinator.body.errors]).toEqual([
          422,
          { campaignId: 'There is no such campaign.' },
        ]);
        const spanish = await coordinator
          .post('/api/endorsements')
          .set('Accept-Language', 'es')
          .send({ campaignId: closed.id });
        expect([spanish.status, spanish.body.message]).toEqual([
          422,
          expect.stringMatching(/^Esta campaña no está activa \(cerrada\)/),
        ]);

        const forOther = await coordinator
          .post('/api/endorsements')
          .send({ campaignId: active.id, organizationId: otherOrgId });
        expect(forOther.status).toBe(404);
        const asLead = await coordinator
          .post('/api/endorsements')
          .send({ campaignId: active.id, role: 'lead' });
        expect(asLead.status).toBe(422);
        expect(asLead.body.errors).toEqual({
          role: "Only the alliance names a campaign's lead organization.",
        });
        const badRole = await coordinator
          .post('/api/endorsements')
          .send({ campaignId: active.id, role: 'sponsor' });
        expect([badRole.status, Object.keys(badRole.body.errors)]).toEqual([422, ['role']]);
        const unknownField = await coordinator
          .post('/api/endorsements')
          .send({ campaignId: active.id, endorsedAt: '2020-01-01' });
        expect([unknownField.status, Object.keys(unknownField.body.errors)]).toEqual([422, ['endorsedAt']]);
      });
      expect(await endorsementsOf(otherOrgId)).toBe(0);
      const { rows } = await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM endorsement WHERE campaign_id = ANY($1)',
        [[closed.id, won.id, draft.id, active.id]],
      );
      expect(rows[0].n).toBe(0);
    });

    it('lets alliance roles endorse for any active member organization, but not an applicant', async () => {
      const campaign = await newCampaign();
      const asLead = await organizer
        .post('/api/endorsements')
        .send({ campaignId: campaign.id, organizationId: otherOrgId, role: 'lead' });
      expect(asLead.status).toBe(201);
      expect(asLead.body).toMatchObject({ organizationId: otherOrgId, role: 'lead', state: 'TX' });
      const forCoordinatorOrg = await admin
        .post('/api/endorsements')
        .send({ campaignId: campaign.id, organizationId: orgId, role: 'partner' });
      expect(forCoordinatorOrg.status).toBe(201);

      await refusedWithoutAudit(async () => {
        const applicant = await admin
          .post('/api/endorsements')
          .send({ campaignId: campaign.id, organizationId: applicantOrgId });
        expect(applicant.status).toBe(422);
        expect(applicant.body.errors).toEqual({
          organizationId: 'Only active member organizations can do this.',
        });
        const nobody = await admin.post('/api/endorsements').send({ campaignId: campaign.id });
        expect([nobody.status, Object.keys(nobody.body.errors)]).toEqual([422, ['organizationId']]);
        const unknown = await admin
          .post('/api/endorsements')
          .send({ campaignId: campaign.id, organizationId: randomUUID() });
        expect([unknown.status, Object.keys(unknown.body.errors)]).toEqual([422, ['organizationId']]);
        // A coordinator cannot withdraw another organization's endorsement; its id tells them nothing.
        expect((await coordinator.delete(`/api/endorsements/${asLead.body.id}`)).status).toBe(404);
        expect((await viewer.delete(`/api/endorsements/${forCoordinatorOrg.body.id}`)).status).toBe(403);
      });
      expect(await endorsementsOf(applicantOrgId)).toBe(0);
      expect((await t.sql.query('SELECT 1 FROM endorsement WHERE id = $1', [asLead.body.id])).rowCount).toBe(
        1,
      );

      expect((await organizer.delete(`/api/endorsements/${forCoordinatorOrg.body.id}`)).status).toBe(200);
      expect(await audited('endorsement.create', asLead.body.id)).toBe(1);
      expect(await audited('endorsement.withdraw', forCoordinatorOrg.body.id)).toBe(1);
      expect((await admin.get(`/api/campaigns/${campaign.id}`)).body.endorsementCount).toBe(1);
    });

    it('lists the endorsing organizations with their region, filterable by campaign, region and state', async () => {
      const { rows: regions } = await t.sql.query<{ id: string }>(
        `INSERT INTO region (name, states) VALUES ($1, '{IL,WI}'), ($2, '{CA}') RETURNING id`,
        [unique('Midwest'), unique('West')],
      );
      const [midwest, west] = regions.map((r) => r.id);
      const orgIn = async (name: string, state: string, regionId: string) => {
        const id = await t.createOrganization({ name: unique(name), state });
        await t.sql.query('UPDATE organization SET region_id = $2 WHERE id = $1', [id, regionId]);
        return id;
      };
      const a = await orgIn('Aurora Workers', 'IL', midwest);
      const b = await orgIn('Badger Solidarity', 'WI', midwest);
      const c = await orgIn('Central Valley Rapid Response', 'CA', west);
      const campaign = await newCampaign();
      const second = await newCampaign();
      for (const id of [c, a, b])
        expect(
          (await organizer.post('/api/endorsements').send({ campaignId: campaign.id, organizationId: id }))
            .status,
        ).toBe(201);
      expect(
        (await organizer.post('/api/endorsements').send({ campaignId: second.id, organizationId: a })).status,
      ).toBe(201);

      const byCampaign = await coordinator
        .get('/api/endorsements')
        .query({ filter: JSON.stringify({ campaignId: campaign.id }), range: '[0,24]' });
      expect(byCampaign.status).toBe(200);
      expect(byCampaign.get('Content-Range')).toBe('endorsements 0-2/3');
      expect(byCampaign.body.map((e: EndorsementDto) => [e.organizationId, e.regionId, e.state])).toEqual([
        [a, midwest, 'IL'],
        [b, midwest, 'WI'],
        [c, west, 'CA'],
      ]);
      expect(byCampaign.body[0].organizationName).toMatch(/^Aurora Workers /);

      const list = async (filter: Record<string, unknown>) =>
        (await viewer.get('/api/endorsements').query({ filter: JSON.stringify(filter) })).body.map(
          (e: EndorsementDto) => e.organizationId,
        );
      expect(await list({ campaignId: campaign.id, regionId: midwest })).toEqual([a, b]);
      expect(await list({ campaignId: campaign.id, state: 'CA' })).toEqual([c]);
      expect(await list({ campaignId: campaign.id, state: ['IL', 'CA'] })).toEqual([a, c]);
      expect(await list({ regionId: midwest })).toEqual([a, a, b]);
      expect(await list({ regionId: west })).toEqual([c]);
      expect(await list({ organizationId: a })).toHaveLength(2);
      const sorted = await viewer
        .get('/api/endorsements')
        .query({ filter: JSON.stringify({ campaignId: campaign.id }), sort: '["state","DESC"]' });
      expect(sorted.body.map((e: EndorsementDto) => e.state)).toEqual(['WI', 'IL', 'CA']);
      expect(
        (await viewer.get('/api/endorsements').query({ filter: JSON.stringify({ color: 'red' }) })).status,
      ).toBe(422);
      expect(
        (await viewer.get('/api/endorsements').query({ filter: JSON.stringify({ regionId: 'midwest' }) }))
          .status,
      ).toBe(422);

      // Back to draft, the campaign's endorsements disappear for organization roles.
      expect(
        (await admin.put(`/api/campaigns/${second.id}`).send({ version: 1, status: 'draft' })).status,
      ).toBe(200);
      expect(await list({ organizationId: a })).toEqual([a]);
      expect(
        (await admin.get('/api/endorsements').query({ filter: JSON.stringify({ organizationId: a }) })).body,
      ).toHaveLength(2);
    });
  });
});
