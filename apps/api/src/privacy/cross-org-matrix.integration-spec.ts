import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { UserRole } from '@unidos/contracts';
import { ROLES } from '@api/common/auth/decorators';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness';

/**
 * The cross-organization matrix: every role × every route the running app serves × every verb and
 * list shape, aimed at other organizations' private people. The routes come from the route table,
 * so a route added tomorrow is walked tomorrow without anyone editing this file.
 *
 * Asserted for every attempt: no response carries another organization's private data (names,
 * emails, phones in both spellings, notes; dues and decision notes of other organizations for
 * organization users), no 500, no `person` or `organization` row changes, and a read by id of
 * another organization's private person answers 404 (never 403, which would confirm the id).
 */

const ORGS = ['A', 'B', 'C'] as const;
type OrgKey = (typeof ORGS)[number];
const PRIVATE_PER_ORG = 3;
const CONCURRENCY = 20;
const PERSON_ROLES = ['delegate', 'spokesperson', 'member'] as const;
const AREAS = { A: '312', B: '415', C: '617' } as const;
const SORTERS = ['coordinator A', 'viewer B', 'alliance_admin', 'alliance_organizer'];

interface Route {
  method: string;
  path: string;
  /** The roles `@Roles()` admits, or null when every signed-in user may call it. */
  roles: UserRole[] | null;
}

interface Party {
  label: string;
  user: TestUser;
  org: OrgKey | null;
  agent: TestAgent;
  /** A second session of the same user, for the routes that act on the caller's own session. */
  scratch: TestAgent;
}

interface Attempt {
  party: Party;
  agent: TestAgent;
  route: Route;
  url: string;
  body?: unknown;
  /** The path names a private person of another organization. */
  foreignPrivateId: boolean;
  /** The path names any person (private or public contact) of another organization. */
  foreignPersonId: boolean;
  /** The path names a well-formed id that exists nowhere: the answer every hidden id must get too. */
  nonexistentId?: boolean;
}

interface OrgData {
  id: string;
  privateIds: string[];
  coalitionId: string;
  decoyUserId: string;
  /** Marks of the organization's private people: names, emails, phones (as typed and digits only), notes. */
  peopleMarks: string[];
  /** The marks as the API shows them to the organization itself (phones as typed). */
  shownMarks: string[];
  /** The organization's internal note about its public contact: the contact is public, the note is not. */
  contactNoteMark: string;
  /** Organization-internal fields other organizations must not see (alliance roles may). */
  internalMarks: string[];
}

/** Every route the Express app serves under /api, with the roles Nest's @Roles() metadata admits. */
function discoverRoutes(t: TestContext): Route[] {
  const reflector = t.app.get(Reflector);
  const roles = new Map<string, UserRole[] | null>();
  for (const mod of t.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (sub === undefined || method === undefined) continue;
        const path = `/api/${[base, sub]
          .map((p) => p.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`;
        const allowed = reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [handler, controller]);
        roles.set(`${RequestMethod[method]} ${path}`, allowed ?? null);
      }
    }
  }
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const routes: Route[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route || !layer.route.path.startsWith('/api')) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (!on) continue;
      const m = method.toUpperCase();
      routes.push({
        method: m,
        path: layer.route.path,
        roles: roles.get(`${m} ${layer.route.path}`) ?? null,
      });
    }
  }
  return routes;
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(workers);
}

const digits = (s: string) => s.replace(/\D/g, '');

describe('cross-organization privacy matrix', () => {
  let t: TestContext;
  let routes: Route[];
  const orgs = {} as Record<OrgKey, OrgData>;
  const parties: Party[] = [];

  const call = (agent: TestAgent, method: string, url: string, body?: unknown): Promise<Response> => {
    switch (method) {
      case 'GET':
        return agent.get(url);
      case 'POST':
        return agent.post(url).send(body as object);
      case 'PUT':
        return agent.put(url).send(body as object);
      case 'PATCH':
        return agent.patch(url).send(body as object);
      case 'DELETE':
        return agent.delete(url);
      default:
        throw new Error(`no client for ${method} ${url}`);
    }
  };

  /** Everything a response shows: status line, headers (Content-Range, Content-Disposition…) and body text. */
  const visibleText = (res: Response) => `${JSON.stringify(res.headers)}\n${res.text ?? ''}`.toLowerCase();

  /** The marks a party must never see: other organizations' private people and internal fields. */
  const forbiddenMarks = (party: Party): string[] =>
    ORGS.filter((o) => o !== party.org).flatMap((o) =>
      party.org === null
        ? [...orgs[o].peopleMarks, orgs[o].contactNoteMark]
        : [...orgs[o].peopleMarks, orgs[o].contactNoteMark, ...orgs[o].internalMarks],
    );

  beforeAll(async () => {
    t = await startTestApp({ limits: { login: 100_000, publicForms: 100_000 } });
    // One listening server for the whole file: supertest would otherwise open one per request.
    await t.app.listen(0, '127.0.0.1');

    const users: { label: string; user: TestUser; org: OrgKey | null }[] = [];
    for (const [i, key] of ORGS.entries()) {
      const id = await t.createOrganization({ name: `Matrix Org ${key} ${randomUUID().slice(0, 6)}` });
      // Organization-internal fields: only the alliance and the organization itself may see dues.
      await t.sql.query(
        `UPDATE organization SET dues_tier = 'small', dues_paid_through = $2, decision_reason = $3 WHERE id = $1`,
        [id, `209${i + 1}-0${i + 1}-1${i + 1}`, `SECRET-${key}-DECISION-REASON`],
      );
      const coordinator = await t.createUser('org_coordinator', id);
      const viewer = await t.createUser('org_viewer', id);
      const decoy = await t.createUser('org_viewer', id);
      users.push(
        { label: `coordinator ${key}`, user: coordinator, org: key },
        { label: `viewer ${key}`, user: viewer, org: key },
      );
      orgs[key] = {
        id,
        privateIds: [],
        coalitionId: '',
        decoyUserId: decoy.id,
        peopleMarks: [],
        shownMarks: [],
        contactNoteMark: `SECRET-${key}-CONTACT-NOTE`,
        internalMarks: [`209${i + 1}-0${i + 1}-1${i + 1}`, `SECRET-${key}-DECISION-REASON`],
      };
    }
    users.push(
      { label: 'alliance_admin', user: await t.createUser('alliance_admin'), org: null },
      { label: 'alliance_organizer', user: await t.createUser('alliance_organizer'), org: null },
    );
    for (const u of users) parties.push({ ...u, agent: await t.as(u.user), scratch: await t.as(u.user) });

    // Each organization's coordinator adds its people through the API.
    for (const [i, key] of ORGS.entries()) {
      const coordinator = parties.find((p) => p.label === `coordinator ${key}`)!;
      for (let n = 1; n <= PRIVATE_PER_ORG; n++) {
        const phone = `+1 (${AREAS[key]}) 555-0${i + 1}${n}7`;
        const person = {
          displayName: `SECRET-${key}-${n}-NAME`,
          email: `secret-${key.toLowerCase()}-${n}@hidden-${key.toLowerCase()}.example.org`,
          phone,
          note: `SECRET-${key}-${n}-NOTE`,
          role: PERSON_ROLES[n - 1],
          preferredLanguage: 'es',
          okToText: true,
        };
        const res = await coordinator.agent.post('/api/people').send(person);
        expect(res.status).toBe(201);
        orgs[key].privateIds.push(res.body.id);
        orgs[key].shownMarks.push(person.displayName, person.email, person.phone, person.note);
        orgs[key].peopleMarks.push(
          person.displayName,
          person.email,
          person.phone,
          digits(phone),
          digits(phone).slice(1),
          person.note,
        );
      }
      const contact = await coordinator.agent.post('/api/people').send({
        displayName: `PUBLIC-${key}-CONTACT`,
        email: `public-${key.toLowerCase()}@contact-${key.toLowerCase()}.example.org`,
        phone: `+1 ${AREAS[key]} 555 0${i + 1}99`,
        note: orgs[key].contactNoteMark,
        role: 'primary_contact',
        visibility: 'coalition',
      });
      expect(contact.status).toBe(201);
      orgs[key].coalitionId = contact.body.id;
    }
    for (const key of ORGS) orgs[key].peopleMarks = orgs[key].peopleMarks.map((m) => m.toLowerCase());
    for (const key of ORGS) orgs[key].shownMarks = orgs[key].shownMarks.map((m) => m.toLowerCase());
    for (const key of ORGS) orgs[key].internalMarks = orgs[key].internalMarks.map((m) => m.toLowerCase());
    for (const key of ORGS) orgs[key].contactNoteMark = orgs[key].contactNoteMark.toLowerCase();

    routes = discoverRoutes(t);
  });
  afterAll(() => t.close());

  it('detects the marks where they belong (the control: a broken search would pass everything)', async () => {
    for (const key of ORGS) {
      for (const label of [`coordinator ${key}`, `viewer ${key}`]) {
        const party = parties.find((p) => p.label === label)!;
        const list = visibleText(await party.agent.get('/api/people').query({ range: '[0,99]' }));
        const csv = visibleText(await party.agent.get('/api/people/export.csv'));
        for (const mark of orgs[key].shownMarks) {
          expect({ label, mark, inList: list.includes(mark), inCsv: csv.includes(mark) }).toEqual({
            label,
            mark,
            inList: true,
            inCsv: true,
          });
        }
        const own = visibleText(await party.agent.get(`/api/organizations/${orgs[key].id}`));
        expect(own).toContain(orgs[key].internalMarks[0]); // its own dues
      }
    }
    // Alliance roles see the public contacts (and, through the same calls, nothing private).
    for (const party of parties.filter((p) => p.org === null)) {
      const res = await party.agent
        .get('/api/people')
        .query({ filter: JSON.stringify({ visibility: 'coalition' }) });
      expect(res.status).toBe(200);
      for (const key of ORGS) expect(visibleText(res)).toContain(`public-${key.toLowerCase()}-contact`);
    }
  });

  // Found by this matrix: alliance roles used to receive a public contact's full PersonDto,
  // including the organization's internal note about them. DESIGN.md counts "an organization's
  // internal notes" as org-private; GET /api/organizations/:id's publicContacts never had it.
  it("does not show the alliance a public contact's internal note", async () => {
    const seen: string[] = [];
    for (const party of parties.filter((p) => p.org === null)) {
      for (const url of [
        '/api/people?range=[0,99]',
        '/api/people/export.csv',
        ...ORGS.map((o) => `/api/people/${orgs[o].coalitionId}`),
      ]) {
        const res = await party.agent.get(url);
        expect(res.status).toBeLessThan(500);
        const text = visibleText(res);
        for (const o of ORGS) if (text.includes(orgs[o].contactNoteMark)) seen.push(`${party.label} ${url}`);
      }
    }
    expect(seen).toEqual([]);
  });

  it('walks every role × route × verb × list shape: nothing of another organization leaks, changes, or answers other than 404', async () => {
    // The walk must have found the app's routes: an empty table would make every check pass.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const expected of [
      'GET /api/people',
      'GET /api/people/:id',
      'PUT /api/people/:id',
      'DELETE /api/people/:id',
      'POST /api/people',
      'GET /api/people/export.csv',
      'GET /api/people-counts',
      'GET /api/organizations/:id',
      'GET /api/organizations/export.csv',
    ])
      expect(keys).toContain(expected);

    const snapshot = async () => {
      const people = await t.sql.query<{ row: string }>(
        'SELECT row_to_json(p)::text AS row FROM person p ORDER BY id',
      );
      const organizations = await t.sql.query<{ row: string }>(
        'SELECT row_to_json(o)::text AS row FROM organization o ORDER BY id',
      );
      return { people: people.rows.map((r) => r.row), organizations: organizations.rows.map((r) => r.row) };
    };
    const before = await snapshot();

    const attempts: Attempt[] = [];
    const selfRoutes: Attempt[] = [];
    const getRoutes = routes.filter((r) => r.method === 'GET');

    // Which GET routes are lists (a JSON array or a CSV file), and the sort fields to try on each:
    // every field the list shows (keys of its rows, or the CSV header), plus a few that would be
    // oracles on hidden data (email, phone, note, hashes) — those must be refused, never applied.
    const sortFields = new Map<string, string[]>();
    const admin = parties.find((p) => p.label === 'alliance_admin')!;
    const coordinatorA = parties.find((p) => p.label === 'coordinator A')!;
    for (const route of getRoutes.filter((r) => !r.path.includes(':'))) {
      const fields = new Set([
        'email',
        'phone',
        'note',
        'organizationId',
        'emailHash',
        'phone_hash',
        'display_name',
      ]);
      let isList = false;
      for (const party of [admin, coordinatorA]) {
        const res = await party.agent.get(route.path);
        if (Array.isArray(res.body)) {
          isList = true;
          for (const row of res.body.slice(0, 1) as object[]) for (const k of Object.keys(row)) fields.add(k);
        } else if (/text\/csv/.test(String(res.headers['content-type']))) {
          isList = true;
          for (const k of res.text.split('\n')[0].split(',')) fields.add(k.trim());
        }
      }
      if (isList) sortFields.set(route.path, [...fields]);
    }
    const listRoutes = getRoutes.filter((r) => sortFields.has(r.path));
    expect(listRoutes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/people', '/api/people/export.csv', '/api/people-counts']),
    );

    for (const party of parties) {
      const foreign = ORGS.filter((o) => o !== party.org);
      const foreignPrivate = foreign.flatMap((o) => orgs[o].privateIds);
      const foreignCoalition = foreign.map((o) => orgs[o].coalitionId);
      const foreignOrgs = foreign.map((o) => orgs[o].id);
      const ids: {
        id: string;
        privatePerson: boolean;
        person: boolean;
        nonexistent?: boolean;
        firstOfOrg?: boolean;
      }[] = [
        ...foreign.flatMap((o) =>
          orgs[o].privateIds.map((id, n) => ({ id, privatePerson: true, person: true, firstOfOrg: n === 0 })),
        ),
        ...foreignCoalition.map((id) => ({ id, privatePerson: false, person: true })),
        ...foreignOrgs.map((id) => ({ id, privatePerson: false, person: false })),
        ...foreign.map((o) => ({ id: orgs[o].decoyUserId, privatePerson: false, person: false })),
        { id: randomUUID(), privatePerson: false, person: false, nonexistent: true },
        { id: 'not-a-uuid', privatePerson: false, person: false },
      ];
      const victim = foreign[0];
      const victimPerson = orgs[victim].privateIds[0];
      const victimOrg = orgs[victim].id;
      const bodies: unknown[] = [
        { version: 1 },
        { version: 1, visibility: 'coalition' },
        { version: 1, displayName: 'PWNED', note: 'PWNED', organizationId: victimOrg },
        {
          id: victimPerson,
          organizationId: victimOrg,
          displayName: 'PWNED',
          visibility: 'coalition',
          role: 'spokesperson',
        },
        {
          displayName: 'PWNED',
          organizationId: victimOrg,
          email: 'pwned@example.org',
          personId: victimPerson,
        },
      ];

      // Reads of lists and exports, in every list shape.
      for (const route of listRoutes) {
        const shapes: Record<string, string>[] = [
          {},
          {
            filter: JSON.stringify({ id: [...foreignPrivate, ...foreignCoalition, ...foreignOrgs] }),
            range: '[0,99]',
          },
          ...foreign.map((o) => ({ filter: JSON.stringify({ id: orgs[o].privateIds[0] }) })),
          { filter: JSON.stringify({ q: 'SECRET' }), range: '[0,99]' },
          { filter: JSON.stringify({ q: 'SECRET\u0000' }) },
          { filter: JSON.stringify({ role: [...PERSON_ROLES, 'primary_contact'] }), range: '[0,99]' },
          { filter: JSON.stringify({ visibility: 'organization' }), range: '[0,99]' },
          // Each filter on hidden fields once, aimed at another organization (they take turns).
          ...[
            (o: OrgKey) => ({ q: `SECRET-${o}` }),
            (o: OrgKey) => ({ email: `secret-${o.toLowerCase()}-1@hidden-${o.toLowerCase()}.example.org` }),
            (o: OrgKey) => ({ phone: `+1 (${AREAS[o]}) 555-0${ORGS.indexOf(o) + 1}17` }),
            (o: OrgKey) => ({ organizationId: orgs[o].id }),
            (o: OrgKey) => ({ organizationId: orgs[o].id, visibility: 'organization', role: 'delegate' }),
          ].map((filter, i) => ({
            filter: JSON.stringify(filter(foreign[i % foreign.length])),
            range: '[0,99]',
          })),
          // Sorting depends on the kind of role, not on which organization: one user of each kind.
          // An export sorts with its list's own rules (one list spec each), so its list route has
          // already tried every field with every kind of role; the export is sorted by an alliance
          // admin and by an organization's coordinator.
          ...(SORTERS.includes(party.label) &&
          (!route.path.endsWith('.csv') || ['alliance_admin', 'coordinator A'].includes(party.label))
            ? (sortFields.get(route.path) ?? [])
            : []
          ).map((field, i) => ({
            sort: JSON.stringify([field, i % 2 ? 'DESC' : 'ASC']),
            range: '[0,99]',
          })),
        ];
        for (const shape of shapes) {
          const query = new URLSearchParams(shape).toString();
          attempts.push({
            party,
            agent: party.agent,
            route,
            url: query ? `${route.path}?${query}` : route.path,
            foreignPrivateId: false,
            foreignPersonId: false,
          });
        }
      }

      // Other GET routes without an id (health, docs, /auth/me…): once each.
      for (const route of getRoutes.filter((r) => !r.path.includes(':') && !sortFields.has(r.path))) {
        attempts.push({
          party,
          agent: party.agent,
          route,
          url: route.path,
          foreignPrivateId: false,
          foreignPersonId: false,
        });
      }

      // Routes with an id: every foreign id; writes with a body that would pass validation where
      // the route takes a version (so the service itself must refuse) and one that moves or
      // publishes the person (people ids only).
      for (const route of routes.filter((r) => r.path.includes(':'))) {
        for (const target of ids) {
          const url = route.path.replace(/:[A-Za-z]+/g, target.id);
          const base = {
            party,
            agent: party.agent,
            route,
            url,
            foreignPrivateId: target.privatePerson,
            foreignPersonId: target.person,
            nonexistentId: target.nonexistent === true,
          };
          if (route.method === 'GET' || route.method === 'DELETE') attempts.push(base);
          else
            for (const body of target.firstOfOrg || target.nonexistent
              ? bodies.slice(0, 3)
              : bodies.slice(0, 1))
              attempts.push({ ...base, body });
        }
      }

      // Writes without an id in the path carry another organization's ids in the body.
      for (const route of routes.filter((r) => r.method !== 'GET' && !r.path.includes(':'))) {
        for (const body of bodies) {
          const attempt = {
            party,
            agent: party.agent,
            route,
            url: route.path,
            body,
            foreignPrivateId: false,
            foreignPersonId: false,
          };
          // Routes about the caller's own session and account run last, on a second session,
          // so that signing out does not end the session the rest of the walk uses.
          if (route.path.startsWith('/api/auth/')) selfRoutes.push({ ...attempt, agent: party.scratch });
          else attempts.push(attempt);
        }
      }
    }
    // A route the role may not use at all is refused by the roles guard before any handler runs:
    // two attempts per role and route prove the 403; the rest of the walk goes where data is.
    const refusedSeen = new Map<string, number>();
    const walk = attempts.filter((a) => {
      if (a.route.roles === null || a.route.roles.includes(a.party.user.role)) return true;
      const key = `${a.party.label} ${a.route.method} ${a.route.path}`;
      refusedSeen.set(key, (refusedSeen.get(key) ?? 0) + 1);
      return refusedSeen.get(key)! <= 2;
    });
    selfRoutes.sort((a, b) => Number(/logout/.test(a.route.path)) - Number(/logout/.test(b.route.path)));

    const violations: string[] = [];
    const statuses = new Map<string, number>();
    const answers = new Map<Attempt, number>();
    const check = (attempt: Attempt, res: Response, mainSession: boolean) => {
      const { party, route } = attempt;
      const what = `${party.label}: ${route.method} ${attempt.url}${attempt.body ? ` ${JSON.stringify(attempt.body)}` : ''} -> ${res.status}`;
      statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
      const text = visibleText(res);
      const leaked = forbiddenMarks(party).filter((m) => text.includes(m));
      if (leaked.length > 0) violations.push(`${what} LEAKS ${leaked.join(', ')}`);
      if (res.status >= 500) violations.push(`${what} is a server error`);
      if (mainSession && res.status === 401)
        violations.push(`${what}: the session was lost, the walk would prove nothing`);
      const roleAllowed = route.roles === null || route.roles.includes(party.user.role);
      if (!roleAllowed && res.status !== 403 && res.status !== 401)
        violations.push(`${what}: the role may not use this route, expected 403`);
      answers.set(attempt, res.status);
      if (attempt.foreignPersonId && route.method !== 'GET' && res.status < 300)
        violations.push(`${what}: changed another organization's person`);
      // The /api/auth/* routes act on the caller's own account and session only (sign out, TOTP setup…).
      if (
        party.org !== null &&
        route.method !== 'GET' &&
        res.status < 300 &&
        !route.path.startsWith('/api/auth/')
      ) {
        violations.push(`${what}: an organization user's write aimed at another organization succeeded`);
      }
    };

    const started = Date.now();
    await pool(walk, CONCURRENCY, async (attempt) => {
      check(attempt, await call(attempt.agent, attempt.route.method, attempt.url, attempt.body), true);
    });
    for (const attempt of selfRoutes)
      check(attempt, await call(attempt.agent, attempt.route.method, attempt.url, attempt.body), false);
    // A hidden id must be answered exactly as an id that exists nowhere (same role, route and body):
    // 404 for a read — or the 403 a role gets on every id of a route it may not use — and never a
    // 409, a 2xx or anything else that would confirm the person exists.
    const sameAsNothing = new Map<string, number>();
    const keyOf = (a: Attempt) =>
      `${a.party.label}|${a.route.method} ${a.route.path}|${JSON.stringify(a.body ?? null)}`;
    for (const [a, status] of answers) if (a.nonexistentId) sameAsNothing.set(keyOf(a), status);
    for (const [a, status] of answers) {
      if (!a.foreignPrivateId) continue;
      const what = `${a.party.label}: ${a.route.method} ${a.url}${a.body ? ` ${JSON.stringify(a.body)}` : ''} -> ${status}`;
      // A route the role may not use at all is refused by the guard before any id is looked at.
      if (a.route.roles !== null && !a.route.roles.includes(a.party.user.role)) continue;
      const nothing = sameAsNothing.get(keyOf(a));
      if (nothing === undefined) violations.push(`${what}: no answer for a nonexistent id to compare with`);
      else if (status !== nothing)
        violations.push(`${what}: a nonexistent id gets ${nothing}, so this answer confirms the person`);
      if (a.route.method === 'GET' && status !== 404 && !(status === 403 && nothing === 403)) {
        violations.push(`${what}: another organization's private person must be 404`);
      }
      if (a.route.method !== 'GET' && ![403, 404, 422].includes(status))
        violations.push(`${what}: expected 404 (403 for the role, 422 for the body)`);
    }

    const total = walk.length + selfRoutes.length;
    console.log(
      `cross-org matrix: ${total} attempts (${parties.length} users × ${routes.length} routes) in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );

    expect(total).toBeGreaterThanOrEqual(3000);
    expect(violations.slice(0, 50)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 400_000);
});
