import type TestAgent from 'supertest/lib/agent';
import type { EventDetailDto, EventDto, EventHostDto, PledgeDto } from '@unidos/contracts';
import { eventBody, eventWithHosts, inDays, rsvp, sessions, unique } from '../../../test/events-fixtures';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

/**
 * Joint events: who creates and changes an event, who sees a draft, how co-hosts are invited and
 * answer, the list filters, cancelling (RSVPs kept) and completing (attendance on turnout pledges).
 * Every refused write changes nothing; every accepted one leaves an audit row.
 */
describe('joint events: create/update rules, invitations, filters, cancel and complete', () => {
  let t: TestContext;
  let as: (user: TestUser) => Promise<TestAgent>;
  let lead: string; // the lead organization of most events here
  let coA: string;
  let coB: string;
  let outsider: string;
  let applicant: string;
  let cL: TestUser;
  let cA: TestUser;
  let cB: TestUser;
  let cX: TestUser;
  let viewerL: TestUser;
  let organizer: TestUser;
  let admin: TestUser;
  let campaign1: { id: string; demands: { id: string }[] };
  let campaign2: { id: string; demands: { id: string }[] };

  beforeAll(async () => {
    t = await startTestApp();
    as = sessions(t);
    // One superuser connection arranges the data: one statement at a time.
    lead = await t.createOrganization({ name: unique('Lead Center') });
    coA = await t.createOrganization({ name: unique('Co-host A') });
    coB = await t.createOrganization({ name: unique('Co-host B') });
    outsider = await t.createOrganization({ name: unique('Outsider') });
    applicant = await t.createOrganization({ name: unique('Applicant'), membershipStatus: 'applicant' });
    cL = await t.createUser('org_coordinator', lead);
    cA = await t.createUser('org_coordinator', coA);
    cB = await t.createUser('org_coordinator', coB);
    cX = await t.createUser('org_coordinator', outsider);
    viewerL = await t.createUser('org_viewer', lead);
    organizer = await t.createUser('alliance_organizer');
    admin = await t.createUser('alliance_admin');
    const newCampaign = async () => {
      const res = await (await as(admin)).post('/api/campaigns').send({
        name: unique('Legalization Drive'),
        status: 'active',
        goals: [
          { metric: 'turnout', target: 1000 },
          { metric: 'calls', target: 5000 },
        ],
        demands: [{ textEn: 'Legalization for all!', textEs: '¡Legalización para todos!' }],
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; demands: { id: string }[] };
    };
    campaign1 = await newCampaign();
    campaign2 = await newCampaign();
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await t.sql.query<{ n: number }>(sql, params)).rows[0].n;
  const events = () => count('SELECT count(*)::int AS n FROM event');
  const audits = (entityId: string, action?: string) =>
    count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND ($2::text IS NULL OR action = $2)`, [entityId, action ?? null]);
  const eventRow = async (id: string) =>
    (await t.sql.query(`SELECT title, capacity, status, version, lead_organization_id, going_count, cancel_reason FROM event WHERE id = $1`, [id])).rows[0] as Record<string, unknown>;
  const hostOf = (event: EventDetailDto, org: string) => event.hosts.find((h) => h.organizationId === org) as EventHostDto;
  const coHost = (org: string, coordinator: TestUser) => ({ org, coordinator });

  describe('creating an event', () => {
    it("makes a coordinator's own organization the lead, and refuses another organization's id with 404", async () => {
      const c = await as(cL);
      const own = await c.post('/api/events').send(eventBody());
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ leadOrganizationId: lead, status: 'published', goingCount: 0 });
      expect(own.body.hosts).toEqual([expect.objectContaining({ organizationId: lead, role: 'lead', status: 'accepted' })]);
      expect(await audits(own.body.id, 'event.create')).toBe(1);

      const explicit = await c.post('/api/events').send(eventBody({ leadOrganizationId: lead }));
      expect([explicit.status, explicit.body.leadOrganizationId]).toEqual([201, lead]);

      const before = await events();
      const foreign = await c.post('/api/events').send(eventBody({ leadOrganizationId: outsider }));
      expect(foreign.status).toBe(404);
      expect(await events()).toBe(before);

      expect((await (await as(viewerL)).post('/api/events').send(eventBody())).status).toBe(403);
      expect(await events()).toBe(before);
    });

    it('makes the alliance name the lead organization, a member one', async () => {
      const o = await as(organizer);
      const before = await events();
      const none = await o.post('/api/events').send(eventBody());
      expect([none.status, Object.keys(none.body.errors ?? {})]).toEqual([422, ['leadOrganizationId']]);
      const notMember = await o.post('/api/events').send(eventBody({ leadOrganizationId: applicant }));
      expect([notMember.status, Object.keys(notMember.body.errors ?? {})]).toEqual([422, ['leadOrganizationId']]);
      expect(await events()).toBe(before);

      const named = await o.post('/api/events').send(eventBody({ leadOrganizationId: outsider, coHostIds: [coA] }));
      expect(named.status).toBe(201);
      expect(named.body.leadOrganizationId).toBe(outsider);
      expect(named.body.hosts.map((h: EventHostDto) => [h.organizationId, h.role, h.status]).sort()).toEqual(
        [
          [outsider, 'lead', 'accepted'],
          [coA, 'co_host', 'invited'],
        ].sort(),
      );
      expect(await events()).toBe(before + 1);
    });

    it("refuses a demand of another campaign, an unknown campaign, times that end before they start and unknown zones", async () => {
      const c = await as(cL);
      const before = await events();
      const mismatch = await c.post('/api/events').send(eventBody({ campaignId: campaign1.id, demandId: campaign2.demands[0].id }));
      expect([mismatch.status, Object.keys(mismatch.body.errors ?? {})]).toEqual([422, ['demandId']]);
      const unknownCampaign = await c.post('/api/events').send(eventBody({ campaignId: '3f2504e0-4f89-4d3a-9a0c-0305e82c3301' }));
      expect([unknownCampaign.status, Object.keys(unknownCampaign.body.errors ?? {})]).toEqual([422, ['campaignId']]);
      const backwards = await c.post('/api/events').send(eventBody({ startsAt: inDays(5, 20), endsAt: inDays(5, 18) }));
      expect([backwards.status, Object.keys(backwards.body.errors ?? {})]).toEqual([422, ['endsAt']]);
      const zone = await c.post('/api/events').send(eventBody({ timeZone: 'America/Atlantis' }));
      expect([zone.status, Object.keys(zone.body.errors ?? {})]).toEqual([422, ['timeZone']]);
      expect(await events()).toBe(before);

      const matching = await c.post('/api/events').send(eventBody({ campaignId: campaign1.id, demandId: campaign1.demands[0].id }));
      expect(matching.status).toBe(201);
      expect(matching.body).toMatchObject({ campaignId: campaign1.id, demandId: campaign1.demands[0].id });
    });
  });

  describe('drafts', () => {
    it('are invisible to organizations that do not host them (404), and visible to hosts and the alliance', async () => {
      const draft = (await (await as(cL)).post('/api/events').send(eventBody({ status: 'draft', coHostIds: [coA] }))).body as EventDetailDto;
      expect(draft.status).toBe('draft');
      const hostRow = hostOf(draft, coA);
      const x = await as(cX);
      for (const path of [`/api/events/${draft.id}`, `/api/events/${draft.id}/totals`, `/api/events/${draft.id}/event.ics`, `/api/event-hosts/${hostRow.id}`]) {
        expect({ path, status: (await x.get(path)).status }).toEqual({ path, status: 404 });
      }
      const listed = await x.get('/api/events').query({ filter: JSON.stringify({ id: [draft.id] }) });
      expect([listed.status, listed.body, listed.get('Content-Range')]).toEqual([200, [], 'events 0-0/0']);
      const hostList = await x.get('/api/event-hosts').query({ filter: JSON.stringify({ eventId: draft.id }) });
      expect(hostList.body).toEqual([]);

      // An organization that declined to co-host is not a host: the draft is as hidden from it.
      const invited = (await (await as(cL)).post('/api/event-hosts').send({ eventId: draft.id, organizationId: coB })).body as EventHostDto;
      expect((await (await as(cB)).get(`/api/events/${draft.id}`)).status).toBe(200);
      const answer = await (await as(cB)).put(`/api/event-hosts/${invited.id}`).send({ version: invited.version, status: 'declined' });
      expect([answer.status, answer.body.status]).toEqual([200, 'declined']);
      const declined = await as(cB);
      expect((await declined.get(`/api/events/${draft.id}`)).status).toBe(404);
      expect((await declined.get(`/api/event-hosts/${hostRow.id}`)).status).toBe(404);
      expect((await declined.get('/api/event-hosts').query({ filter: JSON.stringify({ eventId: draft.id }) })).body).toEqual([]);
      expect((await declined.get('/api/events').query({ filter: JSON.stringify({ id: [draft.id] }) })).body).toEqual([]);

      for (const user of [cL, cA, organizer, admin]) {
        const res = await (await as(user)).get(`/api/events/${draft.id}`);
        expect([user.role, res.status, res.body.status]).toEqual([user.role, 200, 'draft']);
        const list = await (await as(user)).get('/api/events').query({ filter: JSON.stringify({ id: [draft.id] }) });
        expect(list.body.map((e: EventDto) => e.id)).toEqual([draft.id]);
      }
    });
  });

  describe('updating an event', () => {
    it('lets only the lead (or the alliance) change it: a co-host coordinator or an outsider gets 404, nothing changed', async () => {
      const event = await eventWithHosts(await as(cL), as, {}, [coHost(coA, cA)]);
      const before = await eventRow(event.id);
      for (const user of [cA, cX]) {
        const res = await (await as(user)).put(`/api/events/${event.id}`).send({ version: event.version, title: 'Taken over' });
        expect([user.organizationId, res.status]).toEqual([user.organizationId, 404]);
      }
      expect(await eventRow(event.id)).toEqual(before);
      expect(await audits(event.id, 'event.update')).toBe(0);

      const ok = await (await as(cL)).put(`/api/events/${event.id}`).send({ version: event.version, title: 'March for legalization' });
      expect([ok.status, ok.body.title, ok.body.version]).toEqual([200, 'March for legalization', event.version + 1]);
      const byAlliance = await (await as(organizer)).put(`/api/events/${event.id}`).send({ version: ok.body.version, venue: 'Daley Plaza' });
      expect([byAlliance.status, byAlliance.body.venue]).toEqual([200, 'Daley Plaza']);
      const rows = await t.sql.query(`SELECT changed_fields, actor_user_id FROM audit_event WHERE entity_id = $1 AND action = 'event.update' ORDER BY at`, [event.id]);
      expect(rows.rows).toEqual([
        { changed_fields: ['title'], actor_user_id: cL.id },
        { changed_fields: ['venue'], actor_user_id: organizer.id },
      ]);
    });

    it('answers a stale version with 409 and read-only or unknown fields with 422, changing nothing', async () => {
      const c = await as(cL);
      const event = (await c.post('/api/events').send(eventBody())).body as EventDetailDto;
      const before = await eventRow(event.id);
      const stale = await c.put(`/api/events/${event.id}`).send({ version: event.version + 1, title: 'Stale' });
      expect(stale.status).toBe(409);
      for (const extra of [{ goingCount: 0 }, { id: event.id }, { leadOrganizationId: coA }, { cancelReason: 'x' }, { createdAt: new Date().toISOString() }, { nickname: 'x' }]) {
        const res = await c.put(`/api/events/${event.id}`).send({ version: event.version, title: 'Sneaky', ...extra });
        expect([Object.keys(extra)[0], res.status, Object.keys(res.body.errors ?? {})]).toEqual([Object.keys(extra)[0], 422, [Object.keys(extra)[0]]]);
      }
      const orgAsAlliance = await (await as(organizer)).put(`/api/events/${event.id}`).send({ version: event.version, leadOrganizationId: coA });
      expect(orgAsAlliance.status).toBe(422);
      const backwards = await c.put(`/api/events/${event.id}`).send({ version: event.version, endsAt: new Date(new Date(event.startsAt).getTime() - 3_600_000).toISOString() });
      expect([backwards.status, Object.keys(backwards.body.errors ?? {})]).toEqual([422, ['endsAt']]);
      const zone = await c.put(`/api/events/${event.id}`).send({ version: event.version, timeZone: 'Europe/Nowhere' });
      expect([zone.status, Object.keys(zone.body.errors ?? {})]).toEqual([422, ['timeZone']]);
      const demand = await c.put(`/api/events/${event.id}`).send({ version: event.version, campaignId: campaign1.id, demandId: campaign2.demands[0].id });
      expect([demand.status, Object.keys(demand.body.errors ?? {})]).toEqual([422, ['demandId']]);
      expect(await eventRow(event.id)).toEqual(before);
      expect(await audits(event.id, 'event.update')).toBe(0);
    });

    it('refuses a capacity below the people already going (422, unchanged) and takes one at or above it', async () => {
      const c = await as(cL);
      const event = (await c.post('/api/events').send(eventBody({ capacity: 5 }))).body as EventDetailDto;
      for (const firstName of ['Ana', 'Beto', 'Carla']) await rsvp(c, { eventId: event.id, firstName });
      const below = await c.put(`/api/events/${event.id}`).send({ version: event.version, capacity: 2 });
      expect([below.status, Object.keys(below.body.errors ?? {})]).toEqual([422, ['capacity']]);
      expect(await eventRow(event.id)).toMatchObject({ capacity: 5, going_count: 3, version: event.version });
      const zero = await c.put(`/api/events/${event.id}`).send({ version: event.version, capacity: 0 });
      expect(zero.status).toBe(422);
      const equal = await c.put(`/api/events/${event.id}`).send({ version: event.version, capacity: 3 });
      expect([equal.status, equal.body.capacity, equal.body.goingCount]).toEqual([200, 3, 3]);
    });
  });

  describe('invitations', () => {
    it('are sent by the lead (or the alliance) to member organizations, once; a co-host cannot invite', async () => {
      const c = await as(cL);
      const event = (await c.post('/api/events').send(eventBody())).body as EventDetailDto;
      const invited = await c.post('/api/event-hosts').send({ eventId: event.id, organizationId: coA });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ eventId: event.id, organizationId: coA, role: 'co_host', status: 'invited', going: 0 });
      expect(await audits(invited.body.id, 'event_host.invite')).toBe(1);

      const hosts = () => count('SELECT count(*)::int AS n FROM event_host WHERE event_id = $1', [event.id]);
      const before = await hosts();
      const dup = await c.post('/api/event-hosts').send({ eventId: event.id, organizationId: coA });
      expect(dup.status).toBe(409);
      const nonMember = await c.post('/api/event-hosts').send({ eventId: event.id, organizationId: applicant });
      expect([nonMember.status, Object.keys(nonMember.body.errors ?? {})]).toEqual([422, ['organizationId']]);
      const unknownOrg = await c.post('/api/event-hosts').send({ eventId: event.id, organizationId: '3f2504e0-4f89-4d3a-9a0c-0305e82c3301' });
      expect(unknownOrg.status).toBe(422);
      const byCoHost = await (await as(cA)).post('/api/event-hosts').send({ eventId: event.id, organizationId: coB });
      expect(byCoHost.status).toBe(404);
      const byViewer = await (await as(viewerL)).post('/api/event-hosts').send({ eventId: event.id, organizationId: coB });
      expect(byViewer.status).toBe(403);
      expect(await hosts()).toBe(before);

      const byAlliance = await (await as(organizer)).post('/api/event-hosts').send({ eventId: event.id, organizationId: coB });
      expect([byAlliance.status, byAlliance.body.status]).toEqual([201, 'invited']);
    });

    it("are answered only by the invited organization's coordinator; the alliance cannot answer; the lead cannot decline", async () => {
      const event = (await (await as(cL)).post('/api/events').send(eventBody({ coHostIds: [coA, coB] }))).body as EventDetailDto;
      const rowA = hostOf(event, coA);
      const rowB = hostOf(event, coB);
      const rowL = hostOf(event, lead);
      const snapshot = async () => (await t.sql.query('SELECT id, status, turnout_goal, version FROM event_host WHERE event_id = $1 ORDER BY id', [event.id])).rows;
      const before = await snapshot();

      for (const user of [cB, cX, cL]) {
        const res = await (await as(user)).put(`/api/event-hosts/${rowA.id}`).send({ version: rowA.version, status: 'accepted' });
        expect([user.organizationId, res.status]).toEqual([user.organizationId, 404]);
      }
      const alliance = await (await as(organizer)).put(`/api/event-hosts/${rowA.id}`).send({ version: rowA.version, status: 'accepted' });
      expect([alliance.status, Object.keys(alliance.body.errors ?? {})]).toEqual([422, ['status']]);
      const leadDeclines = await (await as(cL)).put(`/api/event-hosts/${rowL.id}`).send({ version: rowL.version, status: 'declined' });
      expect([leadDeclines.status, Object.keys(leadDeclines.body.errors ?? {})]).toEqual([422, ['status']]);
      const stale = await (await as(cA)).put(`/api/event-hosts/${rowA.id}`).send({ version: rowA.version + 3, status: 'accepted' });
      expect(stale.status).toBe(409);
      const bogus = await (await as(cA)).put(`/api/event-hosts/${rowA.id}`).send({ version: rowA.version, status: 'invited' });
      expect(bogus.status).toBe(422);
      const counter = await (await as(cA)).put(`/api/event-hosts/${rowA.id}`).send({ version: rowA.version, going: 500 });
      expect(counter.status).toBe(422);
      expect(await snapshot()).toEqual(before);

      const accepted = await (await as(cA)).put(`/api/event-hosts/${rowA.id}`).send({ version: rowA.version, status: 'accepted', turnoutGoal: 25 });
      expect([accepted.status, accepted.body.status, accepted.body.turnoutGoal]).toEqual([200, 'accepted', 25]);
      const declined = await (await as(cB)).put(`/api/event-hosts/${rowB.id}`).send({ version: rowB.version, status: 'declined' });
      expect([declined.status, declined.body.status]).toEqual([200, 'declined']);
      const goal = await (await as(organizer)).put(`/api/event-hosts/${rowA.id}`).send({ version: accepted.body.version, turnoutGoal: 30 });
      expect([goal.status, goal.body.turnoutGoal]).toEqual([200, 30]);
      expect(await audits(rowA.id, 'event_host.accept')).toBe(1);
      expect(await audits(rowB.id, 'event_host.decline')).toBe(1);
      expect(await audits(rowA.id, 'event_host.update')).toBe(1);
      expect(await audits(rowL.id)).toBe(0);
    });
  });

  describe('the list', () => {
    it('filters by when, campaign, kind, state, host and dates, with Content-Range', async () => {
      const tag = unique('Filtertag').replace(' ', '');
      const title = (s: string) => `${s} ${tag}`;
      const e1 = (await (await as(cL)).post('/api/events').send(eventBody({ title: title('One'), kind: 'rally', campaignId: campaign1.id, state: 'IL', startsAt: inDays(10), endsAt: inDays(10, 20) }))).body as EventDetailDto;
      const e2 = await eventWithHosts(await as(cA), as, { title: title('Two'), kind: 'forum', campaignId: campaign2.id, state: 'CA', timeZone: 'America/Los_Angeles', startsAt: inDays(20), endsAt: inDays(20, 22), coHostIds: [coB, outsider] }, [coHost(coB, cB)]);
      await (await as(cX)).put(`/api/event-hosts/${hostOf(e2, outsider).id}`).send({ version: hostOf(e2, outsider).version, status: 'declined' });
      const e3 = (await (await as(cB)).post('/api/events').send(eventBody({ title: title('Three'), kind: 'march', state: 'TX', startsAt: inDays(-10), endsAt: inDays(-10, 20) }))).body as EventDetailDto;
      const e4 = (await (await as(cX)).post('/api/events').send(eventBody({ title: title('Four'), kind: 'vigil', status: 'draft', startsAt: inDays(12), endsAt: inDays(12, 20) }))).body as EventDetailDto;

      const viewer = await as(cA);
      const list = async (filter: Record<string, unknown>, extra: Record<string, string> = {}) => {
        const res = await viewer.get('/api/events').query({ filter: JSON.stringify({ q: tag, ...filter }), ...extra });
        expect(res.status).toBe(200);
        return { ids: (res.body as EventDto[]).map((e) => e.id), range: res.get('Content-Range') };
      };
      expect(await list({})).toEqual({ ids: [e3.id, e1.id, e2.id], range: 'events 0-2/3' });
      expect(await list({}, { sort: JSON.stringify(['startsAt', 'DESC']) })).toEqual({ ids: [e2.id, e1.id, e3.id], range: 'events 0-2/3' });
      expect(await list({}, { range: '[1,1]' })).toEqual({ ids: [e1.id], range: 'events 1-1/3' });
      expect(await list({ when: 'upcoming' })).toEqual({ ids: [e1.id, e2.id], range: 'events 0-1/2' });
      expect(await list({ when: 'past' })).toEqual({ ids: [e3.id], range: 'events 0-0/1' });
      expect((await list({ campaignId: campaign1.id })).ids).toEqual([e1.id]);
      expect((await list({ kind: 'forum' })).ids).toEqual([e2.id]);
      expect((await list({ state: 'TX' })).ids).toEqual([e3.id]);
      expect((await list({ hostOrganizationId: coB })).ids).toEqual([e3.id, e2.id]);
      expect((await list({ hostOrganizationId: lead })).ids).toEqual([e1.id]);
      // A declined invitation is not hosting; another organization's draft stays invisible.
      expect(await list({ hostOrganizationId: outsider })).toEqual({ ids: [], range: 'events 0-0/0' });
      expect((await list({ from: inDays(5), to: inDays(15) })).ids).toEqual([e1.id]);
      expect((await list({ from: inDays(15) })).ids).toEqual([e2.id]);
      expect((await list({ to: inDays(0) })).ids).toEqual([e3.id]);
      expect((await list({ when: 'upcoming', hostOrganizationId: coB, kind: 'forum' })).ids).toEqual([e2.id]);
      // The alliance sees the draft too.
      const alliance = await (await as(organizer)).get('/api/events').query({ filter: JSON.stringify({ q: tag, kind: 'vigil' }) });
      expect(alliance.body.map((e: EventDto) => e.id)).toEqual([e4.id]);

      for (const bad of [{ when: 'soon' }, { hostOrganizationId: 'not-a-uuid' }, { from: 'yesterday' }, { campaignId: 'x' }, { createdBy: cL.id }]) {
        const res = await viewer.get('/api/events').query({ filter: JSON.stringify(bad) });
        expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 422]);
      }
    });
  });

  describe('cancelling', () => {
    it('needs the lead and a reason; cancels everywhere, keeps RSVPs, and then takes no RSVP or update', async () => {
      const event = await eventWithHosts(await as(cL), as, {}, [coHost(coA, cA), coHost(coB, cB)]);
      await rsvp(await as(cA), { eventId: event.id, firstName: 'Dolores' });
      await rsvp(await as(cA), { eventId: event.id, firstName: 'Emilio', status: 'maybe' });
      await rsvp(await as(cB), { eventId: event.id, firstName: 'Fabiola' });
      const rsvps = async () => (await t.sql.query('SELECT id, status, first_name FROM rsvp WHERE event_id = $1 ORDER BY id', [event.id])).rows;
      const kept = await rsvps();
      expect(kept).toHaveLength(3);

      const noReason = await (await as(cL)).post(`/api/events/${event.id}/cancel`).send({ version: event.version });
      expect([noReason.status, Object.keys(noReason.body.errors ?? {})]).toEqual([422, ['reason']]);
      const blank = await (await as(cL)).post(`/api/events/${event.id}/cancel`).send({ version: event.version, reason: '   ' });
      expect(blank.status).toBe(422);
      expect((await (await as(cA)).post(`/api/events/${event.id}/cancel`).send({ version: event.version, reason: 'Mine now' })).status).toBe(404);
      expect((await (await as(cL)).post(`/api/events/${event.id}/cancel`).send({ version: event.version + 1, reason: 'Stale' })).status).toBe(409);
      expect(await eventRow(event.id)).toMatchObject({ status: 'published', cancel_reason: null });

      const cancelled = await (await as(cL)).post(`/api/events/${event.id}/cancel`).send({ version: event.version, reason: 'Storm warning' });
      expect([cancelled.status, cancelled.body.status, cancelled.body.cancelReason]).toEqual([200, 'cancelled', 'Storm warning']);
      expect(await audits(event.id, 'event.cancel')).toBe(1);

      // Everyone sees it cancelled, the RSVPs stay as they were, and so do the counts.
      for (const user of [cX, cB, organizer]) {
        const list = await (await as(user)).get('/api/events').query({ filter: JSON.stringify({ id: [event.id] }) });
        expect(list.body.map((e: EventDto) => [e.id, e.status, e.cancelReason])).toEqual([[event.id, 'cancelled', 'Storm warning']]);
      }
      const upcomingCancelled = await (await as(cX)).get('/api/events').query({ filter: JSON.stringify({ status: 'cancelled', when: 'upcoming', id: [event.id] }) });
      expect(upcomingCancelled.body).toHaveLength(1);
      expect(await rsvps()).toEqual(kept);
      const totals = await (await as(cX)).get(`/api/events/${event.id}/totals`);
      expect(totals.body.totals).toMatchObject({ going: 2, maybe: 1 });

      const beforeRsvps = await count('SELECT count(*)::int AS n FROM rsvp WHERE event_id = $1', [event.id]);
      const late = await (await as(cA)).post('/api/rsvps').send({ eventId: event.id, firstName: 'Late' });
      expect(late.status).toBe(422);
      expect(await count('SELECT count(*)::int AS n FROM rsvp WHERE event_id = $1', [event.id])).toBe(beforeRsvps);
      const current = await eventRow(event.id);
      const update = await (await as(cL)).put(`/api/events/${event.id}`).send({ version: current.version, title: 'Rescheduled' });
      expect(update.status).toBe(422);
      const republish = await (await as(organizer)).put(`/api/events/${event.id}`).send({ version: current.version, status: 'published' });
      expect(republish.status).toBe(422);
      expect((await (await as(cL)).post(`/api/events/${event.id}/cancel`).send({ version: current.version, reason: 'Again' })).status).toBe(409);
      expect((await (await as(cL)).post('/api/event-hosts').send({ eventId: event.id, organizationId: outsider })).status).toBe(422);
      expect((await (await as(cL)).post(`/api/events/${event.id}/complete`).send({ version: current.version })).status).toBe(422);
      expect(await eventRow(event.id)).toEqual(current);
    });
  });

  describe('completing', () => {
    async function turnoutPledge(user: TestUser, quantity: number, metric = 'turnout'): Promise<PledgeDto> {
      const res = await (await as(user)).post('/api/pledges').send({ campaignId: campaign1.id, metric, quantity });
      expect([res.status, res.body.errors]).toEqual([201, undefined]);
      return res.body as PledgeDto;
    }
    const pledgeReported = async (id: string) => Number((await t.sql.query('SELECT reported FROM pledge WHERE id = $1', [id])).rows[0].reported);

    it("records each host's attendance on its turnout pledge for the campaign, in exact totals, and none for a host without one", async () => {
      const pledgeL = await turnoutPledge(cL, 100);
      const pledgeA = await turnoutPledge(cA, 40);
      const callsB = await turnoutPledge(cB, 500, 'calls');
      const earlier = await (await as(cA)).post('/api/pledge-reports').send({ pledgeId: pledgeA.id, quantity: 5 });
      expect(earlier.status).toBe(201);

      const event = await eventWithHosts(await as(cL), as, { campaignId: campaign1.id, startsAt: inDays(-1, 15), endsAt: inDays(-1, 18) }, [coHost(coA, cA), coHost(coB, cB)]);
      const fresh = (await (await as(cL)).get(`/api/events/${event.id}`)).body as EventDetailDto;
      const attendance: [TestUser, string, number][] = [
        [cL, lead, 30],
        [cA, coA, 12],
        [cB, coB, 7],
      ];
      for (const [user, org, n] of attendance) {
        const row = hostOf(fresh, org);
        const res = await (await as(user)).put(`/api/event-hosts/${row.id}`).send({ version: row.version, reportedAttendance: n });
        expect([org, res.status, res.body.reportedAttendance]).toEqual([org, 200, n]);
      }

      expect((await (await as(cA)).post(`/api/events/${event.id}/complete`).send({ version: fresh.version, recordAttendance: true })).status).toBe(404);
      expect((await (await as(cL)).post(`/api/events/${event.id}/complete`).send({ version: fresh.version + 1, recordAttendance: true })).status).toBe(409);
      expect(await count('SELECT count(*)::int AS n FROM pledge_report WHERE event_id = $1', [event.id])).toBe(0);

      const done = await (await as(cL)).post(`/api/events/${event.id}/complete`).send({ version: fresh.version, recordAttendance: true });
      expect([done.status, done.body.status]).toEqual([200, 'completed']);

      const reports = await t.sql.query(`SELECT pledge_id, quantity::int AS quantity, reported_on::text AS reported_on, reported_by FROM pledge_report WHERE event_id = $1 ORDER BY quantity DESC`, [event.id]);
      expect(reports.rows).toEqual([
        { pledge_id: pledgeL.id, quantity: 30, reported_on: inDays(-1).slice(0, 10), reported_by: cL.id },
        { pledge_id: pledgeA.id, quantity: 12, reported_on: inDays(-1).slice(0, 10), reported_by: cL.id },
      ]);
      expect(await pledgeReported(pledgeL.id)).toBe(30);
      expect(await pledgeReported(pledgeA.id)).toBe(17);
      expect(await pledgeReported(callsB.id)).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM pledge_report r JOIN pledge p ON p.id = r.pledge_id WHERE p.organization_id = $1`, [coB])).toBe(0);

      // The answer and the audit row say which host's attendance went on which pledge (none: null).
      const recorded = [
        { organizationId: lead, pledgeId: pledgeL.id, quantity: 30 },
        { organizationId: coA, pledgeId: pledgeA.id, quantity: 12 },
        { organizationId: coB, pledgeId: null, quantity: 7 },
      ];
      const byOrg = (a: { organizationId: string }, b: { organizationId: string }) => a.organizationId.localeCompare(b.organizationId);
      expect([...(done.body.attendanceRecorded as typeof recorded)].sort(byOrg)).toEqual([...recorded].sort(byOrg));
      const audit = await t.sql.query(`SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'event.complete'`, [event.id]);
      expect(audit.rows).toHaveLength(1);
      expect([...(audit.rows[0].after.attendanceRecorded as typeof recorded)].sort(byOrg)).toEqual([...recorded].sort(byOrg));
      expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'pledge_report.create' AND after->>'eventId' = $1`, [event.id])).toBe(2);

      // Completed is final: no second record, no update.
      const again = await (await as(cL)).post(`/api/events/${event.id}/complete`).send({ version: done.body.version, recordAttendance: true });
      expect(again.status).toBe(422);
      expect(await pledgeReported(pledgeL.id)).toBe(30);
      expect((await (await as(cL)).put(`/api/events/${event.id}`).send({ version: done.body.version, title: 'Edited' })).status).toBe(422);
    });

    it('records nothing without recordAttendance, and refuses to complete a draft', async () => {
      const pledge = await turnoutPledge(cX, 20);
      const plain = await eventWithHosts(await as(cX), as, { campaignId: campaign1.id });
      const row = plain.hosts[0];
      await (await as(cX)).put(`/api/event-hosts/${row.id}`).send({ version: row.version, reportedAttendance: 9 });
      const current = (await (await as(cX)).get(`/api/events/${plain.id}`)).body as EventDetailDto;
      expect((await (await as(cX)).post(`/api/events/${plain.id}/complete`).send({ version: current.version })).status).toBe(200);
      expect(await count('SELECT count(*)::int AS n FROM pledge_report WHERE event_id = $1', [plain.id])).toBe(0);
      expect(await pledgeReported(pledge.id)).toBe(0);

      const draft = (await (await as(cX)).post('/api/events').send(eventBody({ status: 'draft', campaignId: campaign1.id }))).body as EventDetailDto;
      const refused = await (await as(cX)).post(`/api/events/${draft.id}/complete`).send({ version: draft.version, recordAttendance: true });
      expect([refused.status, Object.keys(refused.body.errors ?? {})]).toEqual([422, ['status']]);
      expect(await eventRow(draft.id)).toMatchObject({ status: 'draft', version: draft.version });
      expect(await audits(draft.id, 'event.complete')).toBe(0);
    });
  });
});
