import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { UserRole } from '@unidos/contracts';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

interface AuditRow {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_user_id: string | null;
  actor_org_id: string | null;
  changed_fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

const application = (name: string, contact: { displayName: string; email: string; phone: string }) => ({
  name,
  kind: 'community',
  city: 'Phoenix',
  state: 'AZ',
  focusAreas: ['asylum'],
  languages: ['es'],
  contact: { ...contact, preferredLanguage: 'es' },
});

describe('audit trail', () => {
  let t: TestContext;
  let admin: TestUser;
  let adminAgent: TestAgent;
  /** Personal values used in this file: none may ever appear in an audit row's before/after. */
  const personal: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createUser('alliance_admin');
    adminAgent = await t.as(admin);
    personal.push(admin.email, admin.password);
  });
  afterAll(() => t.close());

  /** The audit rows written while answering one request (found by its X-Request-Id). */
  async function auditOf(res: Response): Promise<AuditRow[]> {
    const requestId = res.get('X-Request-Id');
    if (!requestId) throw new Error('the answer has no X-Request-Id');
    const { rows } = await t.sql.query<AuditRow>(
      'SELECT * FROM audit_event WHERE request_id = $1 ORDER BY action',
      [requestId],
    );
    return rows;
  }

  async function onlyAuditOf(res: Response): Promise<AuditRow> {
    const rows = await auditOf(res);
    expect(rows.map((r) => r.action)).toHaveLength(1);
    return rows[0];
  }

  const auditCount = async (): Promise<number> =>
    (await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')).rows[0].n;

  function expectNothingPersonal(row: AuditRow): void {
    const text = JSON.stringify({ before: row.before, after: row.after });
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/password/i);
    for (const value of personal) expect(text).not.toContain(value);
  }

  describe('every write leaves exactly one row, written with the change', () => {
    it('organization create and update', async () => {
      const created = await adminAgent
        .post('/api/organizations')
        .send({ name: 'Audited Org', kind: 'faith', city: 'Mesa', state: 'AZ' });
      expect(created.status).toBe(201);
      const createRow = await onlyAuditOf(created);
      expect(createRow).toMatchObject({
        action: 'organization.create',
        entity_type: 'organization',
        entity_id: created.body.id,
        actor_user_id: admin.id,
        actor_org_id: null,
        before: null,
      });
      expect(createRow.changed_fields).toEqual(
        expect.arrayContaining(['name', 'kind', 'city', 'state', 'membershipStatus']),
      );
      expect(createRow.after).toMatchObject({
        name: 'Audited Org',
        kind: 'faith',
        membershipStatus: 'active',
      });

      const updated = await adminAgent
        .put(`/api/organizations/${created.body.id}`)
        .send({ version: 1, city: 'Tempe' });
      expect(updated.status).toBe(200);
      const updateRow = await onlyAuditOf(updated);
      expect(updateRow).toMatchObject({
        action: 'organization.update',
        entity_id: created.body.id,
        actor_user_id: admin.id,
        changed_fields: ['city'],
        before: { city: 'Mesa' },
        after: { city: 'Tempe' },
      });

      // An edit that changes nothing writes nothing.
      const same = await adminAgent
        .put(`/api/organizations/${created.body.id}`)
        .send({ version: 2, city: 'Tempe' });
      expect(same.status).toBe(200);
      expect(await auditOf(same)).toEqual([]);
    });

    it("a coordinator's edit names the coordinator and their organization", async () => {
      const orgId = await t.createOrganization();
      const coordinator = await t.createUser('org_coordinator', orgId);
      const res = await (
        await t.as(coordinator)
      )
        .put(`/api/organizations/${orgId}`)
        .send({ version: 1, website: 'https://own.example.org' });
      expect(res.status).toBe(200);
      expect(await onlyAuditOf(res)).toMatchObject({
        action: 'organization.update',
        entity_id: orgId,
        actor_user_id: coordinator.id,
        actor_org_id: orgId,
        changed_fields: ['website'],
      });
    });

    it('application, approval and rejection keep the contact person out of the trail', async () => {
      const maria = {
        displayName: 'María Audit-Contact',
        email: 'maria.audit@example.org',
        phone: '+1 602 555 0147',
      };
      const jose = {
        displayName: 'José Audit-Contact',
        email: 'jose.audit@example.org',
        phone: '+1 602 555 0199',
      };
      personal.push(...Object.values(maria), ...Object.values(jose));

      const applied = await t
        .http()
        .post('/api/public/applications')
        .send(application('Audited Applicant One', maria));
      expect(applied.status).toBe(201);
      const applyRows = await auditOf(applied);
      expect(applyRows.map((r) => [r.action, r.entity_type, r.actor_user_id])).toEqual([
        ['organization.apply', 'organization', null],
        ['person.create', 'person', null],
      ]);
      expect(applyRows[0].entity_id).toBe(applied.body.id);
      expect(applyRows[1].before).toBeNull();
      expect(applyRows[1].after).toBeNull();
      applyRows.forEach(expectNothingPersonal);

      const approved = await adminAgent
        .post(`/api/applications/${applied.body.id}/approve`)
        .send({ version: 1 });
      expect(approved.status).toBe(200);
      const approveRow = await onlyAuditOf(approved);
      expect(approveRow).toMatchObject({
        action: 'organization.approve',
        entity_type: 'organization',
        entity_id: applied.body.id,
        actor_user_id: admin.id,
        changed_fields: ['membershipStatus', 'approvedAt', 'approvedBy', 'decidedAt'],
        before: { membershipStatus: 'applicant', approvedAt: null, approvedBy: null },
        after: { membershipStatus: 'active', approvedBy: admin.id },
      });
      expectNothingPersonal(approveRow);

      const second = await t
        .http()
        .post('/api/public/applications')
        .send(application('Audited Applicant Two', jose));
      const reason = 'Rejected because José Audit-Contact asked us to';
      const rejected = await adminAgent
        .post(`/api/applications/${second.body.id}/reject`)
        .send({ version: 1, reason });
      expect(rejected.status).toBe(200);
      const rejectRow = await onlyAuditOf(rejected);
      expect(rejectRow).toMatchObject({
        action: 'organization.reject',
        entity_id: second.body.id,
        actor_user_id: admin.id,
        changed_fields: ['membershipStatus', 'decidedAt', 'decisionReason'],
        before: { membershipStatus: 'applicant' },
        after: { membershipStatus: 'rejected' },
      });
      // The free-text reason can name people: only the fact that it changed is kept.
      expect(JSON.stringify(rejectRow)).not.toContain(reason);
      expectNothingPersonal(rejectRow);
    });

    it('region create, update and delete', async () => {
      const created = await adminAgent.post('/api/regions').send({ name: 'Audited Region', states: ['NV'] });
      expect(created.status).toBe(201);
      expect(await onlyAuditOf(created)).toMatchObject({
        action: 'region.create',
        entity_type: 'region',
        entity_id: created.body.id,
        actor_user_id: admin.id,
        changed_fields: ['name', 'states'],
        before: null,
        after: { name: 'Audited Region', states: ['NV'] },
      });
      const updated = await adminAgent
        .put(`/api/regions/${created.body.id}`)
        .send({ version: 1, states: ['NV', 'UT'] });
      expect(updated.status).toBe(200);
      expect(await onlyAuditOf(updated)).toMatchObject({
        action: 'region.update',
        entity_id: created.body.id,
        changed_fields: ['states'],
        before: { states: ['NV'] },
        after: { states: ['NV', 'UT'] },
      });
      const deleted = await adminAgent.delete(`/api/regions/${created.body.id}`);
      expect(deleted.status).toBe(200);
      expect(await onlyAuditOf(deleted)).toMatchObject({
        action: 'region.delete',
        entity_id: created.body.id,
        actor_user_id: admin.id,
        before: { name: 'Audited Region', states: ['NV', 'UT'] },
        after: null,
      });
    });

    it('user create, update and disable record field names, never the email, name or password', async () => {
      const orgId = await t.createOrganization();
      const email = `audited.${randomUUID().slice(0, 8)}@test.unidos.local`;
      const newEmail = `renamed.${randomUUID().slice(0, 8)}@test.unidos.local`;
      const password = 'audited user passphrase';
      personal.push(email, newEmail, 'Audited Person Name', 'Renamed Person Name', password);

      const created = await adminAgent
        .post('/api/users')
        .send({
          email,
          displayName: 'Audited Person Name',
          role: 'org_viewer',
          organizationId: orgId,
          password,
        });
      expect(created.status).toBe(201);
      const createRow = await onlyAuditOf(created);
      expect(createRow).toMatchObject({
        action: 'user.create',
        entity_type: 'user',
        entity_id: created.body.id,
        actor_user_id: admin.id,
        before: null,
        after: { role: 'org_viewer', organizationId: orgId, status: 'active', preferredLanguage: 'en' },
      });
      expect(createRow.changed_fields).toEqual(
        expect.arrayContaining(['email', 'displayName', 'role', 'organizationId']),
      );
      expectNothingPersonal(createRow);

      const updated = await adminAgent
        .put(`/api/users/${created.body.id}`)
        .send({ version: 1, email: newEmail, displayName: 'Renamed Person Name', role: 'org_coordinator' });
      expect(updated.status).toBe(200);
      const updateRow = await onlyAuditOf(updated);
      expect(updateRow).toMatchObject({
        action: 'user.update',
        entity_id: created.body.id,
        changed_fields: ['email', 'displayName', 'role'],
        before: { role: 'org_viewer' },
        after: { role: 'org_coordinator' },
      });
      expectNothingPersonal(updateRow);

      const disabled = await adminAgent
        .put(`/api/users/${created.body.id}`)
        .send({ version: 2, status: 'disabled' });
      expect(disabled.status).toBe(200);
      const disableRow = await onlyAuditOf(disabled);
      expect(disableRow).toMatchObject({
        action: 'user.disable',
        changed_fields: ['status'],
        before: { status: 'active' },
        after: { status: 'disabled' },
      });
      expectNothingPersonal(disableRow);
    });

    it('login, self-service profile change, password change and logout', async () => {
      const user = await t.createUser('alliance_organizer');
      personal.push(user.email, 'Self Chosen Name');
      const agent = t.http();
      const login = await agent.post('/api/auth/login').send({ email: user.email, password: user.password });
      expect(login.status).toBe(200);
      const loginRow = await onlyAuditOf(login);
      const { rows: sessions } = await t.sql.query<{ id: string }>(
        'SELECT id FROM session WHERE user_id = $1',
        [user.id],
      );
      expect(sessions).toHaveLength(1);
      expect(loginRow).toMatchObject({
        action: 'auth.login',
        entity_type: 'session',
        entity_id: sessions[0].id,
        actor_user_id: user.id,
        changed_fields: [],
        before: null,
        after: null,
      });

      const renamed = await agent.put('/api/auth/me').send({ displayName: 'Self Chosen Name' });
      expect(renamed.status).toBe(200);
      const renameRow = await onlyAuditOf(renamed);
      expect(renameRow).toMatchObject({
        action: 'user.update_self',
        entity_id: user.id,
        actor_user_id: user.id,
        changed_fields: ['displayName'],
      });
      expectNothingPersonal(renameRow);

      const newPassword = 'an audited new passphrase';
      personal.push(newPassword);
      const changed = await agent
        .post('/api/auth/password')
        .send({ currentPassword: user.password, newPassword });
      expect(changed.status).toBe(204);
      const passwordRow = await onlyAuditOf(changed);
      expect(passwordRow).toMatchObject({
        action: 'user.password_change',
        entity_type: 'user',
        entity_id: user.id,
        actor_user_id: user.id,
        changed_fields: ['passwordHash'],
        before: null,
        after: null,
      });
      const { rows } = await t.sql.query<{ password_hash: string }>(
        'SELECT password_hash FROM "user" WHERE id = $1',
        [user.id],
      );
      expect(JSON.stringify(passwordRow)).not.toContain(rows[0].password_hash);

      const logout = await agent.post('/api/auth/logout');
      expect(logout.status).toBe(204);
      expect(await onlyAuditOf(logout)).toMatchObject({
        action: 'auth.logout',
        entity_type: 'session',
        entity_id: sessions[0].id,
        actor_user_id: user.id,
      });
    });

    it('no row anywhere in the trail carries an email, phone, name or password', async () => {
      const { rows } = await t.sql.query<AuditRow>('SELECT * FROM audit_event');
      expect(rows.length).toBeGreaterThan(15);
      const { rows: users } = await t.sql.query<{
        email: string;
        display_name: string;
        password_hash: string;
      }>('SELECT email, display_name, password_hash FROM "user"');
      for (const u of users) personal.push(u.email, u.password_hash);
      rows.forEach(expectNothingPersonal);
    });
  });

  describe('a write that fails leaves no row and no change', () => {
    it('a stale version (409)', async () => {
      const orgId = await t.createOrganization();
      expect(
        (await adminAgent.put(`/api/organizations/${orgId}`).send({ version: 1, city: 'First' })).status,
      ).toBe(200);
      const before = await auditCount();
      const stale = await adminAgent.put(`/api/organizations/${orgId}`).send({ version: 1, city: 'Second' });
      expect(stale.status).toBe(409);
      expect(await auditOf(stale)).toEqual([]);
      expect(await auditCount()).toBe(before);
      const { rows } = await t.sql.query('SELECT city, version FROM organization WHERE id = $1', [orgId]);
      expect(rows[0]).toEqual({ city: 'First', version: 2 });
    });

    it('a refusal from the service after the row was locked (422 invalid transition, 409 region in use, 422 self-disable)', async () => {
      const orgId = await t.createOrganization({ membershipStatus: 'suspended' });
      const before = await auditCount();
      const transition = await adminAgent
        .put(`/api/organizations/${orgId}`)
        .send({ version: 1, membershipStatus: 'rejected', city: 'Changed Too' });
      expect(transition.status).toBe(422);
      expect(await auditOf(transition)).toEqual([]);
      const { rows } = await t.sql.query(
        'SELECT membership_status, city, version FROM organization WHERE id = $1',
        [orgId],
      );
      expect(rows[0]).toEqual({ membership_status: 'suspended', city: 'Chicago', version: 1 });

      const { body: region } = await adminAgent
        .post('/api/regions')
        .send({ name: 'In Use Region', states: ['OH'] });
      await t.sql.query('UPDATE organization SET region_id = $1 WHERE id = $2', [region.id, orgId]);
      const afterCreate = await auditCount();
      const inUse = await adminAgent.delete(`/api/regions/${region.id}`);
      expect(inUse.status).toBe(409);
      expect(await auditOf(inUse)).toEqual([]);
      expect(await auditCount()).toBe(afterCreate);

      const self = await adminAgent.put(`/api/users/${admin.id}`).send({ version: 1, status: 'disabled' });
      expect(self.status).toBe(422);
      expect(await auditOf(self)).toEqual([]);
      expect(await auditCount()).toBe(afterCreate);
      expect(afterCreate).toBe(before + 1);
    });

    it('when the audit row cannot be written, the change is rolled back with it (500)', async () => {
      const { body: region } = await adminAgent
        .post('/api/regions')
        .send({ name: 'Rollback Region', states: ['KS'] });
      const email = `rollback.${randomUUID().slice(0, 8)}@test.unidos.local`;
      await t.sql.query(
        `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`,
      );
      await t.sql.query(
        `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW
         WHEN (NEW.action IN ('region.update', 'user.create', 'organization.approve')) EXECUTE FUNCTION refuse_audit()`,
      );
      try {
        const renamed = await adminAgent
          .put(`/api/regions/${region.id}`)
          .send({ version: 1, name: 'Renamed Without Audit' });
        expect(renamed.status).toBe(500);
        expect(
          (await t.sql.query('SELECT name, version FROM region WHERE id = $1', [region.id])).rows[0],
        ).toEqual({ name: 'Rollback Region', version: 1 });

        const user = await adminAgent
          .post('/api/users')
          .send({
            email,
            displayName: 'Never Stored',
            role: 'alliance_organizer',
            password: 'long enough password',
          });
        expect(user.status).toBe(500);
        expect((await t.sql.query('SELECT 1 FROM "user" WHERE email = $1', [email])).rowCount).toBe(0);

        const applicant = await t.createOrganization({ membershipStatus: 'applicant' });
        const approved = await adminAgent.post(`/api/applications/${applicant}/approve`).send({ version: 1 });
        expect(approved.status).toBe(500);
        const { rows } = await t.sql.query(
          'SELECT membership_status, approved_at, approved_by, version FROM organization WHERE id = $1',
          [applicant],
        );
        expect(rows[0]).toEqual({
          membership_status: 'applicant',
          approved_at: null,
          approved_by: null,
          version: 1,
        });
      } finally {
        await t.sql.query('DROP TRIGGER refuse_audit ON audit_event');
        await t.sql.query('DROP FUNCTION refuse_audit()');
      }
    });
  });

  describe('append-only', () => {
    let target: AuditRow;
    beforeAll(async () => {
      target = (await t.sql.query<AuditRow>('SELECT * FROM audit_event ORDER BY at LIMIT 1')).rows[0];
    });

    async function attempt(url: string, sql: string): Promise<string> {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql, sql.includes('$1') ? [target.id] : []);
        return 'succeeded';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await client.end();
      }
    }

    it.each<[string, string, 'ownerUrl' | 'appUrl', RegExp]>([
      ['the owner', `UPDATE audit_event SET action = 'forged' WHERE id = $1`, 'ownerUrl', /append-only/],
      ['the owner', 'DELETE FROM audit_event WHERE id = $1', 'ownerUrl', /append-only/],
      ['the owner', 'TRUNCATE audit_event', 'ownerUrl', /append-only/],
      ['the app', `UPDATE audit_event SET action = 'forged' WHERE id = $1`, 'appUrl', /permission denied/],
      ['the app', 'DELETE FROM audit_event WHERE id = $1', 'appUrl', /permission denied/],
      ['the app', 'TRUNCATE audit_event', 'appUrl', /permission denied/],
    ])('%s cannot run: %s', async (_who, sql, role, refusal) => {
      const count = await auditCount();
      expect(await attempt(t.db[role], sql)).toMatch(refusal);
      expect(await auditCount()).toBe(count);
      const { rows } = await t.sql.query<AuditRow>('SELECT * FROM audit_event WHERE id = $1', [target.id]);
      expect(rows[0]).toEqual(target);
    });
  });

  describe('GET /api/audit-events', () => {
    let regionId: string;
    let startedAt: string;

    beforeAll(async () => {
      startedAt = new Date(Date.now() - 1000).toISOString();
      const { body } = await adminAgent
        .post('/api/regions')
        .send({ name: 'Listed Audit Region', states: ['MT'] });
      regionId = body.id;
      expect(
        (await adminAgent.put(`/api/regions/${regionId}`).send({ version: 1, states: ['MT', 'WY'] })).status,
      ).toBe(200);
      expect(
        (await adminAgent.put(`/api/regions/${regionId}`).send({ version: 2, name: 'Listed Audit Region 2' }))
          .status,
      ).toBe(200);
    });

    it('lists and filters the trail for alliance admins, with Content-Range', async () => {
      const byEntity = await adminAgent
        .get('/api/audit-events')
        .query({
          filter: JSON.stringify({ entityType: 'region', entityId: regionId }),
          sort: '["at","ASC"]',
          range: '[0,9]',
        });
      expect(byEntity.status).toBe(200);
      expect(byEntity.get('Content-Range')).toBe('audit-events 0-2/3');
      expect(byEntity.body.map((e: { action: string }) => e.action)).toEqual([
        'region.create',
        'region.update',
        'region.update',
      ]);
      expect(byEntity.body[1]).toMatchObject({
        entityType: 'region',
        entityId: regionId,
        actorUserId: admin.id,
        changedFields: ['states'],
      });

      const byAction = await adminAgent
        .get('/api/audit-events')
        .query({ filter: JSON.stringify({ action: 'region.update', entityId: regionId }) });
      expect(byAction.get('Content-Range')).toBe('audit-events 0-1/2');
      expect(byAction.body.every((e: { action: string }) => e.action === 'region.update')).toBe(true);

      const page = await adminAgent
        .get('/api/audit-events')
        .query({ filter: JSON.stringify({ entityId: regionId }), range: '[1,1]' });
      expect(page.body).toHaveLength(1);
      expect(page.get('Content-Range')).toBe('audit-events 1-1/3');

      const inWindow = await adminAgent
        .get('/api/audit-events')
        .query({
          filter: JSON.stringify({
            entityId: regionId,
            from: startedAt,
            to: new Date(Date.now() + 60_000).toISOString(),
          }),
        });
      expect(inWindow.get('Content-Range')).toBe('audit-events 0-2/3');
      const future = await adminAgent
        .get('/api/audit-events')
        .query({
          filter: JSON.stringify({ entityId: regionId, from: new Date(Date.now() + 60_000).toISOString() }),
        });
      expect(future.body).toEqual([]);
      expect(future.get('Content-Range')).toBe('audit-events 0-0/0');
      const past = await adminAgent
        .get('/api/audit-events')
        .query({ filter: JSON.stringify({ entityId: regionId, to: startedAt }) });
      expect(past.body).toEqual([]);

      const one = await adminAgent.get(`/api/audit-events/${byEntity.body[0].id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(byEntity.body[0]);
      expect((await adminAgent.get(`/api/audit-events/${randomUUID()}`)).status).toBe(404);

      expect((await adminAgent.get('/api/audit-events').query({ filter: '{"before":"x"}' })).status).toBe(
        422,
      );
      expect(
        (await adminAgent.get('/api/audit-events').query({ filter: '{"from":"not a date"}' })).status,
      ).toBe(422);
    });

    it.each<UserRole>(['alliance_organizer', 'org_coordinator', 'org_viewer'])(
      'answers 403 to a %s',
      async (role) => {
        const agent = await t.as(
          await t.createUser(role, role.startsWith('org_') ? await t.createOrganization() : null),
        );
        expect((await agent.get('/api/audit-events')).status).toBe(403);
        const { rows } = await t.sql.query<{ id: string }>('SELECT id FROM audit_event LIMIT 1');
        expect((await agent.get(`/api/audit-events/${rows[0].id}`)).status).toBe(403);
      },
    );
  });
});
