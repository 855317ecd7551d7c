import ICAL from 'ical.js';
import type TestAgent from 'supertest/lib/agent';
import type { CalendarFeedsDto, EventDetailDto, EventHostDto } from '@unidos/contracts';
import { eventBody, eventWithHosts, person, rsvp, sessions, unique } from '../../../test/events-fixtures';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

interface Parsed {
  uid: string;
  summary: string;
  status: string | null;
  startZone: string;
  endZone: string;
  start: string;
  end: string;
  startHour: number;
  endHour: number;
}

/**
 * Reads iCalendar text back with a calendar library, using only the VTIMEZONEs the file itself
 * carries (the library's zone registry is emptied first), so times convert the way a calendar
 * app would convert them.
 */
function parseCalendar(text: string): Map<string, Parsed> {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const out = new Map<string, Parsed>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(vevent);
    out.set(e.uid, {
      uid: e.uid,
      summary: e.summary,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      startZone: String(vevent.getFirstProperty('dtstart')?.getParameter('tzid')),
      endZone: String(vevent.getFirstProperty('dtend')?.getParameter('tzid')),
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      startHour: e.startDate.hour,
      endHour: e.endDate.hour,
    });
  }
  return out;
}

const uid = (id: string) => `${id}@unidos`;

describe('iCalendar: per-event file and feeds, in the event zone, without people', () => {
  let t: TestContext;
  let as: (user: TestUser) => Promise<TestAgent>;
  let orgL: string;
  let orgA: string;
  let orgX: string;
  let cL: TestUser;
  let cA: TestUser;
  let cX: TestUser;
  let chicago: EventDetailDto;
  let losAngeles: EventDetailDto;
  let acrossDst: EventDetailDto;
  let coHosted: EventDetailDto;
  let invitedOnly: EventDetailDto;
  let declinedByL: EventDetailDto;
  let cancelled: EventDetailDto;
  let draft: EventDetailDto;
  let othersEvent: EventDetailDto;
  const names = ['Guadalupe', 'Heriberto', 'Itzel Quiroga'];

  beforeAll(async () => {
    t = await startTestApp();
    as = sessions(t);
    orgL = await t.createOrganization({ name: unique('Calendar Lead') });
    orgA = await t.createOrganization({ name: unique('Calendar Partner') });
    orgX = await t.createOrganization({ name: unique('Calendar Other') });
    cL = await t.createUser('org_coordinator', orgL);
    cA = await t.createUser('org_coordinator', orgA);
    cX = await t.createUser('org_coordinator', orgX);
    const l = await as(cL);
    const created = async (agent: TestAgent, fields: Record<string, unknown>) => {
      const res = await agent.post('/api/events').send(eventBody(fields));
      expect(res.status).toBe(201);
      return res.body as EventDetailDto;
    };
    // 11:00 in Chicago (CST, -06:00) and 10:00 in Los Angeles (PST, -08:00).
    chicago = await created(l, { title: unique('KYR training Chicago'), kind: 'kyr_training', startsAt: '2026-12-05T11:00:00-06:00', endsAt: '2026-12-05T13:30:00-06:00', timeZone: 'America/Chicago' });
    losAngeles = await created(await as(cA), {
      title: unique('Forum Los Angeles'),
      kind: 'forum',
      startsAt: '2026-12-06T10:00:00-08:00',
      endsAt: '2026-12-06T12:00:00-08:00',
      timeZone: 'America/Los_Angeles',
      city: 'Los Angeles',
      state: 'CA',
      coHostIds: [orgL],
    });
    invitedOnly = losAngeles;
    // Clocks spring forward in Chicago at 02:00 on 14 March 2027: 01:00 CST to 04:00 CDT is two hours.
    acrossDst = await created(l, { title: unique('Overnight vigil'), kind: 'vigil', startsAt: '2027-03-14T01:00:00-06:00', endsAt: '2027-03-14T04:00:00-05:00', timeZone: 'America/Chicago' });
    coHosted = await eventWithHosts(await as(cA), as, { title: unique('Assembly'), kind: 'assembly', timeZone: 'America/Los_Angeles', coHostIds: [orgL] }, [{ org: orgL, coordinator: cL }]);
    declinedByL = await created(await as(cA), { title: unique('Phonebank'), kind: 'phonebank', coHostIds: [orgL] });
    const row = declinedByL.hosts.find((h) => h.organizationId === orgL) as EventHostDto;
    expect((await l.put(`/api/event-hosts/${row.id}`).send({ version: row.version, status: 'declined' })).status).toBe(200);
    cancelled = await created(l, { title: unique('March downtown'), kind: 'march' });
    const cancel = await l.post(`/api/events/${cancelled.id}/cancel`).send({ version: cancelled.version, reason: 'Permit withdrawn' });
    expect(cancel.status).toBe(200);
    draft = await created(l, { title: unique('Draft press conference'), kind: 'press_conference', status: 'draft' });
    othersEvent = await created(await as(cX), { title: unique('Other canvass'), kind: 'canvass' });

    // People are coming to the Chicago event: none of them may appear in any calendar.
    await rsvp(l, { eventId: chicago.id, firstName: names[0] });
    await rsvp(l, { eventId: chicago.id, personId: await person(l, names[2]) });
    await rsvp(await as(cA), { eventId: coHosted.id, firstName: names[1] });
  });
  afterAll(() => t.close());

  const feedsOf = async (user: TestUser) => (await (await as(user)).get('/api/calendar/feeds')).body as CalendarFeedsDto;
  const path = (url: string) => new URL(url).pathname;
  const expectNoPeople = (text: string) => {
    for (const n of names.flatMap((x) => x.split(' '))) expect(text).not.toContain(n);
    expect(text).not.toMatch(/^ATTENDEE|^ORGANIZER/m);
  };

  it("serves each event's file with its own zone: DTSTART/DTEND carry the TZID and convert to the stored instant", async () => {
    const cases: [EventDetailDto, string, number, number][] = [
      [chicago, 'America/Chicago', 11, 13],
      [losAngeles, 'America/Los_Angeles', 10, 12],
      [acrossDst, 'America/Chicago', 1, 4],
    ];
    for (const [event, zone, startHour, endHour] of cases) {
      const res = await (await as(cL)).get(`/api/events/${event.id}/event.ics`);
      expect(res.status).toBe(200);
      expect(res.get('Content-Type')).toMatch(/^text\/calendar/);
      expect(res.get('Content-Disposition')).toMatch(/^attachment/);
      expect(res.text).toMatch(new RegExp(`BEGIN:VTIMEZONE\\r?\\nTZID:${zone}`));
      const parsed = parseCalendar(res.text);
      expect([...parsed.keys()]).toEqual([uid(event.id)]);
      expect(parsed.get(uid(event.id))).toMatchObject({
        startZone: zone,
        endZone: zone,
        start: event.startsAt,
        end: event.endsAt,
        startHour,
        endHour,
        status: 'CONFIRMED',
      });
      expectNoPeople(res.text);
    }
    // Across the change the wall clock says three hours, the instants two.
    expect([acrossDst.startsAt, acrossDst.endsAt]).toEqual(['2027-03-14T07:00:00.000Z', '2027-03-14T09:00:00.000Z']);
    expect([chicago.startsAt, losAngeles.startsAt]).toEqual(['2026-12-05T17:00:00.000Z', '2026-12-06T18:00:00.000Z']);

    const file = await (await as(cL)).get(`/api/events/${cancelled.id}/event.ics`);
    expect(parseCalendar(file.text).get(uid(cancelled.id))?.status).toBe('CANCELLED');
    // A draft's file is the hosts' only.
    expect((await (await as(cL)).get(`/api/events/${draft.id}/event.ics`)).status).toBe(200);
    expect((await (await as(cX)).get(`/api/events/${draft.id}/event.ics`)).status).toBe(404);
  });

  it('lists every published and cancelled event in the coalition feed, never a draft, each in its zone', async () => {
    const feeds = await feedsOf(cX);
    const res = await t.http().get(path(feeds.coalition));
    expect(res.status).toBe(200);
    expect(res.get('Content-Type')).toMatch(/^text\/calendar/);
    const parsed = parseCalendar(res.text);
    for (const e of [chicago, losAngeles, acrossDst, coHosted, declinedByL, othersEvent]) {
      expect(parsed.get(uid(e.id))).toMatchObject({ status: 'CONFIRMED', start: e.startsAt, end: e.endsAt, startZone: e.timeZone, endZone: e.timeZone });
    }
    expect(parsed.get(uid(cancelled.id))).toMatchObject({ status: 'CANCELLED', start: cancelled.startsAt });
    expect(parsed.has(uid(draft.id))).toBe(false);
    expect(res.text).not.toContain(draft.id);
    expect(parsed.get(uid(acrossDst.id))).toMatchObject({ startHour: 1, endHour: 4 });
    expectNoPeople(res.text);
    // Everyone gets the same coalition feed.
    expect(path((await feedsOf(cL)).coalition)).toBe(path(feeds.coalition));
  });

  it('renders a feed again as soon as an event changes, by any writer (a rendered feed is reused only while nothing changed)', async () => {
    const url = path((await feedsOf(cX)).coalition);
    // One Host, as a calendar app polling one URL (the test server's port changes per request).
    const body = async () => (await t.http().get(url).set('Host', 'calendar.test')).text;
    const first = await body();
    expect(first).not.toContain('Renamed rally');
    // Nothing changed: the same rendering is served (a new one would carry a later DTSTAMP).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await body()).toBe(first);
    // Straight in SQL, without touching updated_at: the statement trigger still moves the version.
    await t.sql.query(`UPDATE event SET title = 'Renamed rally' WHERE id = $1`, [chicago.id]);
    expect(await body()).toContain('Renamed rally');
    await t.sql.query(`UPDATE event SET title = $2 WHERE id = $1`, [chicago.id, chicago.title]);
    expect(await body()).not.toContain('Renamed rally');
  });

  it("gives an organization's feed only the events it hosts (accepted), cancelled ones marked", async () => {
    const feeds = await feedsOf(cL);
    expect(feeds.organization).toContain(`/api/public/calendar/organizations/${orgL}/`);
    const res = await t.http().get(path(feeds.organization as string));
    expect(res.status).toBe(200);
    const parsed = parseCalendar(res.text);
    expect([...parsed.keys()].sort()).toEqual([chicago, acrossDst, coHosted, cancelled].map((e) => uid(e.id)).sort());
    expect(parsed.get(uid(cancelled.id))?.status).toBe('CANCELLED');
    expect(parsed.get(uid(coHosted.id))).toMatchObject({ startZone: 'America/Los_Angeles', start: coHosted.startsAt });
    for (const e of [invitedOnly, declinedByL, draft, othersEvent]) expect(res.text).not.toContain(e.id);
    expectNoPeople(res.text);

    // The partner's own feed has its events, the co-hosted one included.
    const partner = parseCalendar((await t.http().get(path((await feedsOf(cA)).organization as string))).text);
    expect([...partner.keys()].sort()).toEqual([losAngeles, coHosted, declinedByL].map((e) => uid(e.id)).sort());
  });

  it("answers 404 to a wrong signature, to another organization's signature, and to a feed of the wrong kind", async () => {
    const mine = await feedsOf(cL);
    const theirs = await feedsOf(cA);
    const mySig = /\/([^/]+)\.ics$/.exec(path(mine.organization as string))?.[1] as string;
    const theirSig = /\/([^/]+)\.ics$/.exec(path(theirs.organization as string))?.[1] as string;
    const coalitionSig = /\/([^/]+)\.ics$/.exec(path(mine.coalition))?.[1] as string;
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const refused = [
      `/api/public/calendar/organizations/${orgL}/${flip(mySig)}.ics`,
      `/api/public/calendar/organizations/${orgL}/${theirSig}.ics`,
      `/api/public/calendar/organizations/${orgA}/${mySig}.ics`,
      `/api/public/calendar/organizations/${orgL}/${coalitionSig}.ics`,
      `/api/public/calendar/organizations/${orgX}/${mySig}.ics`,
      `/api/public/calendar/organizations/${orgL}/forged.ics`,
      `/api/public/calendar/coalition/${mySig}.ics`,
      `/api/public/calendar/coalition/${flip(coalitionSig)}.ics`,
      `/api/public/calendar/coalition/forged.ics`,
    ];
    for (const p of refused) {
      const res = await t.http().get(p);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(res.text).not.toContain('BEGIN:VCALENDAR');
    }
    expect((await t.http().get(path(mine.organization as string))).status).toBe(200);
    expect((await t.http().get(path(theirs.organization as string))).status).toBe(200);
  });
});
