import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import type { CampaignProgressDto, PledgeDto, PledgeReportDto } from '@unidos/contracts';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
/** A date `n` days from today (UTC), as the API takes it. */
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const cents = (n: number) => Math.round(n * 100);

describe('pledge rules, fulfilment and progress', () => {
  let t: TestContext;
  let admin: TestAgent;
  let organizer: TestAgent;
  let coordinator: TestAgent;
  let viewer: TestAgent;
  let otherCoordinator: TestAgent;
  let orgId: string;
  let otherOrgId: string;
  let applicantOrgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    orgId = await t.createOrganization({ name: unique('Rules Worker Center') });
    otherOrgId = await t.createOrganization({ name: unique('Rules Other Center') });
    applicantOrgId = await t.createOrganization({
      name: unique('Rules Applicant'),
      membershipStatus: 'applicant',
    });
    const users = [
      await t.createUser('alliance_admin'),
      await t.createUser('alliance_organizer'),
      await t.createUser('org_coordinator', orgId),
      await t.createUser('org_viewer', orgId),
      await t.createUser('org_coordinator', otherOrgId),
    ];
    [admin, organizer, coordinator, viewer, otherCoordinator] = await Promise.all(users.map((u) => t.as(u)));
  });
  afterAll(() => t.close());

  async function newCampaign(
    fields: Record<string, unknown> = {},
  ): Promise<{ id: string; demands: { id: string }[] }> {
    const res = await admin.post('/api/campaigns').send({
      name: unique('Pledge Drive'),
      status: 'active',
      goals: [
        { metric: 'calls', target: 20000 },
        { metric: 'doors', target: 5000 },
        { metric: 'dollars', target: 10000 },
      ],
      demands: [{ textEn: 'Legalization for all!', textEs: '¡Legalización para todos!' }],
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function pledge(agent: TestAgent, fields: Record<string, unknown>): Promise<PledgeDto> {
    const res = await agent.post('/api/pledges').send(fields);
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return res.body as PledgeDto;
  }

  async function report(agent: TestAgent, fields: Record<string, unknown>): Promise<PledgeReportDto> {
    const res = await agent.post('/api/pledge-reports').send(fields);
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return res.body as PledgeReportDto;
  }

  /**
   * A coordinator of the organization whose password hash uses the lightest argon2id settings, so
   * that 50 people signing in at once does not dominate the spec's run time.
   */
  let cheapHash: Promise<string> | null = null;
  async function coordinatorOf(organizationId: string): Promise<TestUser> {
    const password = 'correct horse battery staple';
    cheapHash ??= argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: 1024,
      timeCost: 1,
      parallelism: 1,
    });
    const email = `coordinator.${randomUUID().slice(0, 8)}@test.unidos.local`;
    const { rows } = await t.sql.query<{ id: string }>(
      `INSERT INTO "user" (email, display_name, password_hash, role, organization_id) VALUES ($1, 'Coordinator', $2, 'org_coordinator', $3) RETURNING id`,
      [email, await cheapHash, organizationId],
    );
    return { id: rows[0].id, email, password, role: 'org_coordinator', organizationId };
  }

  /** Everything a refused pledge or report could have changed. */
  const snapshot = async () =>
    (
      await t.sql.query(
        `SELECT (SELECT count(*)::int FROM pledge) AS pledges,
                (SELECT COALESCE(sum(quantity), 0)::text FROM pledge) AS pledged,
                (SELECT COALESCE(sum(reported), 0)::text FROM pledge) AS reported,
                (SELECT string_agg(id::text || status || version, ',' ORDER BY id) FROM pledge) AS states,
                (SELECT count(*)::int FROM pledge_report) AS reports,
                (SELECT COALESCE(sum(quantity), 0)::text FROM pledge_report) AS report_sum,
                (SELECT count(*)::int FROM audit_event WHERE entity_type IN ('pledge', 'pledge_report')) AS audit`,
      )
    ).rows[0];

  describe('bad input', () => {
    it('refuses a bad pledge with 422 on the field, a person-readable message, and changes nothing', async () => {
      const campaign = await newCampaign();
      const other = await newCampaign();
      const closed = await newCampaign({ status: 'closed' });
      const won = await newCampaign({ status: 'won' });
      const draft = await newCampaign({ status: 'draft' });
      const base = { campaignId: campaign.id, metric: 'calls', quantity: 10 };
      const cases: [string, Record<string, unknown>, string, string | RegExp][] = [
        ['negative', { quantity: -5 }, 'quantity', /./],
        ['zero', { quantity: 0 }, 'quantity', /./],
        [
          'fractional calls',
          { quantity: 12.5 },
          'quantity',
          'must be a whole number (only dollars allow cents)',
        ],
        [
          'fractional doors',
          { metric: 'doors', quantity: 0.5 },
          'quantity',
          'must be a whole number (only dollars allow cents)',
        ],
        ['fractions of a cent', { metric: 'dollars', quantity: 12.505 }, 'quantity', /./],
        ['text quantity', { quantity: '10' }, 'quantity', /./],
        ['no quantity', { quantity: undefined }, 'quantity', /./],
        ['huge quantity', { quantity: 1e12 }, 'quantity', /at most/],
        ['impossible date', { dueOn: '2026-02-30' }, 'dueOn', /./],
        ['not a date', { dueOn: 'next friday' }, 'dueOn', /./],
        ['far past', { dueOn: days(-800) }, 'dueOn', /^must be between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d$/],
        ['far future', { dueOn: days(6 * 366) }, 'dueOn', /^must be between /],
        [
          'metric not a goal',
          { metric: 'signatures' },
          'metric',
          'must be one of the campaign\'s goals or "other" (calls, dollars, doors, other)',
        ],
        ['unknown metric', { metric: 'likes' }, 'metric', 'must be one of the allowed values'],
        [
          'demand of another campaign',
          { demandId: other.demands[0].id },
          'demandId',
          "This demand is not one of the campaign's.",
        ],
        [
          'unknown demand',
          { demandId: randomUUID() },
          'demandId',
          "This demand is not one of the campaign's.",
        ],
        ['unknown campaign', { campaignId: randomUUID() }, 'campaignId', 'There is no such campaign.'],
        [
          'closed campaign',
          { campaignId: closed.id },
          'campaignId',
          'This campaign is not active (closed): it takes no pledges or endorsements.',
        ],
        [
          'won campaign',
          { campaignId: won.id },
          'campaignId',
          'This campaign is not active (won): it takes no pledges or endorsements.',
        ],
        ['draft campaign', { campaignId: draft.id }, 'campaignId', 'There is no such campaign.'],
        ['read-only status', { status: 'fulfilled' }, 'status', 'is not a field you can set'],
        ['read-only reported', { reported: 10 }, 'reported', 'is not a field you can set'],
      ];
      const before = await snapshot();
      for (const [name, change, field, message] of cases) {
        const res = await coordinator.post('/api/pledges').send({ ...base, ...change });
        expect({ name, status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({
          name,
          status: 422,
          fields: [field],
        });
        expect({ name, message: res.body.errors[field] }).toEqual({
          name,
          message: typeof message === 'string' ? message : expect.stringMatching(message),
        });
      }
      // Alliance roles see drafts, and are told why a draft takes no pledges.
      const onDraft = await organizer
        .post('/api/pledges')
        .send({ ...base, campaignId: draft.id, organizationId: orgId });
      expect([onDraft.status, onDraft.body.errors]).toEqual([
        422,
        { campaignId: expect.stringContaining('(a draft)') },
      ]);
      const spanish = await coordinator
        .post('/api/pledges')
        .set('Accept-Language', 'es')
        .send({ ...base, quantity: 2.5 });
      expect(spanish.body.errors).toEqual({
        quantity: 'debe ser un número entero (solo los dólares admiten centavos)',
      });
      // Another organization's pledge: its existence is not confirmed. A viewer writes nothing.
      expect(
        (await coordinator.post('/api/pledges').send({ ...base, organizationId: otherOrgId })).status,
      ).toBe(404);
      expect((await viewer.post('/api/pledges').send(base)).status).toBe(403);
      const noOrg = await admin.post('/api/pledges').send(base);
      expect([noOrg.status, Object.keys(noOrg.body.errors)]).toEqual([422, ['organizationId']]);
      const applicant = await admin.post('/api/pledges').send({ ...base, organizationId: applicantOrgId });
      expect([applicant.status, applicant.body.errors]).toEqual([
        422,
        { organizationId: 'Only active member organizations can do this.' },
      ]);
      expect(await snapshot()).toEqual(before);

      const dollars = await pledge(coordinator, {
        ...base,
        metric: 'dollars',
        quantity: 12.5,
        dueOn: days(30),
        note: 'Bake sale',
      });
      expect(dollars).toMatchObject({
        organizationId: orgId,
        metric: 'dollars',
        quantity: 12.5,
        status: 'open',
        overdue: false,
      });
      expect(
        (await t.sql.query('SELECT quantity::text FROM pledge WHERE id = $1', [dollars.id])).rows[0].quantity,
      ).toBe('12.50');
      const withCents = await pledge(coordinator, { ...base, metric: 'dollars', quantity: 250.75 });
      expect(withCents.quantity).toBe(250.75);
      expect(
        await pledge(coordinator, {
          ...base,
          metric: 'other',
          quantity: 3,
          note: 'Know-your-rights trainings',
        }),
      ).toMatchObject({ metric: 'other' });
      expect(
        await pledge(coordinator, { ...base, demandId: campaign.demands[0].id, dueOn: days(365) }),
      ).toMatchObject({ demandId: campaign.demands[0].id });
      expect(await pledge(organizer, { ...base, organizationId: otherOrgId })).toMatchObject({
        organizationId: otherOrgId,
      });
      const { rows } = await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'pledge.create' AND entity_id = $1`,
        [dollars.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('refuses bad reports: another organization, the future, corrections without a note, and changes nothing', async () => {
      const campaign = await newCampaign();
      const calls = await pledge(coordinator, { campaignId: campaign.id, metric: 'calls', quantity: 100 });
      const dollars = await pledge(coordinator, {
        campaignId: campaign.id,
        metric: 'dollars',
        quantity: 100,
      });
      await report(coordinator, { pledgeId: calls.id, quantity: 10 });
      const before = await snapshot();
      const cases: [string, Record<string, unknown>, string, string | RegExp][] = [
        ['in the future', { quantity: 5, reportedOn: days(3) }, 'reportedOn', 'must not be in the future'],
        [
          'too old',
          { quantity: 5, reportedOn: days(-800) },
          'reportedOn',
          'is too far in the past (at most two years)',
        ],
        ['impossible date', { quantity: 5, reportedOn: '2026-02-30' }, 'reportedOn', /./],
        [
          'correction without a note',
          { quantity: -5 },
          'note',
          'A correction (a negative quantity) needs a note saying why.',
        ],
        ['correction with a blank note', { quantity: -5, note: '   ' }, 'note', /needs a note/],
        [
          'correction below zero',
          { quantity: -11, note: 'counted twice' },
          'quantity',
          "This correction would take the pledge's total below zero.",
        ],
        ['zero', { quantity: 0 }, 'quantity', /./],
        [
          'fractional calls',
          { quantity: 2.5 },
          'quantity',
          'must be a whole number (only dollars allow cents)',
        ],
        [
          'read-only reportedBy',
          { quantity: 1, reportedBy: randomUUID() },
          'reportedBy',
          'is not a field you can set',
        ],
      ];
      for (const [name, change, field, message] of cases) {
        const res = await coordinator.post('/api/pledge-reports').send({ pledgeId: calls.id, ...change });
        expect({ name, status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({
          name,
          status: 422,
          fields: [field],
        });
        expect({ name, message: res.body.errors[field] }).toEqual({
          name,
          message: typeof message === 'string' ? message : expect.stringMatching(message),
        });
      }
      expect(
        (await otherCoordinator.post('/api/pledge-reports').send({ pledgeId: calls.id, quantity: 5 })).status,
      ).toBe(404);
      expect(
        (await viewer.post('/api/pledge-reports').send({ pledgeId: calls.id, quantity: 5 })).status,
      ).toBe(403);
      expect(
        (await coordinator.post('/api/pledge-reports').send({ pledgeId: randomUUID(), quantity: 5 })).status,
      ).toBe(404);
      expect(await snapshot()).toEqual(before);

      const cents = await report(coordinator, { pledgeId: dollars.id, quantity: 0.25, reportedOn: days(-1) });
      expect(cents).toMatchObject({
        quantity: 0.25,
        reportedOn: days(-1),
        organizationId: orgId,
        campaignId: campaign.id,
      });
      const correction = await report(coordinator, {
        pledgeId: calls.id,
        quantity: -4,
        note: 'Counted one shift twice',
      });
      expect(correction).toMatchObject({ quantity: -4, note: 'Counted one shift twice' });
      expect(await report(admin, { pledgeId: calls.id, quantity: 1 })).toMatchObject({
        organizationId: orgId,
      });
      expect((await coordinator.get(`/api/pledges/${calls.id}`)).body).toMatchObject({
        reported: 7,
        status: 'open',
      });
      const { rows } = await t.sql.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [
        correction.id,
      ]);
      expect(rows).toEqual([{ action: 'pledge_report.correct' }]);
    });
  });

  describe('changing a pledge', () => {
    it('re-derives fulfilled/open from the quantity, refuses reports while cancelled, and reopens', async () => {
      const campaign = await newCampaign();
      const p = await pledge(coordinator, {
        campaignId: campaign.id,
        metric: 'calls',
        quantity: 100,
        dueOn: days(20),
      });
      await report(coordinator, { pledgeId: p.id, quantity: 60 });
      const put = (agent: TestAgent, body: Record<string, unknown>) =>
        agent.put(`/api/pledges/${p.id}`).send(body);

      const lowered = await put(coordinator, { version: 1, quantity: 50 });
      expect(lowered.status).toBe(200);
      expect(lowered.body).toMatchObject({
        quantity: 50,
        reported: 60,
        percent: 120,
        status: 'fulfilled',
        version: 2,
      });
      const raised = await put(coordinator, { version: 2, quantity: 80 });
      expect(raised.body).toMatchObject({ quantity: 80, status: 'open', percent: 75, version: 3 });

      const foreignDemand = (await newCampaign()).demands[0].id;
      const before = await snapshot();
      const refused: [Record<string, unknown>, number, string | null][] = [
        [{ version: 3, quantity: 12.5 }, 422, 'quantity'],
        [{ version: 3, quantity: 0 }, 422, 'quantity'],
        [{ version: 3, dueOn: '2026-02-30' }, 422, 'dueOn'],
        [{ version: 3, dueOn: days(6 * 366) }, 422, 'dueOn'],
        [{ version: 3, status: 'fulfilled' }, 422, 'status'],
        [{ version: 3, reported: 80 }, 422, 'reported'],
        [{ version: 3, metric: 'doors' }, 422, 'metric'],
        [{ version: 3, organizationId: otherOrgId }, 422, 'organizationId'],
        [{ version: 3, demandId: foreignDemand }, 422, 'demandId'],
        [{ quantity: 90 }, 422, 'version'],
        [{ version: 2, quantity: 90 }, 409, 'version'],
      ];
      for (const [body, status, field] of refused) {
        const res = await put(coordinator, body);
        expect({ body, status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({
          body,
          status,
          fields: field ? [field] : [],
        });
      }
      expect((await put(otherCoordinator, { version: 3, status: 'cancelled' })).status).toBe(404);
      expect((await put(viewer, { version: 3, status: 'cancelled' })).status).toBe(403);
      expect(await snapshot()).toEqual(before);

      const cancelled = await put(coordinator, { version: 3, status: 'cancelled' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', reported: 60, overdue: false });
      const onCancelled = await coordinator.post('/api/pledge-reports').send({ pledgeId: p.id, quantity: 5 });
      expect([onCancelled.status, onCancelled.body.errors]).toEqual([
        422,
        { pledgeId: 'This pledge is cancelled: reopen it before reporting.' },
      ]);
      expect(
        (await t.sql.query('SELECT count(*)::int AS n FROM pledge_report WHERE pledge_id = $1', [p.id]))
          .rows[0].n,
      ).toBe(1);
      expect(
        (await coordinator.get(`/api/campaigns/${campaign.id}/progress`)).body.goals.find(
          (g: { metric: string }) => g.metric === 'calls',
        ),
      ).toMatchObject({
        pledged: 0,
        reported: 0,
        pledges: 0,
      });

      const reopened = await put(coordinator, { version: 4, status: 'open' });
      expect(reopened.body).toMatchObject({ status: 'open', reported: 60, version: 5 });
      await report(coordinator, { pledgeId: p.id, quantity: 20 });
      expect((await coordinator.get(`/api/pledges/${p.id}`)).body).toMatchObject({
        status: 'fulfilled',
        reported: 80,
        percent: 100,
      });
      const alliance = await put(organizer, { version: 5, note: 'Confirmed by phone' });
      expect(alliance.body).toMatchObject({ note: 'Confirmed by phone', status: 'fulfilled' });

      const { rows } = await t.sql.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [
        p.id,
      ]);
      expect(rows.map((r) => r.action)).toEqual([
        'pledge.create',
        'pledge.update',
        'pledge.update',
        'pledge.cancel',
        'pledge.update',
        'pledge.update',
      ]);
    });

    it('marks an open pledge past its due date as overdue, in the pledge, the overdue filter and the campaign progress', async () => {
      const campaign = await newCampaign();
      const overdue = await pledge(coordinator, {
        campaignId: campaign.id,
        metric: 'calls',
        quantity: 50,
        dueOn: days(-3),
      });
      const fulfilled = await pledge(coordinator, {
        campaignId: campaign.id,
        metric: 'doors',
        quantity: 10,
        dueOn: days(-3),
      });
      await report(coordinator, { pledgeId: fulfilled.id, quantity: 10 });
      const cancelled = await pledge(organizer, {
        campaignId: campaign.id,
        organizationId: otherOrgId,
        metric: 'calls',
        quantity: 5,
        dueOn: days(-3),
      });
      expect(
        (await organizer.put(`/api/pledges/${cancelled.id}`).send({ version: 1, status: 'cancelled' }))
          .status,
      ).toBe(200);
      const upcoming = await pledge(coordinator, {
        campaignId: campaign.id,
        metric: 'calls',
        quantity: 50,
        dueOn: days(10),
      });
      const undated = await pledge(coordinator, { campaignId: campaign.id, metric: 'calls', quantity: 50 });
      await report(coordinator, { pledgeId: overdue.id, quantity: 20 });

      expect((await viewer.get(`/api/pledges/${overdue.id}`)).body).toMatchObject({
        overdue: true,
        status: 'open',
        reported: 20,
      });
      for (const id of [fulfilled.id, cancelled.id, upcoming.id, undated.id]) {
        expect((await viewer.get(`/api/pledges/${id}`)).body.overdue).toBe(false);
      }
      const list = async (filter: Record<string, unknown>) => {
        const res = await viewer
          .get('/api/pledges')
          .query({ filter: JSON.stringify({ campaignId: campaign.id, ...filter }) });
        expect(res.status).toBe(200);
        return res.body.map((p: PledgeDto) => p.id).sort();
      };
      expect(await list({ overdue: true })).toEqual([overdue.id]);
      expect(await list({ overdue: false })).toEqual(
        [fulfilled.id, cancelled.id, upcoming.id, undated.id].sort(),
      );
      expect(
        (await viewer.get('/api/pledges').query({ filter: JSON.stringify({ overdue: 'yes' }) })).status,
      ).toBe(422);

      const progress = (await viewer.get(`/api/campaigns/${campaign.id}/progress`))
        .body as CampaignProgressDto;
      expect(progress.overdue.map((p) => p.id)).toEqual([overdue.id]);
      expect(progress.overdue[0]).toMatchObject({ overdue: true, organizationId: orgId, dueOn: days(-3) });

      // Fulfilling it, it is no longer overdue.
      await report(coordinator, { pledgeId: overdue.id, quantity: 30 });
      expect(await list({ overdue: true })).toEqual([]);
      expect(
        ((await viewer.get(`/api/campaigns/${campaign.id}/progress`)).body as CampaignProgressDto).overdue,
      ).toEqual([]);
    });
  });

  describe('reports', () => {
    let campaignId: string;
    let mine: PledgeDto;
    let theirs: PledgeDto;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      campaignId = (await newCampaign()).id;
      mine = await pledge(coordinator, {
        campaignId,
        metric: 'calls',
        quantity: 100,
        note: '=HYPERLINK("http://evil")',
      });
      theirs = await pledge(otherCoordinator, { campaignId, metric: 'doors', quantity: 40 });
      ids.old = (await report(coordinator, { pledgeId: mine.id, quantity: 5, reportedOn: days(-10) })).id;
      ids.mid = (
        await report(coordinator, {
          pledgeId: mine.id,
          quantity: 7,
          reportedOn: days(-5),
          note: '=SUM(A1:A9)',
        })
      ).id;
      ids.today = (await report(coordinator, { pledgeId: mine.id, quantity: 3 })).id;
      ids.theirs = (
        await report(otherCoordinator, { pledgeId: theirs.id, quantity: 4, reportedOn: days(-5) })
      ).id;
    });

    it('lists reports filtered by pledge, campaign, organization and dates, with Content-Range', async () => {
      const list = async (filter: Record<string, unknown>, range = '[0,24]') => {
        const res = await viewer.get('/api/pledge-reports').query({ filter: JSON.stringify(filter), range });
        expect(res.status).toBe(200);
        return {
          ids: res.body.map((r: PledgeReportDto) => r.id),
          range: res.get('Content-Range'),
          body: res.body as PledgeReportDto[],
        };
      };
      const byPledge = await list({ pledgeId: mine.id });
      expect(byPledge.ids).toEqual([ids.today, ids.mid, ids.old]);
      expect(byPledge.range).toBe('pledge-reports 0-2/3');
      expect(byPledge.body[1]).toMatchObject({
        pledgeId: mine.id,
        campaignId,
        organizationId: orgId,
        quantity: 7,
        reportedOn: days(-5),
        note: '=SUM(A1:A9)',
      });
      expect((await list({ campaignId })).range).toBe('pledge-reports 0-3/4');
      expect((await list({ campaignId }, '[0,1]')).range).toBe('pledge-reports 0-1/4');
      expect((await list({ campaignId, organizationId: otherOrgId })).ids).toEqual([ids.theirs]);
      expect((await list({ campaignId, from: days(-6), to: days(-1) })).ids.sort()).toEqual(
        [ids.mid, ids.theirs].sort(),
      );
      expect((await list({ campaignId, from: days(-1) })).ids).toEqual([ids.today]);
      expect((await list({ campaignId, to: days(-7) })).ids).toEqual([ids.old]);
      expect((await list({ id: [ids.old, ids.theirs] })).ids.sort()).toEqual([ids.old, ids.theirs].sort());
      expect(
        (await viewer.get('/api/pledge-reports').query({ filter: JSON.stringify({ quantity: 3 }) })).status,
      ).toBe(422);
      expect(
        (await viewer.get('/api/pledge-reports').query({ filter: JSON.stringify({ from: 'soon' }) })).status,
      ).toBe(422);
    });

    it('has no route to edit or delete a report, and the database refuses it even to the owner role', async () => {
      const before = await snapshot();
      expect((await coordinator.put(`/api/pledge-reports/${ids.old}`).send({ quantity: 1 })).status).toBe(
        404,
      );
      expect((await admin.put(`/api/pledge-reports/${ids.old}`).send({ quantity: 1 })).status).toBe(404);
      expect((await coordinator.delete(`/api/pledge-reports/${ids.old}`)).status).toBe(404);
      expect((await admin.delete(`/api/pledge-reports/${ids.old}`)).status).toBe(404);
      expect((await admin.patch(`/api/pledge-reports/${ids.old}`).send({ quantity: 1 })).status).toBe(404);

      const owner = new Client({ connectionString: t.db.ownerUrl });
      const app = new Client({ connectionString: t.db.appUrl });
      await owner.connect();
      await app.connect();
      try {
        await expect(
          owner.query('UPDATE pledge_report SET quantity = 1 WHERE id = $1', [ids.old]),
        ).rejects.toThrow(/append-only/);
        await expect(owner.query('DELETE FROM pledge_report WHERE id = $1', [ids.old])).rejects.toThrow(
          /append-only/,
        );
        await expect(owner.query('TRUNCATE pledge_report CASCADE')).rejects.toThrow(/append-only/);
        await expect(
          app.query('UPDATE pledge_report SET quantity = 1 WHERE id = $1', [ids.old]),
        ).rejects.toThrow(/permission denied|append-only/);
        await expect(app.query('DELETE FROM pledge_report WHERE id = $1', [ids.old])).rejects.toThrow(
          /permission denied|append-only/,
        );
      } finally {
        await owner.end();
        await app.end();
      }
      expect(await snapshot()).toEqual(before);
      expect((await viewer.get(`/api/pledge-reports/${ids.old}`)).body).toMatchObject({ quantity: 5 });
    });

    it('exports pledges and reports as CSV with headers, respecting the filters', async () => {
      const pledges = await viewer
        .get('/api/pledges/export.csv')
        .query({ filter: JSON.stringify({ campaignId, organizationId: orgId }) });
      expect(pledges.status).toBe(200);
      expect(pledges.get('Content-Type')).toMatch(/^text\/csv/);
      expect(pledges.get('Content-Disposition')).toBe('attachment; filename="pledges.csv"');
      const pledgeLines = pledges.text.trim().split('\n');
      expect(pledgeLines[0]).toBe(
        'id,campaignId,organizationId,organizationName,metric,quantity,reported,percent,dueOn,status,overdue,note',
      );
      expect(pledgeLines).toHaveLength(2);
      expect(pledgeLines[1]).toContain(`${mine.id},${campaignId},${orgId},`);
      expect(pledgeLines[1]).toContain(',calls,100,15,15,');
      // A note that would run as a spreadsheet formula is neutralized.
      expect(pledgeLines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const all = await viewer
        .get('/api/pledges/export.csv')
        .query({ filter: JSON.stringify({ campaignId }) });
      expect(all.text.trim().split('\n')).toHaveLength(3);

      const reports = await viewer
        .get('/api/pledge-reports/export.csv')
        .query({ filter: JSON.stringify({ pledgeId: mine.id }), sort: '["reportedOn","ASC"]' });
      expect(reports.status).toBe(200);
      expect(reports.get('Content-Type')).toMatch(/^text\/csv/);
      const reportLines = reports.text.trim().split('\n');
      expect(reportLines[0]).toBe(
        'id,pledgeId,campaignId,organizationId,metric,quantity,reportedOn,eventId,note,createdAt',
      );
      expect(reportLines.slice(1).map((l) => l.split(',')[0])).toEqual([ids.old, ids.mid, ids.today]);
      expect(reportLines[2]).toContain(`,calls,7,${days(-5)},,'=SUM(A1:A9),`);
      const dated = await viewer
        .get('/api/pledge-reports/export.csv')
        .query({ filter: JSON.stringify({ campaignId, from: days(-6), to: days(-1) }) });
      expect(dated.text.trim().split('\n')).toHaveLength(3);
      expect(
        (
          await viewer
            .get('/api/pledge-reports/export.csv')
            .query({ filter: JSON.stringify({ color: 'red' }) })
        ).status,
      ).toBe(422);
    });
  });

  describe('progress', () => {
    it('keeps totals exact when 50 organizations report at once on one campaign', async () => {
      const campaign = await newCampaign();
      const { rows: regionRows } = await t.sql.query<{ id: string }>(
        `INSERT INTO region (name, states) VALUES ($1, '{}'), ($2, '{}'), ($3, '{}') RETURNING id`,
        [unique('North'), unique('South'), unique('Coast')],
      );
      const regions: (string | null)[] = [...regionRows.map((r) => r.id), null];
      const orgs: {
        id: string;
        regionId: string | null;
        metric: 'calls' | 'dollars';
        agent?: TestAgent;
        pledge?: PledgeDto;
        reports: number[];
      }[] = [];
      for (let i = 0; i < 50; i++) {
        const id = await t.createOrganization({ name: unique(`Concurrent Org ${i}`) });
        const regionId = regions[Math.floor(i / 2) % regions.length];
        await t.sql.query('UPDATE organization SET region_id = $2 WHERE id = $1', [id, regionId]);
        const metric = i % 2 === 0 ? 'calls' : 'dollars';
        // Several reports per organization; dollars with cents, so float addition would show.
        const reports =
          metric === 'calls' ? [1 + (i % 7), 10, 3 + i, 2] : [0.1, 0.2, cents(12.35 + i) / 100, 0.05];
        orgs.push({ id, regionId, metric, reports });
      }
      const coordinators: TestUser[] = [];
      for (const org of orgs) coordinators.push(await coordinatorOf(org.id));
      const agents = await Promise.all(coordinators.map((u) => t.as(u)));
      await Promise.all(
        orgs.map(async (org, i) => {
          org.agent = agents[i];
          org.pledge = await pledge(agents[i], {
            campaignId: campaign.id,
            metric: org.metric,
            quantity: org.metric === 'calls' ? 40 : 100.5,
          });
        }),
      );

      // Every report of every organization at once.
      const results = await Promise.all(
        orgs.flatMap((org) =>
          org.reports.map((quantity) =>
            org.agent!.post('/api/pledge-reports').send({ pledgeId: org.pledge!.id, quantity }),
          ),
        ),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      expect(results).toHaveLength(200);

      const sumCents = (list: number[]) => list.reduce((a, n) => a + cents(n), 0);
      const expected = (filter: (o: (typeof orgs)[number]) => boolean, metric: string) => {
        const chosen = orgs.filter((o) => o.metric === metric && filter(o));
        return {
          pledged: sumCents(chosen.map((o) => o.pledge!.quantity)),
          reported: sumCents(chosen.flatMap((o) => o.reports)),
          organizations: chosen.length,
        };
      };

      const res = await viewer.get(`/api/campaigns/${campaign.id}/progress`);
      expect(res.status).toBe(200);
      const progress = res.body as CampaignProgressDto;
      for (const metric of ['calls', 'dollars']) {
        const goal = progress.goals.find((g) => g.metric === metric)!;
        const want = expected(() => true, metric);
        expect({
          metric,
          pledged: cents(goal.pledged),
          reported: cents(goal.reported),
          pledges: goal.pledges,
        }).toEqual({
          metric,
          pledged: want.pledged,
          reported: want.reported,
          pledges: 25,
        });
      }
      expect(progress.goals.find((g) => g.metric === 'doors')).toMatchObject({
        target: 5000,
        pledged: 0,
        reported: 0,
        pledges: 0,
      });

      // Per organization.
      expect(progress.organizations).toHaveLength(50);
      for (const org of orgs) {
        const row = progress.organizations.find((o) => o.organizationId === org.id)!;
        expect({
          org: org.id,
          regionId: row.regionId,
          metric: row.metric,
          reported: cents(row.reported),
          pledged: cents(row.pledged),
        }).toEqual({
          org: org.id,
          regionId: org.regionId,
          metric: org.metric,
          reported: sumCents(org.reports),
          pledged: cents(org.pledge!.quantity),
        });
      }

      // Per region: the exact sums, and the sum of the organization rows of that region.
      expect(progress.regions).toHaveLength(regions.length * 2);
      for (const regionId of regions) {
        for (const metric of ['calls', 'dollars']) {
          const row = progress.regions.find((r) => r.regionId === regionId && r.metric === metric)!;
          const want = expected((o) => o.regionId === regionId, metric);
          const fromOrgRows = progress.organizations.filter(
            (o) => o.regionId === regionId && o.metric === metric,
          );
          expect({
            regionId,
            metric,
            pledged: cents(row.pledged),
            reported: cents(row.reported),
            organizations: row.organizations,
          }).toEqual({
            regionId,
            metric,
            ...want,
          });
          expect(sumCents(fromOrgRows.map((o) => o.reported))).toBe(want.reported);
          expect(sumCents(fromOrgRows.map((o) => o.pledged))).toBe(want.pledged);
        }
      }

      // The database agrees: the append-only rows, and each pledge's running total.
      const { rows: stored } = await t.sql.query<{ metric: string; sum: string; reports: number }>(
        `SELECT p.metric, sum(r.quantity)::text AS sum, count(r.id)::int AS reports
           FROM pledge_report r JOIN pledge p ON p.id = r.pledge_id WHERE p.campaign_id = $1 GROUP BY p.metric ORDER BY p.metric`,
        [campaign.id],
      );
      expect(stored.map((r) => [r.metric, cents(Number(r.sum)), r.reports])).toEqual([
        ['calls', expected(() => true, 'calls').reported, 100],
        ['dollars', expected(() => true, 'dollars').reported, 100],
      ]);
      const { rows: drift } = await t.sql.query(
        `SELECT p.id FROM pledge p LEFT JOIN pledge_report r ON r.pledge_id = p.id WHERE p.campaign_id = $1
          GROUP BY p.id, p.reported HAVING p.reported <> COALESCE(sum(r.quantity), 0)`,
        [campaign.id],
      );
      expect(drift).toEqual([]);
      const { rows: audit } = await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_event a JOIN pledge_report r ON r.id = a.entity_id JOIN pledge p ON p.id = r.pledge_id
          WHERE a.action = 'pledge_report.create' AND p.campaign_id = $1`,
        [campaign.id],
      );
      expect(audit[0].n).toBe(200);
      // Statuses follow the totals: some organizations reached their pledge, some did not yet.
      const statuses = await Promise.all(
        orgs.map(async (o) => (await viewer.get(`/api/pledges/${o.pledge!.id}`)).body.status),
      );
      expect(statuses).toEqual(
        orgs.map((o) => (sumCents(o.reports) >= cents(o.pledge!.quantity) ? 'fulfilled' : 'open')),
      );
    });

    it('leaves cancelled pledges out of the totals, by goal, organization and region', async () => {
      const campaign = await newCampaign();
      const kept = await pledge(coordinator, { campaignId: campaign.id, metric: 'calls', quantity: 30 });
      const dropped = await pledge(otherCoordinator, {
        campaignId: campaign.id,
        metric: 'calls',
        quantity: 70,
      });
      const other = await pledge(coordinator, { campaignId: campaign.id, metric: 'other', quantity: 2 });
      await report(coordinator, { pledgeId: kept.id, quantity: 12 });
      await report(otherCoordinator, { pledgeId: dropped.id, quantity: 20 });
      expect(
        (await otherCoordinator.put(`/api/pledges/${dropped.id}`).send({ version: 1, status: 'cancelled' }))
          .status,
      ).toBe(200);
      const progress = (await viewer.get(`/api/campaigns/${campaign.id}/progress`))
        .body as CampaignProgressDto;
      expect(progress.goals.find((g) => g.metric === 'calls')).toMatchObject({
        target: 20000,
        pledged: 30,
        reported: 12,
        pledges: 1,
      });
      // A metric that is not a goal still shows, without a target.
      expect(progress.goals.find((g) => g.metric === 'other')).toMatchObject({
        target: null,
        pledged: 2,
        reported: 0,
        pledges: 1,
      });
      expect(
        progress.organizations
          .map((o) => [o.organizationId, o.metric, o.pledged, o.reported, o.percent])
          .sort(),
      ).toEqual(
        [
          [orgId, 'calls', 30, 12, 40],
          [orgId, 'other', 2, 0, 0],
        ].sort(),
      );
      expect(progress.regions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            regionId: null,
            metric: 'calls',
            pledged: 30,
            reported: 12,
            organizations: 1,
          }),
        ]),
      );
      expect(other.status).toBe('open');
    });
  });
});
