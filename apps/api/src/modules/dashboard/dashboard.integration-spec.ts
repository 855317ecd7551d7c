import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const total = (res: { headers: Record<string, string> }) => Number(res.headers['content-range'].split('/')[1]);
const filter = (f: object) => ({ filter: JSON.stringify(f) });
const isoDay = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

describe('dashboards agree with the detailed pages, and an organization sees only its own', () => {
  let t: TestContext;
  let admin: TestUser;
  let a: TestAgent;
  let orgA: string;
  let orgB: string;
  let coordA: TestUser;
  let coordB: TestUser;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
    a = await t.as(admin);
    orgA = await t.createOrganization({ name: 'Dash Org A', state: 'IL' });
    orgB = await t.createOrganization({ name: 'Dash Org B', state: 'TX' });
    await t.createOrganization({ name: 'Dash Applicant', state: 'IL', membershipStatus: 'applicant' });
    coordA = await t.createUser('org_coordinator', orgA);
    coordB = await t.createUser('org_coordinator', orgB);
    const campaign = await a.post('/api/campaigns').send({ name: 'Dash Drive', status: 'active', goals: [{ metric: 'calls', target: 1000 }, { metric: 'doors', target: 500 }] });
    campaignId = campaign.body.id;
    const ca = await t.as(coordA);
    const cb = await t.as(coordB);
    await ca.post('/api/endorsements').send({ campaignId });
    const p1 = await ca.post('/api/pledges').send({ campaignId, metric: 'calls', quantity: 300, dueOn: isoDay(3) });
    await ca.post('/api/pledge-reports').send({ pledgeId: p1.body.id, quantity: 120 });
    await cb.post('/api/pledges').send({ campaignId, metric: 'calls', quantity: 200, dueOn: isoDay(-5) });
    await t.sql.query(`UPDATE pledge SET due_on = $2 WHERE organization_id = $1`, [orgB, isoDay(-5)]);
    await cb.post('/api/people').send({ displayName: 'Hidden Person B', preferredLanguage: 'es', role: 'delegate' });
    await ca.post('/api/people').send({ displayName: 'Our Person A', preferredLanguage: 'en', role: 'member' });
  });
  afterAll(() => t.close());

  it('gives the alliance the same numbers as the directory, applications, pledges and campaign pages', async () => {
    const d = (await a.get('/api/dashboard/alliance')).body;
    expect(d.pendingApplications.total).toBe(total(await a.get('/api/applications')));
    expect(d.membership.byStatus.active).toBe(total(await a.get('/api/organizations').query(filter({ membershipStatus: 'active' }))));
    expect(d.membership.byState.find((s: { state: string }) => s.state === 'IL')).toMatchObject({
      active: total(await a.get('/api/organizations').query(filter({ membershipStatus: 'active', state: 'IL' }))),
      applicant: 1,
    });
    expect(d.pledges.overdue).toBe(total(await a.get('/api/pledges').query(filter({ overdue: true }))));
    expect(d.pledges.overdue).toBe(1);
    expect(d.pledges.dueThisWeek).toBe(1);
    const progress = (await a.get(`/api/campaigns/${campaignId}/progress`)).body;
    const card = d.campaigns.find((c: { id: string }) => c.id === campaignId);
    expect(card.goals).toEqual(progress.goals.filter((g: { target: number | null }) => g.target !== null));
    expect(card.goals.find((g: { metric: string }) => g.metric === 'calls')).toMatchObject({ target: 1000, pledged: 500, reported: 120 });
  });

  it("gives an organization its own pledges, people counts and contributions, nothing of another's", async () => {
    const ca = await t.as(coordA);
    const res = await ca.get('/api/dashboard/organization');
    expect(res.status).toBe(200);
    expect(res.body.openPledges.every((p: { organizationId: string }) => p.organizationId === orgA)).toBe(true);
    expect(res.body.openPledges).toHaveLength(1);
    expect(res.body.people).toEqual({ total: 1, byRole: { member: 1 }, byLanguage: { en: 1 } });
    expect(res.body.contributions).toEqual([expect.objectContaining({ campaignId, metric: 'calls', ourReported: 120, coalitionReported: 120, target: 1000 })]);
    expect(res.text).not.toContain('Hidden Person B');
    expect(res.text).not.toContain('Dash Org B');
    expect((await ca.get('/api/dashboard/alliance')).status).toBe(403);
    expect((await a.get('/api/dashboard/organization')).status).toBe(403);
  });

  it('offers every chart as JSON and as CSV', async () => {
    const progress = await a.get('/api/dashboard/charts/progress').query({ campaignId, metric: 'calls' });
    expect(progress.body[0].points.at(-1).y).toBe(120);
    const csv = await a.get('/api/dashboard/charts/progress').query({ campaignId, metric: 'calls', format: 'csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('series,x,y');
    expect(csv.text).toContain(',120');
    const members = await a.get('/api/dashboard/charts/new-members');
    expect(members.body[0].points).toHaveLength(24);
    expect((await a.get('/api/dashboard/charts/progress').query({ campaignId, metric: 'bananas' })).status).toBe(422);
  });
});
