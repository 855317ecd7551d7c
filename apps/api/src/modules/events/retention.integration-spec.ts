import { generateSync } from 'otplib';
import type TestAgent from 'supertest/lib/agent';
import type { EventDetailDto, RsvpDto } from '@unidos/contracts';
import { eventWithHosts, person, rsvp, sessions, unique } from '../../../test/events-fixtures';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const codeFor = (secret: string, steps = 0): string => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

interface StoredRsvp {
  id: string;
  host: string;
  person_id: string | null;
  first_name: string | null;
  status: string;
  anonymized: boolean;
}

/**
 * How long RSVP details are kept: each organization's own retention period after the event, the
 * erasure of a person, and the emergency purge. The counts always stay; the people go.
 */
describe('RSVP retention, erasure and purge: the details go, the counts stay', () => {
  let t: TestContext;
  let as: (user: TestUser) => Promise<TestAgent>;
  let orgShort: string; // keeps RSVP details 7 days
  let orgLong: string; // keeps them 60 days
  let cShort: TestUser;
  let cLong: TestUser;
  let viewerShort: TestUser;
  let organizer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    as = sessions(t);
    orgShort = await t.createOrganization({ name: unique('Short Memory') });
    orgLong = await t.createOrganization({ name: unique('Long Memory') });
    cShort = await t.createUser('org_coordinator', orgShort);
    cLong = await t.createUser('org_coordinator', orgLong);
    viewerShort = await t.createUser('org_viewer', orgShort);
    organizer = await t.createUser('alliance_organizer');
    admin = await t.createUser('alliance_admin');
  });
  afterAll(() => t.close());

  const stored = async (eventId: string): Promise<StoredRsvp[]> =>
    (
      await t.sql.query<StoredRsvp>(
        `SELECT id, host_organization_id AS host, person_id, first_name, status, anonymized_at IS NOT NULL AS anonymized
           FROM rsvp WHERE event_id = $1 ORDER BY created_at, id`,
        [eventId],
      )
    ).rows;
  const counts = async (eventId: string) =>
    (
      await t.sql.query(
        `SELECT e.going_count, h.organization_id, h.going, h.maybe, h.declined, h.waitlisted, h.checked_in
           FROM event e JOIN event_host h ON h.event_id = e.id WHERE e.id = $1 ORDER BY h.organization_id`,
        [eventId],
      )
    ).rows;
  /** Moves an event so that it ended `days` ago (RSVPs are only taken before an event ends). */
  const endedDaysAgo = (eventId: string, days: number) =>
    t.sql.query(`UPDATE event SET starts_at = now() - make_interval(days => $2) - interval '2 hours', ends_at = now() - make_interval(days => $2) WHERE id = $1`, [eventId, days]);
  const retentionAudits = async () => (await t.sql.query(`SELECT after, actor_user_id FROM audit_event WHERE action = 'system.rsvp_retention' ORDER BY at`)).rows;

  async function setRetention(user: TestUser, organizationId: string, days: number) {
    const agent = await as(user);
    const current = (await agent.get(`/api/organizations/${organizationId}`)).body as { version: number };
    return agent.put(`/api/organizations/${organizationId}`).send({ version: current.version, rsvpRetentionDays: days });
  }

  /** A published event both organizations host, each registering its own people. */
  async function sharedEvent(): Promise<EventDetailDto> {
    return eventWithHosts(await as(cShort), as, { coHostIds: [orgLong] }, [{ org: orgLong, coordinator: cLong }]);
  }

  it("is each organization's own setting, changed by its coordinator only", async () => {
    const ok = await setRetention(cShort, orgShort, 7);
    expect([ok.status, ok.body.rsvpRetentionDays]).toEqual([200, 7]);
    expect((await setRetention(cLong, orgLong, 60)).status).toBe(200);
    expect((await setRetention(cLong, orgShort, 3650)).status).toBe(404);
    expect((await setRetention(viewerShort, orgShort, 3650)).status).toBe(403);
    for (const bad of [0, 3651, 2.5]) {
      const res = await setRetention(cShort, orgShort, bad);
      expect([bad, res.status, Object.keys(res.body.errors ?? {})]).toEqual([bad, 422, ['rsvpRetentionDays']]);
    }
    const stored = await t.sql.query('SELECT id, rsvp_retention_days FROM organization WHERE id = ANY($1) ORDER BY rsvp_retention_days', [[orgShort, orgLong]]);
    expect(stored.rows).toEqual([
      { id: orgShort, rsvp_retention_days: 7 },
      { id: orgLong, rsvp_retention_days: 60 },
    ]);
    const audit = await t.sql.query(`SELECT changed_fields, after FROM audit_event WHERE action = 'organization.update' AND entity_id = $1`, [orgShort]);
    expect(audit.rows).toEqual([{ changed_fields: ['rsvpRetentionDays'], after: { rsvpRetentionDays: 7 } }]);
  });

  it("removes people and first names from RSVPs of events past each host's period, keeping statuses and counts", async () => {
    const short = await as(cShort);
    const long = await as(cLong);
    const old = await sharedEvent();
    const recent = await sharedEvent();
    const perla = await person(short, 'Perla Ortega');
    await rsvp(short, { eventId: old.id, firstName: 'Octavio' });
    await rsvp(short, { eventId: old.id, personId: perla, status: 'maybe' });
    const checkedIn = await rsvp(short, { eventId: old.id, firstName: 'Ulises' });
    expect((await short.post(`/api/rsvps/${checkedIn.id}/check-in`)).status).toBe(200);
    await rsvp(long, { eventId: old.id, firstName: 'Sofia', status: 'declined' });
    await rsvp(short, { eventId: recent.id, firstName: 'Ramiro' });
    await rsvp(long, { eventId: recent.id, firstName: 'Teresa' });
    await endedDaysAgo(old.id, 10);
    await endedDaysAgo(recent.id, 3);
    const countsBefore = [await counts(old.id), await counts(recent.id)];

    for (const user of [organizer, cShort, viewerShort]) expect((await (await as(user)).post('/api/retention/run')).status).toBe(403);
    expect(await retentionAudits()).toEqual([]);

    const run = await (await as(admin)).post('/api/retention/run');
    expect([run.status, run.body]).toEqual([200, { anonymized: 3 }]);

    expect(await stored(old.id)).toEqual([
      { id: expect.any(String), host: orgShort, person_id: null, first_name: null, status: 'going', anonymized: true },
      { id: expect.any(String), host: orgShort, person_id: null, first_name: null, status: 'maybe', anonymized: true },
      { id: checkedIn.id, host: orgShort, person_id: null, first_name: null, status: 'attended', anonymized: true },
      // Sixty days for this host: ten days after, it still knows who said no.
      { id: expect.any(String), host: orgLong, person_id: null, first_name: 'Sofia', status: 'declined', anonymized: false },
    ]);
    expect((await stored(recent.id)).map((r) => [r.first_name, r.anonymized])).toEqual([
      ['Ramiro', false],
      ['Teresa', false],
    ]);
    expect([await counts(old.id), await counts(recent.id)]).toEqual(countsBefore);
    // The person themself is still one of the organization's people; only the link went.
    expect((await t.sql.query('SELECT count(*)::int AS n FROM person WHERE id = $1', [perla])).rows[0].n).toBe(1);
    const listed = await short.get('/api/rsvps').query({ filter: JSON.stringify({ eventId: old.id }) });
    const seen = (listed.body as RsvpDto[]).map((r) => [r.name, r.personId, r.status, r.anonymizedAt !== null]);
    expect(seen.sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual([
      [null, null, 'attended', true],
      [null, null, 'going', true],
      [null, null, 'maybe', true],
    ]);
    const totals = (await long.get(`/api/events/${old.id}/totals`)).body;
    expect(totals.totals).toMatchObject({ going: 1, maybe: 1, checkedIn: 1, declined: 1 });

    const audits = await retentionAudits();
    expect(audits).toEqual([{ after: { anonymized: 3 }, actor_user_id: null }]);
    // Nothing left to do: a second run touches nothing and records nothing new.
    expect((await (await as(admin)).post('/api/retention/run')).body).toEqual({ anonymized: 0 });
    expect(await retentionAudits()).toHaveLength(1);

    // Once the longer period has passed too, the other host's details go as well.
    await endedDaysAgo(old.id, 61);
    expect((await (await as(admin)).post('/api/retention/run')).body).toEqual({ anonymized: 1 });
    expect((await stored(old.id)).map((r) => r.first_name)).toEqual([null, null, null, null]);
    expect((await retentionAudits()).map((a) => a.after)).toEqual([{ anonymized: 3 }, { anonymized: 1 }]);
  });

  it('removes an erased person from their RSVPs, keeping the counts', async () => {
    const short = await as(cShort);
    const event = await sharedEvent();
    const ana = await person(short, 'Anastasia Villalobos');
    const other = await person(short, 'Bernardo Castillo');
    const anaRsvp = await rsvp(short, { eventId: event.id, personId: ana });
    await rsvp(short, { eventId: event.id, personId: other, status: 'maybe' });
    const before = await counts(event.id);

    expect((await (await as(cLong)).delete(`/api/people/${ana}`)).status).toBe(404);
    expect((await short.delete(`/api/people/${ana}`)).status).toBe(200);

    const rows = await stored(event.id);
    expect(rows.map((r) => [r.id, r.person_id, r.status])).toEqual([
      [anaRsvp.id, null, 'going'],
      [expect.any(String), other, 'maybe'],
    ]);
    expect(await counts(event.id)).toEqual(before);
    expect((await short.get(`/api/rsvps/${anaRsvp.id}`)).body).toMatchObject({ personId: null, name: null, status: 'going' });
    const dump = await t.sql.query(`SELECT string_agg(row_to_json(r)::text, ' ') AS text FROM rsvp r`);
    expect(dump.rows[0].text).not.toContain(ana);
  });

  it("clears first names from the organization's RSVPs on an emergency purge, and only that organization's", async () => {
    const orgP = await t.createOrganization({ name: unique('Purge Center') });
    const coordP = await t.createUser('org_coordinator', orgP);
    const p = await as(coordP);
    const event = await eventWithHosts(await as(cLong), as, { coHostIds: [orgP] }, [{ org: orgP, coordinator: coordP }]);
    const someone = await person(p, 'Dulce Maria Paredes');
    await rsvp(p, { eventId: event.id, firstName: 'Fermin' });
    await rsvp(p, { eventId: event.id, personId: someone, status: 'maybe' });
    await rsvp(await as(cLong), { eventId: event.id, firstName: 'Graciela' });
    const before = await counts(event.id);

    const setup = await p.post('/api/auth/totp/setup');
    const secret = setup.body.secret as string;
    expect((await p.post('/api/auth/totp/enable').send({ code: codeFor(secret) })).status).toBe(204);
    const name = (await t.sql.query('SELECT name FROM organization WHERE id = $1', [orgP])).rows[0].name as string;
    const purged = await p.post('/api/people/emergency-purge').send({ confirmName: name, code: codeFor(secret, 1) });
    expect([purged.status, purged.body]).toEqual([200, { erased: 1 }]);

    const rows = await stored(event.id);
    expect(rows.map((r) => [r.host, r.person_id, r.first_name, r.status])).toEqual([
      [orgP, null, null, 'going'],
      [orgP, null, null, 'maybe'],
      [orgLong, null, 'Graciela', 'going'],
    ]);
    expect(await counts(event.id)).toEqual(before);
    const all = await t.sql.query(`SELECT string_agg(coalesce(first_name, ''), ',') AS names FROM rsvp WHERE host_organization_id = $1`, [orgP]);
    expect(all.rows[0].names).not.toMatch(/Fermin|Dulce/);
  });
});
