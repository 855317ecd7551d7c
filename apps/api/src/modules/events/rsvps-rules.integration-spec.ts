import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { EventDetailDto, EventHostDto, RsvpDto } from '@unidos/contracts';
import { eventBody, eventWithHosts, inDays, person, rsvp, sessions, unique } from '../../../test/events-fixtures';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

interface Row {
  id: string;
  host: string;
  status: string;
}

/**
 * RSVPs: each accepted host registers its own people; capacity holds under a burst of sign-ups
 * from every host; the waitlist moves up oldest first; check-in and walk-ins stay within the
 * host's own rows; and no route shows a co-host another host's names.
 */
describe('RSVPs: who registers whom, capacity and waitlist, check-in, walk-ins, privacy between hosts', () => {
  let t: TestContext;
  let as: (user: TestUser) => Promise<TestAgent>;
  let orgL: string;
  let orgA: string;
  let orgB: string;
  let orgI: string; // invited, never answered
  let orgD: string; // declined
  let orgX: string; // not a host
  let cL: TestUser;
  let cA: TestUser;
  let cB: TestUser;
  let cI: TestUser;
  let cD: TestUser;
  let cX: TestUser;
  let viewerA: TestUser;
  let organizer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    as = sessions(t);
    orgL = await t.createOrganization({ name: unique('Lead Center') });
    orgA = await t.createOrganization({ name: unique('Host A') });
    orgB = await t.createOrganization({ name: unique('Host B') });
    orgI = await t.createOrganization({ name: unique('Invited') });
    orgD = await t.createOrganization({ name: unique('Declined') });
    orgX = await t.createOrganization({ name: unique('Outsider') });
    cL = await t.createUser('org_coordinator', orgL);
    cA = await t.createUser('org_coordinator', orgA);
    cB = await t.createUser('org_coordinator', orgB);
    cI = await t.createUser('org_coordinator', orgI);
    cD = await t.createUser('org_coordinator', orgD);
    cX = await t.createUser('org_coordinator', orgX);
    viewerA = await t.createUser('org_viewer', orgA);
    organizer = await t.createUser('alliance_organizer');
    admin = await t.createUser('alliance_admin');
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await t.sql.query<{ n: number }>(sql, params)).rows[0].n;
  const rsvpCount = (eventId: string) => count('SELECT count(*)::int AS n FROM rsvp WHERE event_id = $1', [eventId]);
  /** Every RSVP of the event; the waitlisted ones in the order of the line (longest waiting first). */
  const rows = async (eventId: string): Promise<Row[]> =>
    (await t.sql.query<Row>('SELECT id, host_organization_id AS host, status FROM rsvp WHERE event_id = $1 ORDER BY waitlisted_at, created_at, id', [eventId])).rows;
  const going = async (eventId: string) => {
    const { rows: r } = await t.sql.query<{ going_count: number; capacity: number | null; real: number }>(
      `SELECT going_count, capacity, (SELECT count(*)::int FROM rsvp WHERE event_id = $1 AND status IN ('going', 'attended')) AS real FROM event WHERE id = $1`,
      [eventId],
    );
    return r[0];
  };
  /** The per-host counters the trigger keeps, next to the real counts. */
  const countersMatch = async (eventId: string) => {
    const { rows: r } = await t.sql.query(
      `SELECT h.organization_id, h.going, h.maybe, h.declined, h.waitlisted, h.checked_in,
              (SELECT count(*)::int FROM rsvp r WHERE r.event_id = h.event_id AND r.host_organization_id = h.organization_id AND r.status = 'going') AS real_going,
              (SELECT count(*)::int FROM rsvp r WHERE r.event_id = h.event_id AND r.host_organization_id = h.organization_id AND r.status = 'maybe') AS real_maybe,
              (SELECT count(*)::int FROM rsvp r WHERE r.event_id = h.event_id AND r.host_organization_id = h.organization_id AND r.status = 'declined') AS real_declined,
              (SELECT count(*)::int FROM rsvp r WHERE r.event_id = h.event_id AND r.host_organization_id = h.organization_id AND r.status = 'waitlisted') AS real_waitlisted,
              (SELECT count(*)::int FROM rsvp r WHERE r.event_id = h.event_id AND r.host_organization_id = h.organization_id AND r.status = 'attended') AS real_checked_in
         FROM event_host h WHERE h.event_id = $1`,
      [eventId],
    );
    for (const h of r) {
      expect([h.going, h.maybe, h.declined, h.waitlisted, h.checked_in]).toEqual([h.real_going, h.real_maybe, h.real_declined, h.real_waitlisted, h.real_checked_in]);
    }
  };
  const agentOf = async (org: string) => as(({ [orgL]: cL, [orgA]: cA, [orgB]: cB } as Record<string, TestUser>)[org]);
  const hostRow = (event: EventDetailDto, org: string) => event.hosts.find((h) => h.organizationId === org) as EventHostDto;
  const coHosts = () => [
    { org: orgA, coordinator: cA },
    { org: orgB, coordinator: cB },
  ];

  /** Published, led by L with A and B accepted, I invited and D declined. */
  async function jointEvent(fields: Record<string, unknown> = {}): Promise<EventDetailDto> {
    const event = await eventWithHosts(await as(cL), as, { coHostIds: [orgA, orgB, orgI, orgD], ...fields }, coHosts());
    const d = hostRow(event, orgD);
    expect((await (await as(cD)).put(`/api/event-hosts/${d.id}`).send({ version: d.version, status: 'declined' })).status).toBe(200);
    return event;
  }

  describe('registering', () => {
    it('is for accepted hosts only: an invited, a declined or a non-host organization gets 422', async () => {
      const event = await jointEvent();
      for (const user of [cI, cD, cX]) {
        const res = await (await as(user)).post('/api/rsvps').send({ eventId: event.id, firstName: 'Nadie' });
        expect([user.organizationId, res.status, Object.keys(res.body.errors ?? {})]).toEqual([user.organizationId, 422, ['eventId']]);
      }
      expect(await rsvpCount(event.id)).toBe(0);
      for (const user of [cL, cA, cB]) {
        const created = await (await as(user)).post('/api/rsvps').send({ eventId: event.id, firstName: 'Alguien' });
        expect([created.status, created.body.hostOrganizationId, created.body.status]).toEqual([201, user.organizationId, 'going']);
        expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'rsvp.create'`, [created.body.id])).toBe(1);
      }
      const unknownEvent = await (await as(cA)).post('/api/rsvps').send({ eventId: '3f2504e0-4f89-4d3a-9a0c-0305e82c3301', firstName: 'Nadie' });
      expect(unknownEvent.status).toBe(422);
    });

    it("takes one of the organization's own people or a first name, never both or neither, and a person once", async () => {
      const event = await jointEvent();
      const mine = await person(await as(cA), unique('Rosa Mendez'));
      const theirs = await person(await as(cB), unique('Tomas Rivera'));
      const a = await as(cA);

      const foreign = await a.post('/api/rsvps').send({ eventId: event.id, personId: theirs });
      expect([foreign.status, Object.keys(foreign.body.errors ?? {})]).toEqual([422, ['personId']]);
      const unknown = await a.post('/api/rsvps').send({ eventId: event.id, personId: '3f2504e0-4f89-4d3a-9a0c-0305e82c3301' });
      expect(unknown.status).toBe(422);
      const both = await a.post('/api/rsvps').send({ eventId: event.id, personId: mine, firstName: 'Rosa' });
      expect(both.status).toBe(422);
      const neither = await a.post('/api/rsvps').send({ eventId: event.id });
      expect(neither.status).toBe(422);
      const badStatus = await a.post('/api/rsvps').send({ eventId: event.id, firstName: 'Rosa', status: 'attended' });
      expect(badStatus.status).toBe(422);
      expect(await rsvpCount(event.id)).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM rsvp WHERE person_id = $1', [theirs])).toBe(0);

      const ok = await a.post('/api/rsvps').send({ eventId: event.id, personId: mine, status: 'maybe' });
      expect([ok.status, ok.body.personId, ok.body.status]).toEqual([201, mine, 'maybe']);
      const dup = await a.post('/api/rsvps').send({ eventId: event.id, personId: mine });
      expect(dup.status).toBe(409);
      expect(await rsvpCount(event.id)).toBe(1);
      // Another event takes the same person.
      const other = await jointEvent();
      expect((await a.post('/api/rsvps').send({ eventId: other.id, personId: mine })).status).toBe(201);
    });

    it('refuses past, draft and cancelled events with 422, and takes one that is under way', async () => {
      const c = await as(cL);
      const past = (await c.post('/api/events').send(eventBody({ startsAt: inDays(-3, 15), endsAt: inDays(-3, 18) }))).body as EventDetailDto;
      const draft = (await c.post('/api/events').send(eventBody({ status: 'draft' }))).body as EventDetailDto;
      const cancelled = (await c.post('/api/events').send(eventBody())).body as EventDetailDto;
      expect((await c.post(`/api/events/${cancelled.id}/cancel`).send({ version: cancelled.version, reason: 'Permit denied' })).status).toBe(200);
      for (const e of [past, draft, cancelled]) {
        const res = await c.post('/api/rsvps').send({ eventId: e.id, firstName: 'Tarde' });
        expect([e.status, res.status, Object.keys(res.body.errors ?? {})]).toEqual([e.status, 422, ['eventId']]);
        expect(await rsvpCount(e.id)).toBe(0);
      }
      const now = Date.now();
      const underWay = (await c.post('/api/events').send(eventBody({ startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() }))).body as EventDetailDto;
      expect((await c.post('/api/rsvps').send({ eventId: underWay.id, firstName: 'A tiempo' })).status).toBe(201);
    });

    it("shows alliance roles no RSVP and lets them write none (403); viewers read their own organization's but cannot write", async () => {
      const event = await jointEvent();
      const mineRsvp = await rsvp(await as(cA), { eventId: event.id, firstName: 'Visible' });
      for (const user of [organizer, admin]) {
        const a = await as(user);
        // The alliance sees counts, never who is coming: its RSVP list is empty and an RSVP is not found.
        const list = await a.get('/api/rsvps').query({ filter: JSON.stringify({ eventId: event.id }) });
        expect([list.status, list.body, list.get('Content-Range')]).toEqual([200, [], 'rsvps 0-0/0']);
        expect((await a.get(`/api/rsvps/${mineRsvp.id}`)).status).toBe(404);
        const writes: Response[] = [
          await a.post('/api/rsvps').send({ eventId: event.id, firstName: 'Alianza' }),
          await a.put(`/api/rsvps/${mineRsvp.id}`).send({ version: mineRsvp.version, status: 'declined' }),
          await a.post(`/api/rsvps/${mineRsvp.id}/check-in`),
          await a.delete(`/api/rsvps/${mineRsvp.id}`),
        ];
        expect(writes.map((r) => r.status)).toEqual([403, 403, 403, 403]);
      }
      const v = await as(viewerA);
      const listed = await v.get('/api/rsvps').query({ filter: JSON.stringify({ eventId: event.id }) });
      expect([listed.status, listed.body.map((r: RsvpDto) => r.name), listed.get('Content-Range')]).toEqual([200, ['Visible'], 'rsvps 0-0/1']);
      expect((await v.get(`/api/rsvps/${mineRsvp.id}`)).body.name).toBe('Visible');
      const writes: Response[] = [
        await v.post('/api/rsvps').send({ eventId: event.id, firstName: 'Viewer' }),
        await v.put(`/api/rsvps/${mineRsvp.id}`).send({ version: mineRsvp.version, status: 'declined' }),
        await v.post(`/api/rsvps/${mineRsvp.id}/check-in`),
        await v.post(`/api/rsvps/${mineRsvp.id}/undo-check-in`),
        await v.delete(`/api/rsvps/${mineRsvp.id}`),
        await v.post(`/api/event-hosts/${hostRow(event, orgA).id}/walk-ins`).send({ delta: 1 }),
      ];
      expect(writes.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
      expect(await rows(event.id)).toEqual([{ id: mineRsvp.id, host: orgA, status: 'going' }]);
    });
  });

  describe('capacity and the waitlist', () => {
    it('holds capacity 10 under 50 concurrent sign-ups from 3 hosts, then moves the oldest waitlisted up on concurrent declines and deletes', async () => {
      const event = await jointEvent({ capacity: 10 });
      const hosts = [orgL, orgA, orgB];
      const agents = await Promise.all(hosts.map(agentOf));
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => agents[i % 3].post('/api/rsvps').send({ eventId: event.id, firstName: `Burst${i}` })));
      expect(results.map((r) => r.status)).toEqual(Array<number>(50).fill(201));
      expect(results.filter((r) => r.body.status === 'going')).toHaveLength(10);
      expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(40);
      expect(await going(event.id)).toEqual({ going_count: 10, capacity: 10, real: 10 });
      await countersMatch(event.id);
      const totals = (await (await as(cX)).get(`/api/events/${event.id}/totals`)).body;
      expect(totals).toMatchObject({ capacity: 10, goingCount: 10, totals: { going: 10, waitlisted: 40 } });

      // Four people going decline at once, while two of the next in line are removed: every request
      // succeeds, no place is lost or doubled, and those who move up are the oldest left in line.
      const start = await rows(event.id);
      const version = new Map(results.map((r) => [r.body.id as string, r.body.version as number]));
      const goingRows = start.filter((r) => r.status === 'going');
      const waitlist = start.filter((r) => r.status === 'waitlisted');
      const decliners = goingRows.slice(0, 4);
      const removed = [waitlist[0], waitlist[2]];
      const answers = await Promise.all([
        ...decliners.map(async (r) => (await agentOf(r.host)).put(`/api/rsvps/${r.id}`).send({ version: version.get(r.id), status: 'declined' })),
        ...removed.map(async (r) => (await agentOf(r.host)).delete(`/api/rsvps/${r.id}`)),
      ]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const after = await rows(event.id);
      expect(await going(event.id)).toEqual({ going_count: 10, capacity: 10, real: 10 });
      const line = waitlist.filter((r) => !removed.includes(r)).map((r) => r.id);
      const status = new Map(after.map((r) => [r.id, r.status]));
      expect(line.map((id) => status.get(id))).toEqual([...Array<string>(4).fill('going'), ...Array<string>(line.length - 4).fill('waitlisted')]);
      expect(decliners.map((r) => status.get(r.id))).toEqual(['declined', 'declined', 'declined', 'declined']);
      expect(removed.map((r) => status.get(r.id))).toEqual([undefined, undefined]);
      await countersMatch(event.id);
      const audit = async (action: string, list: Row[]) =>
        count(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND entity_id = ANY($2::uuid[])`, [action, list.map((r) => r.id)]);
      expect([await audit('rsvp.update', decliners), await audit('rsvp.delete', removed)]).toEqual([4, 2]);

      // Deleting two who are going lets the next two in line up.
      const stillGoing = goingRows.slice(4, 6);
      const deletes = await Promise.all(stillGoing.map(async (r) => (await agentOf(r.host)).delete(`/api/rsvps/${r.id}`)));
      expect(deletes.map((r) => r.status)).toEqual([200, 200]);
      const afterDeletes = new Map((await rows(event.id)).map((r) => [r.id, r.status]));
      expect(line.map((id) => afterDeletes.get(id))).toEqual([...Array<string>(6).fill('going'), ...Array<string>(line.length - 6).fill('waitlisted')]);
      expect(await going(event.id)).toEqual({ going_count: 10, capacity: 10, real: 10 });

      // Raising the capacity lets the next five up; a later sign-up is waitlisted behind them.
      const current = (await (await as(cL)).get(`/api/events/${event.id}`)).body as EventDetailDto;
      const raised = await (await as(cL)).put(`/api/events/${event.id}`).send({ version: current.version, capacity: 15 });
      expect([raised.status, raised.body.goingCount]).toEqual([200, 15]);
      const afterRaise = new Map((await rows(event.id)).map((r) => [r.id, r.status]));
      expect(line.map((id) => afterRaise.get(id))).toEqual([...Array<string>(11).fill('going'), ...Array<string>(line.length - 11).fill('waitlisted')]);
      expect((await rsvp(await as(cA), { eventId: event.id, firstName: 'Latecomer' })).status).toBe('waitlisted');
      expect(await going(event.id)).toEqual({ going_count: 15, capacity: 15, real: 15 });
      await countersMatch(event.id);
      expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'rsvp.create' AND after->>'eventId' = $1`, [event.id])).toBe(51);
    });

    it('checks people in from the line while others decline at the same moment, without conflicts or lost counts', async () => {
      for (let round = 0; round < 3; round++) {
        const event = await jointEvent({ capacity: 4 });
        const l = await as(cL);
        const a = await as(cA);
        const goingL: RsvpDto[] = [];
        for (let i = 0; i < 4; i++) goingL.push(await rsvp(l, { eventId: event.id, firstName: `Door${i}` }));
        const line: RsvpDto[] = [];
        for (let i = 0; i < 4; i++) line.push(await rsvp(a, { eventId: event.id, firstName: `Line${i}` }));
        expect(line.map((r) => r.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);
        const answers = await Promise.all([
          ...goingL.slice(0, 2).map((r) => l.put(`/api/rsvps/${r.id}`).send({ version: r.version, status: 'declined' }).then((x) => x)),
          ...line.slice(0, 3).map((r) => a.post(`/api/rsvps/${r.id}/check-in`).then((x) => x)),
        ]);
        expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
        const state = await going(event.id);
        expect(state.going_count).toBe(state.real);
        expect((await rows(event.id)).filter((r) => r.status === 'attended')).toHaveLength(3);
        await countersMatch(event.id);
      }
    });

    it("moves another host's waitlisted person up when someone declines, and a 'maybe' takes no place", async () => {
      const event = await jointEvent({ capacity: 2 });
      const l1 = await rsvp(await as(cL), { eventId: event.id, firstName: 'Lidia' });
      await rsvp(await as(cL), { eventId: event.id, firstName: 'Lalo' });
      const maybe = await rsvp(await as(cB), { eventId: event.id, firstName: 'Quizas', status: 'maybe' });
      const a1 = await rsvp(await as(cA), { eventId: event.id, firstName: 'Amalia' });
      const b1 = await rsvp(await as(cB), { eventId: event.id, firstName: 'Bruno' });
      expect([maybe.status, a1.status, b1.status]).toEqual(['maybe', 'waitlisted', 'waitlisted']);

      // A 'maybe' who decides to go joins the line rather than taking a place.
      const decided = await (await as(cB)).put(`/api/rsvps/${maybe.id}`).send({ version: maybe.version, status: 'going' });
      expect([decided.status, decided.body.status]).toEqual([200, 'waitlisted']);

      const declined = await (await as(cL)).put(`/api/rsvps/${l1.id}`).send({ version: l1.version, status: 'declined' });
      expect([declined.status, declined.body.status]).toEqual([200, 'declined']);
      expect((await (await as(cA)).get(`/api/rsvps/${a1.id}`)).body.status).toBe('going');
      expect((await (await as(cB)).get(`/api/rsvps/${b1.id}`)).body.status).toBe('waitlisted');
      expect(await going(event.id)).toEqual({ going_count: 2, capacity: 2, real: 2 });
      // Changing one's mind back does not jump the line.
      const back = await (await as(cL)).put(`/api/rsvps/${l1.id}`).send({ version: declined.body.version, status: 'going' });
      expect(back.body.status).toBe('waitlisted');
      await countersMatch(event.id);
    });
  });

  describe('check-in and walk-ins', () => {
    it("checks in only the host's own RSVPs: another host's id is 404 and changes nothing; twice is 409; undo works", async () => {
      const event = await jointEvent();
      const rA = await rsvp(await as(cA), { eventId: event.id, firstName: 'Ines' });
      const rDeclined = await rsvp(await as(cA), { eventId: event.id, firstName: 'Noel', status: 'declined' });
      const snapshot = async () => (await t.sql.query('SELECT status, checked_in_at, version FROM rsvp WHERE id = $1', [rA.id])).rows[0];
      const before = await snapshot();
      const b = await as(cB);
      for (const res of [
        await b.post(`/api/rsvps/${rA.id}/check-in`),
        await b.post(`/api/rsvps/${rA.id}/undo-check-in`),
        await b.put(`/api/rsvps/${rA.id}`).send({ version: rA.version, status: 'declined' }),
        await b.delete(`/api/rsvps/${rA.id}`),
        await (await as(cL)).post(`/api/rsvps/${rA.id}/check-in`),
      ]) {
        expect(res.status).toBe(404);
      }
      expect(await snapshot()).toEqual(before);
      expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action <> 'rsvp.create'`, [rA.id])).toBe(0);

      const a = await as(cA);
      const inn = await a.post(`/api/rsvps/${rA.id}/check-in`);
      expect([inn.status, inn.body.status, typeof inn.body.checkedInAt]).toEqual([200, 'attended', 'string']);
      expect((await a.post(`/api/rsvps/${rA.id}/check-in`)).status).toBe(409);
      expect((await (await as(cX)).get(`/api/events/${event.id}/totals`)).body.totals).toMatchObject({ checkedIn: 1, going: 0 });
      expect(await going(event.id)).toMatchObject({ going_count: 1, real: 1 });
      const undo = await a.post(`/api/rsvps/${rA.id}/undo-check-in`);
      expect([undo.status, undo.body.status, undo.body.checkedInAt]).toEqual([200, 'going', null]);
      expect((await (await as(cX)).get(`/api/events/${event.id}/totals`)).body.totals).toMatchObject({ checkedIn: 0, going: 1 });
      expect((await a.post(`/api/rsvps/${rDeclined.id}/check-in`)).status).toBe(422);
      expect((await a.post('/api/rsvps/3f2504e0-4f89-4d3a-9a0c-0305e82c3301/check-in')).status).toBe(404);
      const audit = await t.sql.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [rA.id]);
      expect(audit.rows.map((r) => r.action)).toEqual(['rsvp.create', 'rsvp.check_in', 'rsvp.undo_check_in']);
      await countersMatch(event.id);
    });

    it("counts walk-ins up and down, never below zero, only on the host's own row", async () => {
      const event = await jointEvent();
      const rowA = hostRow(event, orgA);
      const a = await as(cA);
      const walkIns = async () => (await t.sql.query('SELECT walk_ins FROM event_host WHERE id = $1', [rowA.id])).rows[0].walk_ins as number;
      expect((await a.post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: 1 })).body.walkIns).toBe(1);
      expect((await a.post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: 2 })).body.walkIns).toBe(3);
      expect((await a.post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: -1 })).body.walkIns).toBe(2);
      const below = await a.post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: -3 });
      expect([below.status, Object.keys(below.body.errors ?? {})]).toEqual([422, ['delta']]);
      expect((await a.post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: 0 })).status).toBe(422);
      for (const user of [cB, cL, cX]) expect((await (await as(user)).post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: 1 })).status).toBe(404);
      expect((await (await as(organizer)).post(`/api/event-hosts/${rowA.id}/walk-ins`).send({ delta: 1 })).status).toBe(403);
      expect(await walkIns()).toBe(2);
      expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'event_host.walk_ins'`, [rowA.id])).toBe(3);
      expect((await (await as(cX)).get(`/api/events/${event.id}/totals`)).body.totals.walkIns).toBe(2);
      // Nothing personal is kept for a walk-in.
      expect(await rsvpCount(event.id)).toBe(0);
    });
  });

  describe('privacy between hosts', () => {
    /** Every GET route the running app serves, as Express registered it. */
    function getRoutes(): string[] {
      const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
      return express.router.stack
        .filter((l) => l.route?.methods.get && l.route.path.startsWith('/api') && !l.route.path.startsWith('/api/docs'))
        .map((l) => (l.route as { path: string }).path);
    }

    it("never shows a co-host (nor an outsider or the alliance) another host's names, through any GET route or filter", async () => {
      const event = await jointEvent({ capacity: 3 });
      const b = await as(cB);
      const secretNames = ['Xiomara', 'Yolotzin', 'Zacarias Quintanilla', 'Wenceslao Itzcoatl'];
      const peopleB = [await person(b, secretNames[2]), await person(b, secretNames[3])];
      const rsvpsB = [
        await rsvp(b, { eventId: event.id, firstName: secretNames[0] }),
        await rsvp(b, { eventId: event.id, firstName: secretNames[1], status: 'maybe' }),
        await rsvp(b, { eventId: event.id, personId: peopleB[0] }),
        await rsvp(b, { eventId: event.id, personId: peopleB[1] }),
      ];
      expect((await b.post(`/api/rsvps/${rsvpsB[0].id}/check-in`)).status).toBe(200);
      const ownA = await rsvp(await as(cA), { eventId: event.id, firstName: 'Aurelio' });
      const needles = secretNames.flatMap((n) => n.split(' '));

      const routes = getRoutes();
      expect(routes).toEqual(expect.arrayContaining(['/api/rsvps', '/api/rsvps/:id', '/api/events/:id/totals', '/api/event-hosts', '/api/people', '/api/audit-events']));
      const ids = [event.id, ...rsvpsB.map((r) => r.id), ...peopleB, hostRow(event, orgB).id, orgB];
      const filters = [
        {},
        { q: 'Xiomara' },
        { q: 'Quintanilla' },
        { eventId: event.id },
        { eventId: event.id, status: 'going' },
        { personId: peopleB[0] },
        { id: rsvpsB.map((r) => r.id) },
        { id: peopleB },
        { hostOrganizationId: orgB },
        { organizationId: orgB },
      ];
      const sorts = [
        ['name', 'ASC'],
        ['name', 'DESC'],
        ['createdAt', 'DESC'],
      ];

      /** Walks every GET route as `user`: lists with each filter (and sorts), single routes with each id. */
      const walk = async (user: TestUser, thorough: boolean) => {
        const agent = await as(user);
        const feeds = (await agent.get('/api/calendar/feeds')).body as { coalition: string; organization: string | null };
        const feedPaths = [feeds.coalition, feeds.organization].filter((u): u is string => Boolean(u)).map((u) => new URL(u).pathname);
        const leaks: string[] = [];
        const errors: string[] = [];
        let ok = 0;
        const check = (label: string, res: Response) => {
          if (res.status >= 500) errors.push(`${label} -> ${res.status}`);
          if (res.status === 200) ok++;
          for (const n of needles) if ((res.text ?? '').includes(n)) leaks.push(`${label} shows ${n}`);
        };
        const lists = thorough ? filters : filters.slice(0, 4);
        const someIds = thorough ? ids : [event.id, rsvpsB[0].id, peopleB[0], hostRow(event, orgB).id, orgB];
        for (const route of routes) {
          const requests: [string, Promise<Response>][] = [];
          if (!route.includes(':')) {
            for (const filter of lists) requests.push([`${route} ${JSON.stringify(filter)}`, agent.get(route).query({ filter: JSON.stringify(filter) }).then((r) => r)]);
            for (const sort of thorough ? sorts : []) {
              const query = { filter: JSON.stringify({ eventId: event.id }), sort: JSON.stringify(sort) };
              requests.push([`${route} ${query.filter} ${query.sort}`, agent.get(route).query(query).then((r) => r)]);
            }
          } else if (!route.startsWith('/api/public/calendar')) {
            // Calendar feeds are walked below with their real signatures.
            for (const id of (route.match(/:[A-Za-z]+/g) ?? []).length === 1 ? someIds : []) {
              const path = route.replace(/:[A-Za-z]+/, id);
              requests.push([path, agent.get(path).then((r) => r)]);
            }
          }
          for (const [label, res] of await Promise.all(requests.map(async ([label, p]) => [label, await p] as const))) check(label, res);
        }
        for (const path of feedPaths) check(path, await t.http().get(path));
        expect(errors).toEqual([]);
        expect(leaks).toEqual([]);
        expect(ok).toBeGreaterThan(50);
      };
      await walk(cA, true);
      const mine = await (await as(cA)).get('/api/rsvps').query({ filter: JSON.stringify({ eventId: event.id }) });
      expect(mine.body.map((r: RsvpDto) => r.name)).toEqual(['Aurelio']);
      expect((await (await as(cA)).get(`/api/rsvps/${ownA.id}`)).body.name).toBe('Aurelio');
      await Promise.all([walk(cX, false), walk(organizer, false), walk(admin, false)]);

      // Host B itself sees its names (the needles are real), and the totals are the real counts.
      const own = await b.get('/api/rsvps').query({ filter: JSON.stringify({ eventId: event.id }), sort: JSON.stringify(['name', 'ASC']) });
      expect(own.body.map((r: RsvpDto) => r.name)).toEqual([...secretNames].sort());
      const totals = (await (await as(cA)).get(`/api/events/${event.id}/totals`)).body as {
        goingCount: number;
        hosts: { organizationId: string; going: number; maybe: number; waitlisted: number; checkedIn: number }[];
        totals: Record<string, number>;
      };
      const real = await t.sql.query<{ host: string; status: string; n: number }>(
        'SELECT host_organization_id AS host, status, count(*)::int AS n FROM rsvp WHERE event_id = $1 GROUP BY 1, 2',
        [event.id],
      );
      const realCount = (status: string, host?: string) => real.rows.filter((r) => r.status === status && (!host || r.host === host)).reduce((s, r) => s + r.n, 0);
      expect(totals.totals).toMatchObject({
        going: realCount('going'),
        maybe: realCount('maybe'),
        waitlisted: realCount('waitlisted'),
        checkedIn: realCount('attended'),
        declined: realCount('declined'),
      });
      expect(totals.goingCount).toBe(realCount('going') + realCount('attended'));
      for (const h of totals.hosts) {
        expect([h.organizationId, h.going, h.maybe, h.waitlisted, h.checkedIn]).toEqual([
          h.organizationId,
          realCount('going', h.organizationId),
          realCount('maybe', h.organizationId),
          realCount('waitlisted', h.organizationId),
          realCount('attended', h.organizationId),
        ]);
      }
      expect(totals.totals).toMatchObject({ going: 2, maybe: 1, waitlisted: 1, checkedIn: 1 });
    });
  });
});
