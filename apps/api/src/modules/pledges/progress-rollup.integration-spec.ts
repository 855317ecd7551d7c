import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import type { CampaignProgressDto, PledgeDto } from '@unidos/contracts';
import { startTestApp, type TestContext } from '../../../test/harness';

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

/** The roll-up recomputed from the pledges themselves, in the shape of the maintained tables. */
const FROM_PLEDGES = {
  org: `SELECT campaign_id, organization_id, metric, sum(quantity)::numeric(16,2)::text AS pledged,
                sum(reported)::numeric(16,2)::text AS reported, count(*)::int AS pledges
           FROM pledge WHERE status <> 'cancelled' AND campaign_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  region: `SELECT p.campaign_id, o.region_id, p.metric, sum(p.quantity)::numeric(16,2)::text AS pledged,
                  sum(p.reported)::numeric(16,2)::text AS reported, count(*)::int AS pledges,
                  count(DISTINCT p.organization_id)::int AS organizations
             FROM pledge p JOIN organization o ON o.id = p.organization_id
            WHERE p.status <> 'cancelled' AND p.campaign_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
};
const MAINTAINED = {
  org: `SELECT campaign_id, organization_id, metric, pledged::text, reported::text, pledges
          FROM campaign_org_progress WHERE campaign_id = $1 ORDER BY 1, 2, 3`,
  region: `SELECT campaign_id, region_id, metric, pledged::text, reported::text, pledges, organizations
             FROM campaign_region_progress WHERE campaign_id = $1 ORDER BY 1, 2, 3`,
};

describe('the maintained campaign progress roll-up', () => {
  let t: TestContext;
  let admin: TestAgent;
  let regions: string[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(await t.createUser('alliance_admin'));
    const { rows } = await t.sql.query<{ id: string }>(
      `INSERT INTO region (name, states) VALUES ($1, '{}'), ($2, '{}') RETURNING id`,
      [unique('Roll-up North'), unique('Roll-up South')],
    );
    regions = rows.map((r) => r.id);
  });
  afterAll(() => t.close());

  async function newCampaign(): Promise<string> {
    const res = await admin.post('/api/campaigns').send({
      name: unique('Roll-up Drive'),
      status: 'active',
      goals: [
        { metric: 'calls', target: 1000 },
        { metric: 'dollars', target: 5000 },
      ],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function expectExact(campaignId: string): Promise<void> {
    for (const level of ['org', 'region'] as const) {
      const want = (await t.sql.query(FROM_PLEDGES[level], [campaignId])).rows;
      const have = (await t.sql.query(MAINTAINED[level], [campaignId])).rows;
      expect({ level, rows: have }).toEqual({ level, rows: want });
    }
  }

  it('stays equal to the pledges through reports, corrections, edits, cancellations and a region move', async () => {
    const campaignId = await newCampaign();
    const orgs: { id: string; agent: TestAgent }[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await t.createOrganization({ name: unique(`Roll-up Org ${i}`) });
      await t.sql.query('UPDATE organization SET region_id = $2 WHERE id = $1', [
        id,
        i < 4 ? regions[i % 2] : null,
      ]);
      orgs.push({ id, agent: await t.as(await t.createUser('org_coordinator', id)) });
    }
    const pledges: { pledge: PledgeDto; agent: TestAgent }[] = [];
    for (const [i, org] of orgs.entries()) {
      for (const metric of i % 2 ? ['calls', 'dollars'] : ['calls']) {
        const res = await org.agent
          .post('/api/pledges')
          .send({ campaignId, metric, quantity: metric === 'dollars' ? 250.75 : 100 + i });
        expect(res.status).toBe(201);
        pledges.push({ pledge: res.body as PledgeDto, agent: org.agent });
      }
    }
    await expectExact(campaignId);

    // Reports at once, with a correction (negative report) among them.
    const reports = await Promise.all(
      pledges.flatMap(({ pledge, agent }) =>
        [7, 11, pledge.metric === 'dollars' ? 0.25 : 3].map((quantity) =>
          agent.post('/api/pledge-reports').send({ pledgeId: pledge.id, quantity }),
        ),
      ),
    );
    expect(reports.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const correction = await pledges[0].agent
      .post('/api/pledge-reports')
      .send({ pledgeId: pledges[0].pledge.id, quantity: -5, note: 'Counted twice' });
    expect(correction.status).toBe(201);
    await expectExact(campaignId);

    // A quantity edit, a cancellation (the organization's only pledge for the metric), a fulfilment.
    const edited = pledges[1];
    const edit = await edited.agent
      .put(`/api/pledges/${edited.pledge.id}`)
      .send({ quantity: 400, version: edited.pledge.version });
    expect(edit.status).toBe(200);
    const cancelled = pledges[0];
    const current = await cancelled.agent.get(`/api/pledges/${cancelled.pledge.id}`);
    const cancel = await cancelled.agent
      .put(`/api/pledges/${cancelled.pledge.id}`)
      .send({ status: 'cancelled', version: current.body.version });
    expect(cancel.status).toBe(200);
    const fulfil = await pledges[2].agent
      .post('/api/pledge-reports')
      .send({ pledgeId: pledges[2].pledge.id, quantity: 500 });
    expect(fulfil.status).toBe(201);
    await expectExact(campaignId);

    // Moving an organization to another region moves its contribution; the counts follow.
    await t.sql.query('UPDATE organization SET region_id = $2 WHERE id = $1', [orgs[1].id, regions[0]]);
    await t.sql.query('UPDATE organization SET region_id = NULL WHERE id = $1', [orgs[2].id]);
    await expectExact(campaignId);

    // What the progress page says is the roll-up.
    const progress = (await admin.get(`/api/campaigns/${campaignId}/progress`)).body as CampaignProgressDto;
    const { rows: totals } = await t.sql.query<{
      metric: string;
      pledged: string;
      reported: string;
      n: number;
    }>(
      `SELECT metric, sum(quantity) AS pledged, sum(reported) AS reported, count(*)::int AS n
         FROM pledge WHERE campaign_id = $1 AND status <> 'cancelled' GROUP BY metric`,
      [campaignId],
    );
    for (const total of totals) {
      expect(progress.goals.find((g) => g.metric === total.metric)).toMatchObject({
        pledged: Number(total.pledged),
        reported: Number(total.reported),
        pledges: total.n,
      });
    }
    expect(progress.organizationsTotal).toBe(progress.organizations.length);
  });

  it('lists the 50 organizations that reported most and says how many there are in all', async () => {
    const campaignId = await newCampaign();
    // 60 organizations pledging straight in SQL (the triggers run the same way for any writer).
    const { rows: orgRows } = await t.sql.query<{ id: string }>(
      `INSERT INTO organization (name, slug, kind, city, state, membership_status)
       SELECT 'Top ' || g || ' ' || $1, 'top-' || g || '-' || $1, 'community', 'Tucson', 'AZ', 'active'
         FROM generate_series(1, 60) g RETURNING id`,
      [randomUUID().slice(0, 8)],
    );
    await t.sql.query(
      `INSERT INTO pledge (campaign_id, organization_id, metric, quantity, reported)
       SELECT $1, id, 'calls', 1000, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [campaignId, orgRows.map((r) => r.id)],
    );
    await expectExact(campaignId);
    const progress = (await admin.get(`/api/campaigns/${campaignId}/progress`)).body as CampaignProgressDto;
    expect(progress.organizationsTotal).toBe(60);
    expect(progress.organizations).toHaveLength(50);
    expect(progress.organizations.map((o) => o.reported)).toEqual(
      Array.from({ length: 50 }, (_, i) => 60 - i),
    );
    expect(progress.goals.find((g) => g.metric === 'calls')).toMatchObject({
      pledged: 60_000,
      reported: 1830,
      pledges: 60,
    });
  });

  it('is rebuilt exactly from the pledges (what a bulk load runs) and is read-only for the app', async () => {
    const campaignId = await newCampaign();
    const org = await t.createOrganization({ name: unique('Rebuilt Org') });
    await t.sql.query(
      `INSERT INTO pledge (campaign_id, organization_id, metric, quantity, reported) VALUES ($1, $2, 'calls', 50, 20), ($1, $2, 'dollars', 9.99, 1.5)`,
      [campaignId, org],
    );
    await t.sql.query('DELETE FROM campaign_org_progress WHERE campaign_id = $1', [campaignId]);
    await t.sql.query('SELECT campaign_progress_rebuild()');
    await expectExact(campaignId);

    const { Client } = await import('pg');
    const app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
    try {
      await expect(app.query('DELETE FROM campaign_org_progress')).rejects.toThrow(/permission denied/);
      await expect(app.query('UPDATE campaign_region_progress SET reported = 0')).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query('SELECT campaign_progress_rebuild()')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('keeps the open pledges per due date exact through new pledges, new dates, fulfilment and cancellation', async () => {
    const campaignId = await newCampaign();
    const org = await t.createOrganization({ name: unique('Due Dates Org') });
    const { rows } = await t.sql.query<{ id: string }>(
      `INSERT INTO pledge (campaign_id, organization_id, metric, quantity, due_on)
       SELECT $1, $2, 'calls', 10, CURRENT_DATE + (g % 5 - 2) FROM generate_series(1, 40) g RETURNING id`,
      [campaignId, org],
    );
    const ids = rows.map((r) => r.id);
    await t.sql.query(`UPDATE pledge SET due_on = due_on + 3 WHERE id = ANY($1)`, [ids.slice(0, 10)]);
    await t.sql.query(`UPDATE pledge SET due_on = NULL WHERE id = ANY($1)`, [ids.slice(10, 13)]);
    await t.sql.query(`UPDATE pledge SET status = 'fulfilled' WHERE id = ANY($1)`, [ids.slice(13, 20)]);
    await t.sql.query(`UPDATE pledge SET status = 'cancelled' WHERE id = ANY($1)`, [ids.slice(20, 24)]);
    await t.sql.query(`UPDATE pledge SET status = 'open' WHERE id = ANY($1)`, [ids.slice(13, 15)]);
    const want = await t.sql.query(
      `SELECT due_on::text, count(*)::int AS n FROM pledge WHERE status = 'open' AND due_on IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const have = await t.sql.query(
      `SELECT due_on::text, open_pledges AS n FROM pledge_due_count WHERE open_pledges <> 0 ORDER BY 1`,
    );
    expect(have.rows).toEqual(want.rows);
    const overdue = await admin
      .get('/api/pledges')
      .query({ filter: JSON.stringify({ overdue: true }), range: '[0,0]' });
    const dashboard = await admin.get('/api/dashboard/alliance');
    expect(dashboard.body.pledges.overdue).toBe(
      Number(String(overdue.headers['content-range']).split('/')[1]),
    );
  });
});
