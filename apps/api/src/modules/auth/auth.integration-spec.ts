import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

/** The session cookie a login answer sets (name=value only), failing loudly when there is none. */
function sessionCookie(res: Response): string {
  const cookie = (res.get('Set-Cookie') ?? []).find((c) => c.startsWith('unidos_session='));
  if (!cookie) throw new Error(`no session cookie in ${res.status} answer`);
  return cookie.split(';')[0];
}

describe('auth: sessions, lockout, disabling, password change, cross-site requests', () => {
  let t: TestContext;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
  });
  afterAll(() => t.close());

  const sessionsOf = async (userId: string): Promise<number> =>
    (await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM session WHERE user_id = $1', [userId]))
      .rows[0].n;

  const login = (email: string, password: string) =>
    t.http().post('/api/auth/login').send({ email, password });

  it('signs in with an HttpOnly, SameSite=Strict session cookie that /api/auth/me accepts', async () => {
    const user = await t.createUser('alliance_organizer');
    const res = await login(user.email, user.password);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: user.id,
      email: user.email,
      role: 'alliance_organizer',
      organizationId: null,
    });

    const setCookie = (res.get('Set-Cookie') ?? []).find((c) => c.startsWith('unidos_session='));
    expect(setCookie).toBeDefined();
    const attributes = (setCookie as string).split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    // The token is random and long; only its hash is stored.
    const token = sessionCookie(res).slice('unidos_session='.length);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const { rows } = await t.sql.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM session WHERE user_id = $1',
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);

    const me = await t.http().get('/api/auth/me').set('Cookie', sessionCookie(res));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: 'Test alliance_organizer',
      role: 'alliance_organizer',
      organizationId: null,
      preferredLanguage: 'en',
      totpEnabled: false,
      totpEnrollmentRequired: false,
      totpRequired: false,
    });
  });

  it('answers 401 to /api/auth/me without a session, or with a made-up one', async () => {
    const none = await t.http().get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.message).toBe('Please sign in.');
    const forged = await t
      .http()
      .get('/api/auth/me')
      .set('Cookie', 'unidos_session=not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(forged.status).toBe(401);
  });

  it('ends the session on logout: the same cookie is refused afterwards', async () => {
    const user = await t.createUser('org_viewer', await t.createOrganization());
    const cookie = sessionCookie(await login(user.email, user.password));
    expect((await t.http().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);

    const out = await t.http().post('/api/auth/logout').set('Cookie', cookie);
    expect(out.status).toBe(204);
    // The answer also tells the browser to forget the cookie.
    expect(
      (out.get('Set-Cookie') ?? []).some(
        (c) => /^unidos_session=;/.test(c) && /expires=thu, 01 jan 1970/i.test(c),
      ),
    ).toBe(true);

    // Replaying the old cookie (a copied or stolen one) no longer works.
    expect((await t.http().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    const { rows } = await t.sql.query('SELECT revoked_at FROM session WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].revoked_at).toBeInstanceOf(Date);
  });

  it('refuses a wrong password with 401 and a message, and opens no session', async () => {
    const user = await t.createUser('alliance_organizer');
    const res = await login(user.email, 'not the password at all');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Wrong email or password.');
    expect(res.get('Set-Cookie')?.some((c) => c.startsWith('unidos_session='))).toBeFalsy();
    expect(await sessionsOf(user.id)).toBe(0);
    const { rows } = await t.sql.query('SELECT failed_login_count FROM "user" WHERE id = $1', [user.id]);
    expect(rows[0].failed_login_count).toBe(1);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await login('nobody.here@test.unidos.local', 'whatever it is');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Wrong email or password.');
  });

  it('accepts the email in any case', async () => {
    const user = await t.createUser('alliance_organizer');
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });

  it('locks the account after 5 wrong passwords: the 5th and later answers are 429, even with the right password', async () => {
    const user = await t.createUser('alliance_organizer');
    const statuses: number[] = [];
    let fifth: Response | null = null;
    for (let i = 1; i <= 5; i++) {
      const res = await login(user.email, `wrong password ${i}`);
      statuses.push(res.status);
      if (i === 5) fifth = res;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(fifth?.body.message).toMatch(/locked/);

    const right = await login(user.email, user.password);
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(/locked for 15 more minutes/);
    expect(right.get('Set-Cookie')?.some((c) => c.startsWith('unidos_session='))).toBeFalsy();
    const again = await login(user.email, 'wrong password 6');
    expect(again.status).toBe(429);
    expect(again.body.message).toMatch(/locked/);

    expect(await sessionsOf(user.id)).toBe(0);
    const { rows } = await t.sql.query<{ locked_until: Date | null; minutes: number }>(
      `SELECT locked_until, extract(epoch FROM locked_until - now()) / 60 AS minutes FROM "user" WHERE id = $1`,
      [user.id],
    );
    expect(rows[0].locked_until).toBeInstanceOf(Date);
    expect(Number(rows[0].minutes)).toBeGreaterThan(14);
    expect(Number(rows[0].minutes)).toBeLessThanOrEqual(15);

    const audit = await t.sql.query<{ action: string; actor_user_id: string | null }>(
      `SELECT action, actor_user_id FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY at, action`,
      [user.id],
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual([
      'auth.account_locked',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
    ]);
  });

  it('lets the account in again once the lock has passed', async () => {
    const user = await t.createUser('alliance_organizer');
    await t.sql.query(`UPDATE "user" SET locked_until = now() - interval '1 minute' WHERE id = $1`, [
      user.id,
    ]);
    expect((await login(user.email, user.password)).status).toBe(200);
    const { rows } = await t.sql.query('SELECT failed_login_count, locked_until FROM "user" WHERE id = $1', [
      user.id,
    ]);
    expect(rows[0]).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it("refuses a disabled user's existing session at once, and their next sign-in", async () => {
    const orgId = await t.createOrganization();
    const user = await t.createUser('org_coordinator', orgId);
    const userAgent = await t.as(user);
    const cookie = sessionCookie(await login(user.email, user.password));
    expect((await userAgent.get('/api/auth/me')).status).toBe(200);

    const adminAgent = await t.as(admin);
    const { body: shown } = await adminAgent.get(`/api/users/${user.id}`);
    const disabled = await adminAgent
      .put(`/api/users/${user.id}`)
      .send({ version: shown.version, status: 'disabled' });
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');

    expect((await userAgent.get('/api/auth/me')).status).toBe(401);
    expect((await userAgent.get('/api/organizations')).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(401);

    // "Disabling ends every session": enabling the account again does not bring old sessions back.
    const enabled = await adminAgent
      .put(`/api/users/${user.id}`)
      .send({ version: disabled.body.version, status: 'active' });
    expect(enabled.status).toBe(200);
    expect((await userAgent.get('/api/auth/me')).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('lets users change only their own language and name through /api/auth/me, never their role or organization', async () => {
    const orgId = await t.createOrganization();
    const user = await t.createUser('org_viewer', orgId);
    const agent = await t.as(user);
    const before = (await t.sql.query('SELECT to_jsonb(u) AS row FROM "user" u WHERE id = $1', [user.id]))
      .rows[0].row;
    for (const [field, value] of [
      ['role', 'alliance_admin'],
      ['organizationId', null],
      ['status', 'active'],
      ['email', 'new.address@test.unidos.local'],
    ] as const) {
      const res = await agent.put('/api/auth/me').send({ preferredLanguage: 'es', [field]: value });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ [field]: 'is not a field you can set' });
    }
    const after = (await t.sql.query('SELECT to_jsonb(u) AS row FROM "user" u WHERE id = $1', [user.id]))
      .rows[0].row;
    expect(after).toEqual(before);

    const ok = await agent.put('/api/auth/me').send({ preferredLanguage: 'es', displayName: 'Nuevo Nombre' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      role: 'org_viewer',
      organizationId: orgId,
      preferredLanguage: 'es',
      displayName: 'Nuevo Nombre',
    });
    // Messages now follow the user's language when the browser does not ask for one.
    expect((await agent.put('/api/auth/me').send({ role: 'alliance_admin' })).body.errors.role).toBe(
      'no es un campo que usted pueda cambiar',
    );
  });

  describe('password change', () => {
    it('refuses a wrong current password on currentPassword, and changes nothing', async () => {
      const user = await t.createUser('alliance_organizer');
      const agent = await t.as(user);
      const before = await t.sql.query('SELECT password_hash FROM "user" WHERE id = $1', [user.id]);
      const res = await agent
        .post('/api/auth/password')
        .send({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ currentPassword: 'The current password is wrong.' });
      const after = await t.sql.query('SELECT password_hash FROM "user" WHERE id = $1', [user.id]);
      expect(after.rows[0].password_hash).toBe(before.rows[0].password_hash);
    });

    it('refuses a new password shorter than 12 characters on newPassword', async () => {
      const user = await t.createUser('alliance_organizer');
      const agent = await t.as(user);
      const res = await agent
        .post('/api/auth/password')
        .send({ currentPassword: user.password, newPassword: 'short1' });
      expect(res.status).toBe(422);
      expect(res.body.errors.newPassword).toBe('must be at least 12 characters');
      expect(res.body.errors.currentPassword).toBeUndefined();
      expect((await login(user.email, user.password)).status).toBe(200);
    });

    it("ends the user's other sessions, keeps this one, and the new password signs in", async () => {
      const user = await t.createUser('alliance_organizer');
      const other = await t.createUser('alliance_organizer');
      const here = await t.as(user);
      const elsewhere = await t.as(user);
      const otherUser = await t.as(other);
      const newPassword = 'a much longer new passphrase';

      const res = await here.post('/api/auth/password').send({ currentPassword: user.password, newPassword });
      expect(res.status).toBe(204);

      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
      expect((await here.get('/api/auth/me')).status).toBe(200);
      // Someone else's session is untouched.
      expect((await otherUser.get('/api/auth/me')).status).toBe(200);

      expect((await login(user.email, user.password)).status).toBe(401);
      const fresh = await login(user.email, newPassword);
      expect(fresh.status).toBe(200);
      expect(fresh.body.id).toBe(user.id);

      const { rows } = await t.sql.query<{ password_hash: string; password_changed_at: Date | null }>(
        'SELECT password_hash, password_changed_at FROM "user" WHERE id = $1',
        [user.id],
      );
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(rows[0].password_hash, newPassword)).toBe(true);
      expect(rows[0].password_changed_at).toBeInstanceOf(Date);
    });
  });

  describe('cross-site requests', () => {
    it('refuses a state-changing request whose Origin is another site, and changes nothing', async () => {
      const user = await t.createUser('alliance_organizer');
      const cookie = sessionCookie(await login(user.email, user.password));
      const hashBefore = (await t.sql.query('SELECT password_hash FROM "user" WHERE id = $1', [user.id]))
        .rows[0].password_hash;

      const res = await t
        .http()
        .post('/api/auth/password')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example')
        .send({ currentPassword: user.password, newPassword: 'chosen by the attacker' });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Requests from other sites are refused.');
      const hashAfter = (await t.sql.query('SELECT password_hash FROM "user" WHERE id = $1', [user.id]))
        .rows[0].password_hash;
      expect(hashAfter).toBe(hashBefore);

      const logout = await t
        .http()
        .post('/api/auth/logout')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example');
      expect(logout.status).toBe(403);
      expect((await t.http().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    });

    it('refuses a request the browser marks Sec-Fetch-Site: cross-site, and changes nothing', async () => {
      const orgId = await t.createOrganization();
      const cookie = sessionCookie(await login(admin.email, admin.password));
      const before = await t.sql.query('SELECT city, version FROM organization WHERE id = $1', [orgId]);

      const res = await t
        .http()
        .put(`/api/organizations/${orgId}`)
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ version: before.rows[0].version, city: 'Evil City' });
      expect(res.status).toBe(403);
      const after = await t.sql.query('SELECT city, version FROM organization WHERE id = $1', [orgId]);
      expect(after.rows[0]).toEqual(before.rows[0]);
    });

    it('refuses a cross-site sign-in (login CSRF) and opens no session', async () => {
      const user = await t.createUser('alliance_organizer');
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .send({ email: user.email, password: user.password });
      expect(res.status).toBe(403);
      expect(await sessionsOf(user.id)).toBe(0);
    });

    it('accepts the same request from the app itself (same origin)', async () => {
      const user = await t.createUser('alliance_organizer');
      const agent = await t.as(user);
      const me = await agent.get('/api/auth/me');
      expect(me.status).toBe(200);
      const res = await agent
        .put('/api/auth/me')
        .set('Host', 'unidos.example.org')
        .set('Origin', 'https://unidos.example.org')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ preferredLanguage: 'es' });
      expect(res.status).toBe(200);
      expect(res.body.preferredLanguage).toBe('es');
    });
  });
});

describe('auth: sign-in throttling per client', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ limits: { login: 3 } });
  });
  afterAll(() => t.close());

  it('answers 429 to the 4th sign-in attempt from the same client, even with the right password', async () => {
    const user = await t.createUser('alliance_organizer');
    const statuses: number[] = [];
    for (const password of ['wrong password', user.password, user.password, user.password]) {
      statuses.push((await t.http().post('/api/auth/login').send({ email: user.email, password })).status);
    }
    expect(statuses).toEqual([401, 200, 200, 429]);
    const blocked = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toBe('Too many requests from here. Try again later.');
    // A forged X-Forwarded-For does not make a new client (no proxy is trusted by default).
    const spoofed = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: user.email, password: user.password });
    expect(spoofed.status).toBe(429);
    const { rows } = await t.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM session WHERE user_id = $1',
      [user.id],
    );
    expect(rows[0].n).toBe(2);
  });
});
