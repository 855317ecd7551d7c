import ICAL from 'ical.js';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const inDays = (days: number, hour = 17) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('joint events: hosts, RSVPs, capacity, check-in, totals, calendar', () => {
  let t: TestContext;
  let organizer: TestUser;
  const orgs: string[] = [];
  const coords: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await t.createUser('alliance_organizer');
    for (const name of ['Lead Host', 'Co Host One', 'Co Host Two']) {
      const id = await t.createOrganization({ name });
      orgs.push(id);
      coords.push(await t.createUser('org_coordinator', id));
    }
  });
  afterAll(() => t.close());

  async function rally(capacity: number | null = null) {
    const o = await t.as(organizer);
    const res = await o.post('/api/events').send({
      title: `Rally ${Math.random().toString(36).slice(2, 7)}`,
      kind: 'rally',
      startsAt: inDays(3),
      endsAt: inDays(3, 19),
      timeZone: 'America/Chicago',
      city: 'Chicago',
      state: 'IL',
      capacity,
      status: 'published',
      leadOrganizationId: orgs[0],
      coHostIds: [orgs[1], orgs[2]],
    });
    expect(res.status).toBe(201);
    for (const i of [1, 2]) {
      const c = await t.as(coords[i]);
      const host = res.body.hosts.find((h: { organizationId: string }) => h.organizationId === orgs[i]);
      expect((await c.put(`/api/event-hosts/${host.id}`).send({ version: host.version, status: 'accepted', turnoutGoal: 10 })).status).toBe(200);
    }
    return res.body as { id: string; version: number; hosts: { id: string; organizationId: string; version: number }[] };
  }

  it('lets co-hosts register their own people, check them in, count walk-ins, and shows everyone only the totals', async () => {
    const event = await rally();
    const c1 = await t.as(coords[1]);
    const c2 = await t.as(coords[2]);
    const ids: string[] = [];
    for (const firstName of ['Ana', 'Beto', 'Carla']) {
      const r = await c1.post('/api/rsvps').send({ eventId: event.id, firstName });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    expect((await c1.post(`/api/rsvps/${ids[0]}/check-in`)).status).toBe(200);
    expect((await c1.post(`/api/rsvps/${ids[1]}/check-in`)).status).toBe(200);
    const host1 = event.hosts.find((h) => h.organizationId === orgs[1]) as { id: string };
    for (let i = 0; i < 5; i++) expect((await c1.post(`/api/event-hosts/${host1.id}/walk-ins`).send({ delta: 1 })).status).toBe(200);

    // The other co-host sees numbers, never the names.
    const totals = await c2.get(`/api/events/${event.id}/totals`);
    expect(totals.body.totals).toMatchObject({ going: 1, checkedIn: 2, walkIns: 5 });
    expect(totals.text).not.toMatch(/Ana|Beto|Carla/);
    expect((await c2.get(`/api/rsvps/${ids[2]}`)).status).toBe(404);
    expect((await c2.get('/api/rsvps').query({ filter: JSON.stringify({ eventId: event.id }) })).body).toEqual([]);
    expect((await c2.post(`/api/rsvps/${ids[2]}/check-in`)).status).toBe(404);
    const admin = await t.as(organizer);
    const allianceList = await admin.get('/api/rsvps');
    expect([allianceList.status, allianceList.body]).toEqual([200, []]);
    expect((await admin.get(`/api/rsvps/${ids[2]}`)).status).toBe(404);
  });

  it('never exceeds capacity under 5x concurrent sign-ups, and moves the waitlist up when someone declines', async () => {
    const event = await rally(6);
    const agents = await Promise.all([t.as(coords[0]), t.as(coords[1]), t.as(coords[2])]);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => agents[i % 3].post('/api/rsvps').send({ eventId: event.id, firstName: `P${i}` })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const going = results.filter((r) => r.body.status === 'going');
    expect(going).toHaveLength(6);
    expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(24);
    const { rows } = await t.sql.query(`SELECT going_count, (SELECT count(*)::int FROM rsvp WHERE event_id = $1 AND status = 'going') AS n FROM event WHERE id = $1`, [event.id]);
    expect(rows[0]).toEqual({ going_count: 6, n: 6 });

    // Someone going declines: the oldest waitlisted moves up, whichever host brought them.
    const oldest = await t.sql.query(`SELECT first_name FROM rsvp WHERE event_id = $1 AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1`, [event.id]);
    const leaving = going[0];
    const owner = agents[results.indexOf(leaving) % 3];
    expect((await owner.put(`/api/rsvps/${leaving.body.id}`).send({ version: leaving.body.version, status: 'declined' })).status).toBe(200);
    const after = await t.sql.query(`SELECT first_name FROM rsvp WHERE event_id = $1 AND status = 'going' ORDER BY first_name`, [event.id]);
    expect(after.rows).toHaveLength(6);
    expect(after.rows.map((r) => r.first_name)).toContain(oldest.rows[0].first_name);
    expect(after.rows.map((r) => r.first_name)).not.toContain(leaving.body.name);

    // Capacity cannot go below those already going.
    const lead = await t.as(organizer);
    const current = (await lead.get(`/api/events/${event.id}`)).body;
    const lower = await lead.put(`/api/events/${event.id}`).send({ version: current.version, capacity: 3 });
    expect([lower.status, Object.keys(lower.body.errors ?? {})]).toEqual([422, ['capacity']]);
  });

  it('refuses bad events and RSVPs clearly, changing nothing', async () => {
    const o = await t.as(organizer);
    const base = { title: 'Bad', kind: 'forum', startsAt: inDays(2), endsAt: inDays(2, 19), timeZone: 'America/Chicago', leadOrganizationId: orgs[0] };
    const before = await t.sql.query('SELECT count(*)::int AS n FROM event');
    expect((await o.post('/api/events').send({ ...base, endsAt: inDays(1) })).body.errors).toHaveProperty('endsAt');
    expect((await o.post('/api/events').send({ ...base, timeZone: 'Mars/Olympus' })).body.errors).toHaveProperty('timeZone');
    expect((await t.sql.query('SELECT count(*)::int AS n FROM event')).rows[0].n).toBe(before.rows[0].n);

    const event = await rally();
    const lead = await t.as(organizer);
    const current = (await lead.get(`/api/events/${event.id}`)).body;
    expect((await lead.post(`/api/events/${event.id}/cancel`).send({ version: current.version, reason: 'Storm warning' })).status).toBe(200);
    const late = await (await t.as(coords[1])).post('/api/rsvps').send({ eventId: event.id, firstName: 'Late' });
    expect(late.status).toBe(422);
  });

  it('serves iCalendar that a calendar library reads back in the event zone', async () => {
    const event = await rally();
    const c = await t.as(coords[1]);
    const file = await c.get(`/api/events/${event.id}/event.ics`);
    expect(file.status).toBe(200);
    const comp = new ICAL.Component(ICAL.parse(file.text));
    for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const vevent = new ICAL.Event(comp.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(vevent.startDate.zone.tzid).toBe('America/Chicago');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(inDays(3));
    // The wall-clock hour is Chicago's, whatever the offset (CST -6 or CDT -5) on that day.
    const chicagoHour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: 'numeric', hourCycle: 'h23' }).format(new Date(inDays(3))));
    expect(vevent.startDate.hour).toBe(chicagoHour);

    const feeds = await c.get('/api/calendar/feeds');
    const path = new URL(feeds.body.organization).pathname;
    const feed = await t.http().get(path);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`UID:${event.id}@unidos`);
    expect((await t.http().get(path.replace(/[^/]+\.ics$/, 'forged.ics'))).status).toBe(404);
  });

  it('removes RSVP details after the retention period, keeping the counts', async () => {
    const event = await rally();
    const c1 = await t.as(coords[1]);
    await c1.post('/api/rsvps').send({ eventId: event.id, firstName: 'Retained' });
    await t.sql.query(`UPDATE event SET starts_at = now() - interval '40 days', ends_at = now() - interval '40 days' + interval '2 hours' WHERE id = $1`, [event.id]);
    const admin = await t.as(await t.createUser('alliance_admin'));
    const run = await admin.post('/api/retention/run');
    expect(run.status).toBe(200);
    expect(run.body.anonymized).toBeGreaterThanOrEqual(1);
    const { rows } = await t.sql.query(`SELECT first_name, person_id, anonymized_at, status FROM rsvp WHERE event_id = $1`, [event.id]);
    expect(rows).toEqual([{ first_name: null, person_id: null, anonymized_at: expect.any(Date), status: 'going' }]);
    expect((await c1.get(`/api/events/${event.id}/totals`)).body.totals.going).toBe(1);
  });
});
