import { generateSync } from 'otplib';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

interface SessionBody {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

/** The answer tells the browser to forget the session cookie. */
const clearsCookie = (res: Response): boolean =>
  (res.get('Set-Cookie') ?? []).some(
    (c) => /^unidos_session=;/.test(c) && /expires=thu, 01 jan 1970/i.test(c),
  );

describe('sessions: list, end one, end everywhere, an admin ends a user’s sessions', () => {
  let t: TestContext;
  let admin: TestUser;
  let adminAgent: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
    adminAgent = await t.as(admin);
  });
  afterAll(() => t.close());

  const mySessions = async (agent: TestAgent): Promise<SessionBody[]> => {
    const res = await agent.get('/api/auth/sessions');
    expect(res.status).toBe(200);
    return res.body as SessionBody[];
  };
  /** Three places the same user is signed in. */
  const signedInThrice = async (user: TestUser) =>
    [await t.as(user), await t.as(user), await t.as(user)] as const;
  const currentId = async (agent: TestAgent): Promise<string> => {
    const current = (await mySessions(agent)).filter((s) => s.current);
    expect(current).toHaveLength(1);
    return current[0].id;
  };
  const auditRows = async (action: string, entityId: string) =>
    (
      await t.sql.query<{ actor_user_id: string; entity_type: string }>(
        'SELECT actor_user_id, entity_type FROM audit_event WHERE action = $1 AND entity_id = $2',
        [action, entityId],
      )
    ).rows;

  it("lists the caller's working sessions, marks this one, and shows nobody else's", async () => {
    const user = await t.createUser('alliance_organizer');
    const [a, b] = await signedInThrice(user);
    await t.as(await t.createUser('alliance_organizer')); // someone else's session
    // An ended one and an expired one are not listed.
    await b.post('/api/auth/logout');
    const expired = await t.as(user);
    const expiredId = await currentId(expired);
    await t.sql.query(`UPDATE session SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expiredId,
    ]);

    const sessions = await mySessions(a);
    expect(sessions).toHaveLength(2);
    for (const s of sessions) {
      expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'lastSeenAt']);
      expect(new Date(s.expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(Number.isNaN(new Date(s.createdAt).getTime())).toBe(false);
    }
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const { rows } = await t.sql.query<{ id: string }>(
      `SELECT id FROM session WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY id`,
      [user.id],
    );
    expect(sessions.map((s) => s.id).sort()).toEqual(rows.map((r) => r.id));
    expect(sessions.map((s) => s.id)).not.toContain(expiredId);
  });

  it('ends one of my other sessions: that agent gets 401 at once, this one goes on', async () => {
    const user = await t.createUser('org_coordinator', await t.createOrganization());
    const [here, there, elsewhere] = await signedInThrice(user);
    const thereId = await currentId(there);

    const res = await here.delete(`/api/auth/sessions/${thereId}`);
    expect(res.status).toBe(204);
    expect(clearsCookie(res)).toBe(false);
    expect((await there.get('/api/auth/me')).status).toBe(401);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200);
    expect((await mySessions(here)).map((s) => s.id)).not.toContain(thereId);
    // Already ended: nothing to end.
    expect((await here.delete(`/api/auth/sessions/${thereId}`)).status).toBe(404);
    expect(await auditRows('auth.session_end', thereId)).toEqual([
      { actor_user_id: user.id, entity_type: 'session' },
    ]);
  });

  it('ends this very session too, and tells the browser to forget the cookie', async () => {
    const user = await t.createUser('alliance_organizer');
    const agent = await t.as(user);
    const res = await agent.delete(`/api/auth/sessions/${await currentId(agent)}`);
    expect(res.status).toBe(204);
    expect(clearsCookie(res)).toBe(true);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it("answers 404 for another user's session (and ends nothing), or one that does not exist", async () => {
    const user = await t.createUser('alliance_organizer');
    const victim = await t.createUser('alliance_organizer');
    const agent = await t.as(user);
    const victimAgent = await t.as(victim);
    const victimSession = await currentId(victimAgent);

    const res = await agent.delete(`/api/auth/sessions/${victimSession}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('error.notFound');
    expect((await victimAgent.get('/api/auth/me')).status).toBe(200);
    const { rows } = await t.sql.query('SELECT revoked_at FROM session WHERE id = $1', [victimSession]);
    expect(rows[0].revoked_at).toBeNull();
    // An admin is no different here: their own sessions only (users/:id/end-sessions is the admin's way).
    expect((await adminAgent.delete(`/api/auth/sessions/${victimSession}`)).status).toBe(404);
    expect((await agent.delete(`/api/auth/sessions/${randomUUID()}`)).status).toBe(404);
    expect((await agent.delete('/api/auth/sessions/not-an-id')).status).toBe(404);
    expect((await victimAgent.get('/api/auth/me')).status).toBe(200);
  });

  it('signs out everywhere: every session of mine ends, this one included; nobody else is touched', async () => {
    const user = await t.createUser('org_viewer', await t.createOrganization());
    const other = await t.createUser('org_viewer', user.organizationId);
    const [here, there, elsewhere] = await signedInThrice(user);
    const otherAgent = await t.as(other);

    const res = await here.post('/api/auth/logout-everywhere');
    expect(res.status).toBe(204);
    expect(clearsCookie(res)).toBe(true);
    for (const agent of [here, there, elsewhere]) expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await otherAgent.get('/api/auth/me')).status).toBe(200);
    const { rows } = await t.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM session WHERE user_id = $1 AND revoked_at IS NULL',
      [user.id],
    );
    expect(rows[0].n).toBe(0);
    expect(await auditRows('auth.logout_everywhere', user.id)).toEqual([
      { actor_user_id: user.id, entity_type: 'user' },
    ]);
    // Signing in again works.
    expect((await (await t.as(user)).get('/api/auth/me')).status).toBe(200);
  });

  it('lets an alliance admin end every session of any user at once (audited), and no one else', async () => {
    const orgId = await t.createOrganization();
    const user = await t.createUser('org_coordinator', orgId);
    const [a, b] = await signedInThrice(user);
    const bystander = await t.as(await t.createUser('org_coordinator', orgId));

    const res = await adminAgent.post(`/api/users/${user.id}/end-sessions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 3 });
    expect((await a.get('/api/auth/me')).status).toBe(401);
    expect((await b.get('/api/organizations')).status).toBe(401);
    expect((await bystander.get('/api/auth/me')).status).toBe(200);
    expect((await adminAgent.get('/api/auth/me')).status).toBe(200);
    expect(await auditRows('user.end_sessions', user.id)).toEqual([
      { actor_user_id: admin.id, entity_type: 'user' },
    ]);
    // The account itself is untouched: the user signs in again.
    expect((await (await t.as(user)).get('/api/auth/me')).status).toBe(200);
    expect((await adminAgent.post(`/api/users/${user.id}/end-sessions`)).body).toEqual({ ended: 1 });

    expect((await adminAgent.post(`/api/users/${randomUUID()}/end-sessions`)).status).toBe(404);
    for (const role of ['alliance_organizer', 'org_coordinator'] as const) {
      const caller = await t.as(await t.createUser(role, role === 'org_coordinator' ? orgId : null));
      const refused = await caller.post(`/api/users/${user.id}/end-sessions`);
      expect(refused.status).toBe(403);
    }
    expect((await mySessions(await t.as(user))).length).toBeGreaterThanOrEqual(1);
  });
  it('lets an alliance admin reset the two-factor sign-in of a user who lost their authenticator (not their own)', async () => {
    const admin = await t.createUser('alliance_admin');
    const user = await t.createUser('alliance_organizer');
    const agent = await t.as(user);
    const setup = await agent.post('/api/auth/totp/setup');
    await agent.post('/api/auth/totp/enable').send({ code: generateSync({ secret: setup.body.secret as string }) });
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).body.code).toBe('error.totpRequired');
    const adminAgent = await t.as(admin);
    expect((await adminAgent.post(`/api/users/${admin.id}/reset-totp`)).status).toBe(422);
    const reset = await adminAgent.post(`/api/users/${user.id}/reset-totp`);
    expect(reset.status).toBe(200);
    expect(reset.body.ended).toBeGreaterThanOrEqual(1);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.reset_totp' AND entity_id = $1`, [user.id]);
    expect(rows[0].n).toBe(1);
  });
});
