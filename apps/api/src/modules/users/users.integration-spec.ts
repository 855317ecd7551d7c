import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { UserRole } from '@unidos/contracts';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const PASSWORD = 'a long enough passphrase';
const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@test.unidos.local`;

/** A response that carries a password hash, or anything named like one, leaks it. */
function expectNoPasswordInside(res: Response): void {
  expect(res.text).not.toMatch(/\$argon2/);
  expect(res.text).not.toMatch(/password/i);
}

describe('users (alliance admins manage sign-ins)', () => {
  let t: TestContext;
  let admin: TestUser;
  let adminAgent: TestAgent;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
    adminAgent = await t.as(admin);
    orgId = await t.createOrganization();
  });
  afterAll(() => t.close());

  const countByEmail = async (email: string): Promise<number> =>
    (
      await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "user" WHERE lower(email) = lower($1)',
        [email],
      )
    ).rows[0].n;

  it.each<[UserRole, boolean]>([
    ['alliance_admin', false],
    ['alliance_organizer', false],
    ['org_coordinator', true],
    ['org_viewer', true],
  ])('creates a %s who can then sign in with that role', async (role, withOrganization) => {
    const email = uniqueEmail(role);
    const res = await adminAgent.post('/api/users').send({
      email,
      displayName: `New ${role}`,
      role,
      password: PASSWORD,
      ...(withOrganization ? { organizationId: orgId } : {}),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email,
      displayName: `New ${role}`,
      role,
      organizationId: withOrganization ? orgId : null,
      status: 'active',
      preferredLanguage: 'en',
      version: 1,
    });
    expectNoPasswordInside(res);
    const { rows } = await t.sql.query(
      'SELECT role, organization_id, password_hash FROM "user" WHERE id = $1',
      [res.body.id],
    );
    expect(rows[0]).toMatchObject({ role, organization_id: withOrganization ? orgId : null });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);

    const login = await t.http().post('/api/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ id: res.body.id, role });
  });

  it.each<UserRole>(['org_coordinator', 'org_viewer'])(
    'requires an organization for a %s (422 on organizationId)',
    async (role) => {
      const email = uniqueEmail(role);
      const res = await adminAgent
        .post('/api/users')
        .send({ email, displayName: 'No Org', role, password: PASSWORD });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ organizationId: 'Organization roles need an organization.' });
      expect(await countByEmail(email)).toBe(0);
    },
  );

  it.each<UserRole>(['alliance_admin', 'alliance_organizer'])(
    'refuses an organization for a %s (422 on organizationId)',
    async (role) => {
      const email = uniqueEmail(role);
      const res = await adminAgent
        .post('/api/users')
        .send({ email, displayName: 'With Org', role, organizationId: orgId, password: PASSWORD });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ organizationId: 'Alliance roles do not belong to an organization.' });
      expect(await countByEmail(email)).toBe(0);
    },
  );

  it('refuses an organization that does not exist', async () => {
    const email = uniqueEmail('ghost');
    const res = await adminAgent
      .post('/api/users')
      .send({
        email,
        displayName: 'Ghost Org',
        role: 'org_viewer',
        organizationId: randomUUID(),
        password: PASSWORD,
      });
    expect(res.status).toBe(422);
    expect(res.body.errors.organizationId).toBe('There is no such organization.');
    expect(await countByEmail(email)).toBe(0);
  });

  it('refuses fields nobody may set, such as a ready-made password hash or a status', async () => {
    const email = uniqueEmail('hash');
    const res = await adminAgent.post('/api/users').send({
      email,
      displayName: 'Injected',
      role: 'alliance_organizer',
      password: PASSWORD,
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$forged',
      failedLoginCount: 0,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['failedLoginCount', 'passwordHash']);
    expect(await countByEmail(email)).toBe(0);
  });

  it('refuses a password shorter than 12 characters', async () => {
    const email = uniqueEmail('short');
    const res = await adminAgent
      .post('/api/users')
      .send({ email, displayName: 'Short', role: 'alliance_organizer', password: 'short' });
    expect(res.status).toBe(422);
    expect(res.body.errors.password).toBe('must be at least 12 characters');
    expect(await countByEmail(email)).toBe(0);
  });

  it('refuses a duplicate email, whatever its case, with 409 on email', async () => {
    const local = `Dup.${randomUUID().slice(0, 8)}`;
    const first = await adminAgent
      .post('/api/users')
      .send({
        email: `${local}@Test.Unidos.Local`,
        displayName: 'First',
        role: 'alliance_organizer',
        password: PASSWORD,
      });
    expect(first.status).toBe(201);
    expect(first.body.email).toBe(`${local}@test.unidos.local`.toLowerCase());

    const second = await adminAgent
      .post('/api/users')
      .send({
        email: `${local.toUpperCase()}@TEST.UNIDOS.LOCAL`,
        displayName: 'Second',
        role: 'alliance_organizer',
        password: PASSWORD,
      });
    expect(second.status).toBe(409);
    expect(second.body.errors).toEqual({ email: 'A user with this email already exists.' });
    expect(await countByEmail(`${local}@test.unidos.local`)).toBe(1);

    // A user stored with capitals (created before emails were lower-cased) still counts.
    const legacy = await t.createUser('alliance_organizer');
    await t.sql.query('UPDATE "user" SET email = upper(email) WHERE id = $1', [legacy.id]);
    const third = await adminAgent
      .post('/api/users')
      .send({ email: legacy.email, displayName: 'Third', role: 'alliance_organizer', password: PASSWORD });
    expect(third.status).toBe(409);
    expect(third.body.errors.email).toBe('A user with this email already exists.');

    // Changing an email to one already taken is refused the same way.
    const other = (await adminAgent.get(`/api/users/${legacy.id}`)).body;
    const renamed = await adminAgent
      .put(`/api/users/${other.id}`)
      .send({ version: other.version, email: `${local.toLowerCase()}@test.unidos.local` });
    expect(renamed.status).toBe(409);
    expect(renamed.body.errors.email).toBe('A user with this email already exists.');
  });

  it.each<UserRole>(['alliance_organizer', 'org_coordinator', 'org_viewer'])(
    'answers 403 to a %s on every users route, and changes nothing',
    async (role) => {
      const caller = await t.createUser(role, role.startsWith('org_') ? orgId : null);
      const agent = await t.as(caller);
      const target = await t.createUser('org_viewer', orgId);
      const email = uniqueEmail('forbidden');

      expect((await agent.get('/api/users')).status).toBe(403);
      expect((await agent.get(`/api/users/${target.id}`)).status).toBe(403);
      expect((await agent.get(`/api/users/${caller.id}`)).status).toBe(403);
      const created = await agent
        .post('/api/users')
        .send({ email, displayName: 'Sneaky', role: 'alliance_admin', password: PASSWORD });
      expect(created.status).toBe(403);
      expect(await countByEmail(email)).toBe(0);
      // Promoting themself is the same 403.
      const promoted = await agent
        .put(`/api/users/${caller.id}`)
        .send({ version: 1, role: 'alliance_admin', organizationId: null });
      expect(promoted.status).toBe(403);
      const disabled = await agent.put(`/api/users/${target.id}`).send({ version: 1, status: 'disabled' });
      expect(disabled.status).toBe(403);

      const { rows } = await t.sql.query(
        'SELECT id, role, status, version FROM "user" WHERE id = ANY($1) ORDER BY id',
        [[caller.id, target.id]],
      );
      expect(rows).toEqual(
        [
          { id: caller.id, role, status: 'active', version: 1 },
          { id: target.id, role: 'org_viewer', status: 'active', version: 1 },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
    },
  );

  it('lists users with filter, sort and range, and a Content-Range total', async () => {
    const tag = `lst${randomUUID().slice(0, 6)}`;
    const made: { id: string; email: string; role: UserRole }[] = [];
    for (const [i, role] of (
      ['org_viewer', 'org_coordinator', 'org_viewer', 'org_viewer', 'alliance_organizer'] as UserRole[]
    ).entries()) {
      const email = `${tag}.${String.fromCharCode(97 + i)}@test.unidos.local`;
      const res = await adminAgent.post('/api/users').send({
        email,
        displayName: `Listed ${tag} ${i}`,
        role,
        password: PASSWORD,
        ...(role.startsWith('org_') ? { organizationId: orgId } : {}),
      });
      expect(res.status).toBe(201);
      made.push({ id: res.body.id, email, role });
    }

    const all = await adminAgent
      .get('/api/users')
      .query({ filter: JSON.stringify({ q: tag }), sort: '["email","ASC"]', range: '[0,24]' });
    expect(all.status).toBe(200);
    expect(all.get('Content-Range')).toBe('users 0-4/5');
    expect(all.body.map((u: { email: string }) => u.email)).toEqual(made.map((u) => u.email));
    expectNoPasswordInside(all);

    const viewers = made.filter((u) => u.role === 'org_viewer').map((u) => u.email);
    const page = await adminAgent
      .get('/api/users')
      .query({
        filter: JSON.stringify({ q: tag, role: 'org_viewer' }),
        sort: '["email","DESC"]',
        range: '[1,2]',
      });
    expect(page.status).toBe(200);
    expect(page.get('Content-Range')).toBe('users 1-2/3');
    expect(page.body.map((u: { email: string }) => u.email)).toEqual([...viewers].reverse().slice(1, 3));

    const byId = await adminAgent
      .get('/api/users')
      .query({ filter: JSON.stringify({ id: [made[0].id, made[4].id] }) });
    expect(byId.body.map((u: { id: string }) => u.id).sort()).toEqual([made[0].id, made[4].id].sort());

    expect((await adminAgent.get('/api/users').query({ sort: '["passwordHash","ASC"]' })).status).toBe(422);
    expect((await adminAgent.get('/api/users').query({ filter: '{"passwordHash":"x"}' })).status).toBe(422);
  });

  it('never shows a password hash: create, show, update and list answers', async () => {
    const created = await adminAgent
      .post('/api/users')
      .send({
        email: uniqueEmail('nohash'),
        displayName: 'No Hash',
        role: 'alliance_organizer',
        password: PASSWORD,
      });
    expectNoPasswordInside(created);
    const shown = await adminAgent.get(`/api/users/${created.body.id}`);
    expect(shown.status).toBe(200);
    expectNoPasswordInside(shown);
    const updated = await adminAgent
      .put(`/api/users/${created.body.id}`)
      .send({ version: shown.body.version, displayName: 'Still No Hash' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ displayName: 'Still No Hash', version: shown.body.version + 1 });
    expectNoPasswordInside(updated);
    const me = await adminAgent.get('/api/auth/me');
    expectNoPasswordInside(me);
  });

  it('refuses a stale version with 409 and keeps the first change', async () => {
    const target = await t.createUser('alliance_organizer');
    const first = await adminAgent
      .put(`/api/users/${target.id}`)
      .send({ version: 1, displayName: 'First Edit' });
    expect(first.status).toBe(200);
    const stale = await adminAgent
      .put(`/api/users/${target.id}`)
      .send({ version: 1, displayName: 'Second Edit' });
    expect(stale.status).toBe(409);
    const { rows } = await t.sql.query('SELECT display_name, version FROM "user" WHERE id = $1', [target.id]);
    expect(rows[0]).toEqual({ display_name: 'First Edit', version: 2 });
  });

  it("keeps an admin's open form valid while the user signs in or mistypes their password", async () => {
    const target = await t.createUser('alliance_organizer');
    const loaded = (await adminAgent.get(`/api/users/${target.id}`)).body;
    expect(
      (await t.http().post('/api/auth/login').send({ email: target.email, password: 'mistyped password' }))
        .status,
    ).toBe(401);
    expect(
      (await t.http().post('/api/auth/login').send({ email: target.email, password: target.password }))
        .status,
    ).toBe(200);
    // A brute-force attempt must not keep the admin from disabling the account.
    const disabled = await adminAgent
      .put(`/api/users/${target.id}`)
      .send({ version: loaded.version, status: 'disabled' });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', version: loaded.version + 1 });
    expect(disabled.body.lastLoginAt).not.toBeNull();
  });

  it('does not let an admin disable or demote themself (422), and changes nothing', async () => {
    const self = await t.createUser('alliance_admin');
    const agent = await t.as(self);
    const disable = await agent.put(`/api/users/${self.id}`).send({ version: 1, status: 'disabled' });
    expect(disable.status).toBe(422);
    expect(disable.body.errors).toEqual({ status: 'You cannot disable or demote your own account.' });
    const demote = await agent.put(`/api/users/${self.id}`).send({ version: 1, role: 'alliance_organizer' });
    expect(demote.status).toBe(422);
    expect(demote.body.errors.role).toBe('You cannot disable or demote your own account.');
    const { rows } = await t.sql.query('SELECT role, status, version FROM "user" WHERE id = $1', [self.id]);
    expect(rows[0]).toEqual({ role: 'alliance_admin', status: 'active', version: 1 });
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('moves a user to an alliance role without an organization, and back only with one', async () => {
    const target = await t.createUser('org_coordinator', orgId);
    const promoted = await adminAgent
      .put(`/api/users/${target.id}`)
      .send({ version: 1, role: 'alliance_organizer' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'alliance_organizer', organizationId: null });
    const back = await adminAgent.put(`/api/users/${target.id}`).send({ version: 2, role: 'org_viewer' });
    expect(back.status).toBe(422);
    expect(back.body.errors.organizationId).toBe('Organization roles need an organization.');
    const { rows } = await t.sql.query('SELECT role, organization_id FROM "user" WHERE id = $1', [target.id]);
    expect(rows[0]).toEqual({ role: 'alliance_organizer', organization_id: null });
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await adminAgent.get(`/api/users/${randomUUID()}`)).status).toBe(404);
    expect((await adminAgent.get('/api/users/not-a-uuid')).status).toBe(404);
    expect(
      (await adminAgent.put(`/api/users/${randomUUID()}`).send({ version: 1, displayName: 'Nobody' })).status,
    ).toBe(404);
  });
});
