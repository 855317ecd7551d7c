import { generateSync } from 'otplib';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

/** The code an authenticator app shows now, or `steps` 30-second steps from now. */
const codeFor = (secret: string, steps = 0): string =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** A code that is certainly not the right one for any step near now. */
function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1, 2].map((s) => codeFor(secret, s)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

function hasSessionCookie(res: Response): boolean {
  return (res.get('Set-Cookie') ?? []).some(
    (c) => c.startsWith('unidos_session=') && !c.startsWith('unidos_session=;'),
  );
}

/** Sets up and turns on two-factor sign-in for the signed-in agent; answers the secret and the code used. */
async function enrollWithCode(agent: TestAgent): Promise<{ secret: string; code: string }> {
  const setup = await agent.post('/api/auth/totp/setup');
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const code = codeFor(secret);
  const enabled = await agent.post('/api/auth/totp/enable').send({ code });
  expect(enabled.status).toBe(204);
  return { secret, code };
}

const enroll = async (agent: TestAgent): Promise<string> => (await enrollWithCode(agent)).secret;

describe('two-factor sign-in (TOTP): enrollment, sign-in, replay, lockout, secrecy', () => {
  let t: TestContext;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
  });
  afterAll(() => t.close());

  const login = (user: TestUser, totp?: string, password = user.password) =>
    t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password, ...(totp === undefined ? {} : { totp }) });

  const userRow = async (id: string) =>
    (
      await t.sql.query<{
        totp_secret: Buffer | null;
        totp_enabled_at: Date | null;
        totp_last_step: string | null;
        failed_login_count: number;
        locked_until: Date | null;
        version: number;
      }>(
        'SELECT totp_secret, totp_enabled_at, totp_last_step, failed_login_count, locked_until, version FROM "user" WHERE id = $1',
        [id],
      )
    ).rows[0];

  const sessionsOf = async (userId: string): Promise<number> =>
    (await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM session WHERE user_id = $1', [userId]))
      .rows[0].n;

  const auditActions = async (userId: string): Promise<string[]> =>
    (
      await t.sql.query<{ action: string }>(
        `SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY at, action`,
        [userId],
      )
    ).rows.map((r) => r.action);

  it('enrolls: setup shows a secret, an otpauth URL and a QR code; a code from the app turns it on', async () => {
    const user = await t.createUser('alliance_organizer');
    const agent = await t.as(user);

    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(Object.keys(setup.body).sort()).toEqual(['otpauthUrl', 'qrDataUrl', 'secret']);
    expect(setup.get('Cache-Control')).toBe('no-store');
    const { secret, otpauthUrl, qrDataUrl } = setup.body as {
      secret: string;
      otpauthUrl: string;
      qrDataUrl: string;
    };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUrl);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Unidos:${user.email}`);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Unidos');
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

    // Set up, but not on yet: sign-in does not ask for a code, and /me says it is off.
    let row = await userRow(user.id);
    expect(row.totp_secret).toBeInstanceOf(Buffer);
    expect(row.totp_enabled_at).toBeNull();
    expect((await agent.get('/api/auth/me')).body).toMatchObject({
      totpEnabled: false,
      totpEnrollmentRequired: false,
    });
    expect((await login(user)).status).toBe(200);

    const enabled = await agent.post('/api/auth/totp/enable').send({ code: codeFor(secret) });
    expect(enabled.status).toBe(204);
    row = await userRow(user.id);
    expect(row.totp_enabled_at).toBeInstanceOf(Date);
    expect(Number(row.totp_last_step)).toBeGreaterThan(0);
    // The user's own security settings do not make an admin's open form of the account stale.
    expect(row.version).toBe(1);
    expect((await agent.get('/api/auth/me')).body).toMatchObject({
      totpEnabled: true,
      totpEnrollmentRequired: false,
    });

    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.totp_setup', 'auth.totp_enabled']),
    );
  });

  it('refuses a wrong code on enable with 422 on code, and leaves it off', async () => {
    const user = await t.createUser('org_coordinator', await t.createOrganization());
    const agent = await t.as(user);
    const { secret } = (await agent.post('/api/auth/totp/setup')).body as { secret: string };
    for (const code of [wrongCode(secret), 'abcdef', '12345', codeFor(secret, -3)]) {
      const res = await agent.post('/api/auth/totp/enable').send({ code });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({
        code: 'This code is not right, or it was already used. Enter the current code from your authenticator app.',
      });
    }
    const es = await agent
      .post('/api/auth/totp/enable')
      .set('Accept-Language', 'es')
      .send({ code: wrongCode(secret) });
    expect(es.body.errors.code).toBe(
      'Este código no es correcto o ya se usó. Escriba el código actual de su aplicación de autenticación.',
    );
    expect((await userRow(user.id)).totp_enabled_at).toBeNull();
    expect((await login(user)).status).toBe(200);
    expect((await agent.post('/api/auth/totp/enable').send({})).body.errors).toEqual({ code: 'is required' });
  });

  it('asks to set up first (422) when enabling without a secret', async () => {
    const agent = await t.as(await t.createUser('alliance_organizer'));
    const res = await agent.post('/api/auth/totp/enable').send({ code: '123456' });
    expect(res.status).toBe(422);
    expect(res.body.errors.code).toMatch(/^Set up two-factor sign-in first/);
  });

  it('replaces a secret not yet turned on when setup is called again; once on, setup and enable are 409', async () => {
    const user = await t.createUser('alliance_organizer');
    const agent = await t.as(user);
    const first = (await agent.post('/api/auth/totp/setup')).body.secret as string;
    const second = (await agent.post('/api/auth/totp/setup')).body.secret as string;
    expect(second).not.toBe(first);
    // The first secret no longer counts (unless it happens to show the same six digits).
    if (codeFor(first) !== codeFor(second)) {
      expect((await agent.post('/api/auth/totp/enable').send({ code: codeFor(first) })).status).toBe(422);
    }
    expect((await agent.post('/api/auth/totp/enable').send({ code: codeFor(second) })).status).toBe(204);

    const again = await agent.post('/api/auth/totp/setup');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('error.totpAlreadyEnabled');
    expect(again.text).not.toContain(second);
    expect((await agent.post('/api/auth/totp/enable').send({ code: codeFor(second, 1) })).status).toBe(409);
    // The secret is still the one enrolled: its codes sign in.
    expect((await login(user, codeFor(second, 1))).status).toBe(200);
  });

  it('asks for the code (401 totpRequired) without counting a failure or opening a session, then signs in with it', async () => {
    const user = await t.createUser('alliance_organizer');
    const secret = await enroll(await t.as(user));
    const sessionsBefore = await sessionsOf(user.id);
    const auditBefore = (await auditActions(user.id)).length;

    for (const totp of [undefined, '']) {
      const res = await login(user, totp);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'error.totpRequired',
        message: 'Enter the 6-digit code from your authenticator app.',
      });
      expect(hasSessionCookie(res)).toBe(false);
    }
    const es = await login(user).set('Accept-Language', 'es');
    expect(es.body.message).toBe('Escriba el código de 6 dígitos de su aplicación de autenticación.');
    expect(await sessionsOf(user.id)).toBe(sessionsBefore);
    expect((await userRow(user.id)).failed_login_count).toBe(0);
    expect((await auditActions(user.id)).length).toBe(auditBefore);

    // A wrong password is still just a wrong password: the code is not asked for.
    const wrongPassword = await login(user, undefined, 'not the password at all');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.code).toBe('error.invalidCredentials');

    const ok = await login(user, codeFor(secret, 1));
    expect(ok.status).toBe(200);
    expect(hasSessionCookie(ok)).toBe(true);
    expect(ok.body).toMatchObject({ id: user.id, totpEnabled: true, totpEnrollmentRequired: false });
    expect(await sessionsOf(user.id)).toBe(sessionsBefore + 1);
    expect((await userRow(user.id)).failed_login_count).toBe(0);
  });

  it('accepts a code once: the same code (or an older one) is refused afterwards, even by two sign-ins at once', async () => {
    const user = await t.createUser('alliance_organizer');
    const { secret, code: used } = await enrollWithCode(await t.as(user));
    // The code used to turn it on cannot sign in.
    const enrollCode = await login(user, used);
    expect(enrollCode.status).toBe(401);
    expect(enrollCode.body.code).toBe('error.wrongTotpCode');

    const code = codeFor(secret, 1);
    const [a, b] = await Promise.all([login(user, code), login(user, code)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const replay = await login(user, code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('error.wrongTotpCode');
    // A code from an earlier step (still inside the ±1 window) is refused too.
    const older = await login(user, codeFor(secret, 0));
    expect(older.status).toBe(401);
    expect(await sessionsOf(user.id)).toBe(2); // the enrolling one and one of the two at once
    // Each refused code counted as a failed sign-in (the success in between restarted the count).
    expect((await userRow(user.id)).failed_login_count).toBe(3);
    expect((await auditActions(user.id)).filter((a) => a === 'auth.totp_failed')).toHaveLength(4);
  });

  it('counts wrong codes toward the lockout: the 5th failure locks, and then even the right code is 429', async () => {
    const user = await t.createUser('alliance_organizer');
    const secret = await enroll(await t.as(user));
    const bad = wrongCode(secret);

    const statuses: number[] = [];
    statuses.push((await login(user, bad)).status); // 1: wrong code
    statuses.push((await login(user, undefined, 'wrong password')).status); // 2: wrong password, same counter
    statuses.push((await login(user)).status); // asking for the code counts nothing...
    expect((await userRow(user.id)).failed_login_count).toBe(2); // ...and does not reset the counter either
    statuses.push((await login(user, bad)).status); // 3
    statuses.push((await login(user, 'abc123')).status); // 4: not even digits
    const fifth = await login(user, bad); // 5
    statuses.push(fifth.status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(fifth.body.message).toMatch(/locked for 15 more minutes/);

    const right = await login(user, codeFor(secret, 1));
    expect(right.status).toBe(429);
    expect(hasSessionCookie(right)).toBe(false);
    const row = await userRow(user.id);
    expect(row.locked_until).toBeInstanceOf(Date);
    expect(row.totp_last_step).not.toBeNull();
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.totp_failed', 'auth.login_failed', 'auth.account_locked']),
    );
  });

  it('turns off only with the password and a current code; then sign-in needs no code', async () => {
    const user = await t.createUser('org_viewer', await t.createOrganization());
    const agent = await t.as(user);
    const secret = await enroll(agent);
    const code = codeFor(secret, 1);

    const noPassword = await agent.post('/api/auth/totp/disable').send({ password: 'not my password', code });
    expect(noPassword.status).toBe(422);
    expect(noPassword.body.errors).toEqual({ password: 'The current password is wrong.' });
    const noCode = await agent
      .post('/api/auth/totp/disable')
      .send({ password: user.password, code: wrongCode(secret) });
    expect(noCode.status).toBe(422);
    expect(Object.keys(noCode.body.errors)).toEqual(['code']);
    expect((await userRow(user.id)).totp_enabled_at).toBeInstanceOf(Date);

    expect((await agent.post('/api/auth/totp/disable').send({ password: user.password, code })).status).toBe(
      204,
    );
    const row = await userRow(user.id);
    expect(row).toMatchObject({ totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    expect((await agent.get('/api/auth/me')).body.totpEnabled).toBe(false);
    expect((await login(user)).status).toBe(200);
    const again = await agent.post('/api/auth/totp/disable').send({ password: user.password, code });
    expect(again.status).toBe(409);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['auth.totp_disabled']));
  });

  it('never shows the secret outside the setup answer: not in /me, sign-in, /api/users, audit rows or the stored column', async () => {
    const user = await t.createUser('alliance_organizer');
    const agent = await t.as(user);
    const adminAgent = await t.as(admin);
    const setup = await agent.post('/api/auth/totp/setup');
    const secret = setup.body.secret as string;
    const code = codeFor(secret);
    expect((await agent.post('/api/auth/totp/enable').send({ code })).status).toBe(204);
    const signedIn = await login(user, codeFor(secret, 1));
    expect(signedIn.status).toBe(200);
    const me = await agent.get('/api/auth/me');
    const shown = await adminAgent.get(`/api/users/${user.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.totpEnabled).toBe(true);
    const listed = await adminAgent.get('/api/users').query({ filter: JSON.stringify({ id: [user.id] }) });
    const audit = await adminAgent
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ entityId: user.id }), range: '[0,99]' });
    expect(audit.status).toBe(200);
    for (const res of [me, signedIn, shown, listed, audit]) {
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toMatch(/"totpSecret"\s*:|totp_secret|otpauth/i);
    }
    expect(Object.keys(me.body).sort()).toEqual(
      [
        'displayName',
        'email',
        'id',
        'organizationId',
        'preferredLanguage',
        'role',
        'totpEnabled',
        'totpEnrollmentRequired',
        'totpRequired',
      ].sort(),
    );

    const rows = await t.sql.query<{ action: string; row: string }>(
      `SELECT action, to_jsonb(a)::text AS row FROM audit_event a WHERE entity_id = $1 OR actor_user_id = $1`,
      [user.id],
    );
    expect(rows.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.totp_setup', 'auth.totp_enabled']),
    );
    for (const { row } of rows.rows) {
      expect(row).not.toContain(secret);
      expect(row).not.toContain(code);
    }
    const setupRow = await t.sql.query(
      `SELECT before, after, changed_fields FROM audit_event WHERE entity_id = $1 AND action = 'auth.totp_setup'`,
      [user.id],
    );
    expect(setupRow.rows[0]).toEqual({ before: null, after: null, changed_fields: ['totpSecret'] });

    // Stored encrypted: neither the base32 secret nor its bytes are in the column.
    const stored = (await userRow(user.id)).totp_secret as Buffer;
    expect(stored.toString('latin1')).not.toContain(secret);
    expect(stored.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
  });
});

/** The routes an alliance admin may use before turning on two-factor sign-in. */
const OPEN_BEFORE_ENROLLMENT = new Set([
  'GET /api/auth/me',
  'PUT /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/enable',
  'POST /api/auth/totp/disable',
  // Seeing and ending one's own sessions is safe before enrolling, and useful if the account is in doubt.
  'GET /api/auth/sessions',
  'DELETE /api/auth/sessions/:id',
  'POST /api/auth/logout-everywhere',
]);
const PUBLIC_ROUTE = /^\/api\/(health|public\/.+|auth\/login|docs(\/.*)?|docs-json|docs-yaml)$/;
const ANY_ID = '3f2504e0-4f89-4d3a-9a0c-0305e82c3301';

describe('two-factor sign-in required for alliance admins (UNIDOS_REQUIRE_ADMIN_TOTP)', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await startTestApp({ config: { requireAdminTotp: true } });
  });
  afterAll(() => t.close());

  it('lets an admin without it sign in, but answers 403 everywhere except their account and enrollment until it is on', async () => {
    const admin = await t.createUser('alliance_admin');
    const orgId = await t.createOrganization();
    const agent = await t.as(admin);

    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ totpEnabled: false, totpEnrollmentRequired: true });

    const refused = await agent.get('/api/organizations');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'error.totpEnrollmentRequired',
      message:
        'Alliance admins must turn on two-factor sign-in before anything else. Set it up in your account, with an authenticator app.',
    });
    const es = await agent.get('/api/organizations').set('Accept-Language', 'es');
    expect(es.body.message).toMatch(
      /^Los administradores de la alianza deben activar la verificación en dos pasos/,
    );
    expect((await agent.get(`/api/organizations/${orgId}`)).status).toBe(403);
    expect((await agent.get('/api/auth/sessions')).status).toBe(200);
    const created = await agent
      .post('/api/users')
      .send({
        email: 'blocked.admin.create@test.unidos.local',
        displayName: 'Blocked',
        role: 'alliance_organizer',
        password: 'a long enough passphrase',
      });
    expect(created.status).toBe(403);
    expect(
      (await t.sql.query(`SELECT 1 FROM "user" WHERE email = 'blocked.admin.create@test.unidos.local'`))
        .rowCount,
    ).toBe(0);

    // Their own account still works.
    expect((await agent.put('/api/auth/me').send({ displayName: 'Admin Enrolling' })).status).toBe(200);
    // Turning it off is not an option for an admin.
    expect(
      (await agent.post('/api/auth/totp/disable').send({ password: admin.password, code: '123456' })).status,
    ).toBe(422);

    const secret = await enroll(agent);
    // The same session goes on, now with everything open.
    const after = await agent.get('/api/organizations');
    expect(after.status).toBe(200);
    expect((await agent.get('/api/auth/me')).body).toMatchObject({
      totpEnabled: true,
      totpEnrollmentRequired: false,
    });
    expect((await agent.get('/api/auth/sessions')).status).toBe(200);

    // Admins cannot turn it off while it is required, even with the right password and code.
    const off = await agent
      .post('/api/auth/totp/disable')
      .send({ password: admin.password, code: codeFor(secret, 1) });
    expect(off.status).toBe(422);
    expect(off.body).toMatchObject({
      code: 'error.totpRequiredForAdmins',
      message: 'Alliance admins must keep two-factor sign-in on.',
    });
    expect(
      (await t.sql.query('SELECT totp_enabled_at FROM "user" WHERE id = $1', [admin.id])).rows[0]
        .totp_enabled_at,
    ).toBeInstanceOf(Date);

    // And from now on, signing in needs the code.
    const noCode = await t
      .http()
      .post('/api/auth/login')
      .send({ email: admin.email, password: admin.password });
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('error.totpRequired');
    const withCode = await t.as(admin, codeFor(secret, 1));
    expect((await withCode.get('/api/organizations')).status).toBe(200);
  });

  it('refuses every route but the allowed ones, checked once in the session guard (walks all routes)', async () => {
    const admin = await t.createUser('alliance_admin');
    const agent = await t.as(admin);
    const express = t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const routes: { method: string; path: string }[] = [];
    for (const layer of express.router.stack) {
      if (!layer.route?.path.startsWith('/api') || PUBLIC_ROUTE.test(layer.route.path)) continue;
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on) routes.push({ method: method.toUpperCase(), path: layer.route.path });
    }
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining([...OPEN_BEFORE_ENROLLMENT]));

    const answers: string[] = [];
    for (const route of routes.filter((r) => !OPEN_BEFORE_ENROLLMENT.has(`${r.method} ${r.path}`))) {
      const url = route.path.replace(/:[A-Za-z]+/g, ANY_ID);
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const res = await agent[method](url).send(method === 'get' || method === 'delete' ? undefined : {});
      answers.push(`${route.method} ${route.path} -> ${res.status} ${String(res.body.code)}`);
    }
    expect(answers.length).toBeGreaterThanOrEqual(20);
    expect(answers).toEqual(
      answers.map((a) => `${a.slice(0, a.indexOf(' -> '))} -> 403 error.totpEnrollmentRequired`),
    );
    // Nothing above ended the session: the admin can still enroll.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('does not ask it of other roles, and lets them turn it off', async () => {
    const orgId = await t.createOrganization();
    for (const user of [
      await t.createUser('alliance_organizer'),
      await t.createUser('org_coordinator', orgId),
    ]) {
      const agent = await t.as(user);
      expect((await agent.get('/api/auth/me')).body).toMatchObject({
        totpEnabled: false,
        totpEnrollmentRequired: false,
      });
      expect((await agent.get('/api/organizations')).status).toBe(200);
      const secret = await enroll(agent);
      const off = await agent
        .post('/api/auth/totp/disable')
        .send({ password: user.password, code: codeFor(secret, 1) });
      expect(off.status).toBe(204);
    }
  });
});
