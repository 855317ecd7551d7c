import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestContext } from '../../test/harness';

/**
 * "A dump of the database shows no plaintext phone or email": every row of every table, as text,
 * the way a stolen backup would be read — and, after an erasure, not even the person's name.
 */

interface Contact {
  id: string;
  displayName: string;
  email: string;
  phone: string;
  note: string;
}

const digits = (s: string) => s.replace(/\D/g, '');

describe('people at rest', () => {
  let t: TestContext;
  let coordinator: TestAgent;
  const people: Contact[] = [];
  let run: string;

  /** Every row of every table in the public schema, as JSON text: what a data dump holds. */
  async function dump(): Promise<{ table: string; text: string }[]> {
    const { rows: tables } = await t.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['person', 'audit_event', 'organization', 'user']),
    );
    const out: { table: string; text: string }[] = [];
    for (const { table_name } of tables) {
      const { rows } = await t.sql.query<{ row: string }>(
        `SELECT row_to_json(x)::text AS row FROM "${table_name}" x`,
      );
      out.push({
        table: table_name,
        text: rows
          .map((r) => r.row)
          .join('\n')
          .toLowerCase(),
      });
    }
    return out;
  }

  /** Where in the dump each value appears (table names), as typed and in the other spellings. */
  function findIn(tables: { table: string; text: string }[], values: string[]): string[] {
    const found: string[] = [];
    for (const value of values) {
      const needle = value.toLowerCase();
      for (const { table, text } of tables) if (text.includes(needle)) found.push(`${value} in ${table}`);
    }
    return found;
  }

  const spellings = (p: Pick<Contact, 'email' | 'phone'>) => [
    p.email,
    p.email.toUpperCase(),
    p.phone,
    digits(p.phone),
    digits(p.phone).slice(1),
  ];

  beforeAll(async () => {
    t = await startTestApp({ limits: { publicForms: 1000 } });
    run = randomUUID().slice(0, 6);
    const org = await t.createOrganization({ name: `At Rest Org ${run}` });
    coordinator = await t.as(await t.createUser('org_coordinator', org));
    for (let n = 1; n <= 5; n++) {
      const contact = {
        displayName: `Rest Person ${run} ${n}`,
        email: `rest.person.${run}.${n}@example.org`,
        phone: `+1 (773) 555-0${n}${n}${n}`,
        note: `Rest note ${run} ${n}`,
        visibility: n === 5 ? 'coalition' : 'organization',
      };
      const res = await coordinator.post('/api/people').send(contact);
      expect(res.status).toBe(201);
      people.push({ id: res.body.id, ...contact });
    }
  });
  afterAll(() => t.close());

  it('keeps no email or phone of a person in plaintext anywhere, in any spelling', async () => {
    // The applicant's contact from the public join form is a person too.
    const applicantContact = { email: `join.${run}@example.org`, phone: '+1 (312) 555-0987' };
    const applied = await t
      .http()
      .post('/api/public/applications')
      .send({
        name: `Rest Applicant ${run}`,
        kind: 'community',
        city: 'Chicago',
        state: 'IL',
        focusAreas: ['labor'],
        languages: ['es'],
        contact: { displayName: 'Join Contact', preferredLanguage: 'es', ...applicantContact },
      });
    expect(applied.status).toBe(201);

    // So is whoever offers a pledge on a campaign's public form.
    const offerContact = { email: `offer.${run}@example.org`, phone: '+1 (415) 555-0654' };
    const admin = await t.as(await t.createUser('alliance_admin'));
    const campaign = await admin
      .post('/api/campaigns')
      .send({ name: `Rest Campaign ${run}`, status: 'active', goals: [{ metric: 'calls', target: 100 }] });
    expect(campaign.status).toBe(201);
    const offer = await t.http().post(`/api/public/campaigns/${campaign.body.slug}/pledges`).send({
      organizationName: 'Offering Group',
      contactName: 'Offer Contact',
      contactEmail: offerContact.email,
      contactPhone: offerContact.phone,
      metric: 'calls',
      quantity: 5,
    });
    expect(offer.status).toBe(201);

    // The API does give them back to the organization (the control: the values are real).
    const list = await coordinator.get('/api/people').query({ range: '[0,99]' });
    for (const p of people) expect(list.text).toContain(p.email);

    const tables = await dump();
    expect(
      findIn(tables, [
        ...people.flatMap(spellings),
        ...spellings(applicantContact),
        ...spellings(offerContact),
      ]),
    ).toEqual([]);
    // Names are not encrypted (an alias is fine), so the dump does have them: the search works.
    expect(findIn(tables, [people[0].displayName])).toEqual([`${people[0].displayName} in person`]);
  });

  it('keeps no old email or phone after they are changed', async () => {
    const p = people[1];
    const res = await coordinator
      .put(`/api/people/${p.id}`)
      .send({ version: 1, email: `changed.${run}@example.org`, phone: '+1 (773) 555-0999' });
    expect(res.status).toBe(200);
    const tables = await dump();
    expect(
      findIn(tables, [
        ...spellings(p),
        ...spellings({ email: `changed.${run}@example.org`, phone: '+1 (773) 555-0999' }),
      ]),
    ).toEqual([]);
  });

  it('erases a person: afterwards no column anywhere holds their name, email, phone or note; the audit keeps only the id', async () => {
    const p = people[2];
    // Leave every kind of trace first: a view, a change, an export.
    expect((await coordinator.get(`/api/people/${p.id}`)).status).toBe(200);
    expect(
      (await coordinator.put(`/api/people/${p.id}`).send({ version: 1, role: 'delegate', okToText: true }))
        .status,
    ).toBe(200);
    expect((await coordinator.get('/api/people/export.csv')).text).toContain(p.displayName);

    const erased = await coordinator.delete(`/api/people/${p.id}`);
    expect(erased.status).toBe(200);
    expect((await coordinator.get(`/api/people/${p.id}`)).status).toBe(404);

    const tables = await dump();
    expect(findIn(tables, [p.displayName, p.note, ...spellings(p)])).toEqual([]);
    // The audit trail keeps that something happened to this id, and nothing about who it was.
    const { rows } = await t.sql.query<{ action: string; row: string }>(
      `SELECT action, row_to_json(a)::text AS row FROM audit_event a WHERE entity_id = $1 ORDER BY at, action`,
      [p.id],
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['person.create', 'person.view', 'person.update', 'person.erase']),
    );
    for (const r of rows)
      expect(r.row.toLowerCase()).not.toMatch(
        new RegExp(`rest person|rest note|rest\\.person|773|${digits(p.phone)}`),
      );
    // The people that were not erased are all still there.
    const left = await t.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person WHERE id = ANY($1)',
      [people.map((x) => x.id)],
    );
    expect(left.rows[0].n).toBe(people.length - 1);
  });
});
