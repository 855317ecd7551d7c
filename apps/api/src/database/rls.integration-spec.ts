import { Client, Pool, type PoolClient } from 'pg';
import { startTestApp, type TestContext } from '../../test/harness';
import { APP_ROLE } from './data-source';
import { OWNER_ROLE } from './roles';

/**
 * The second lock on organization-private data: PostgreSQL itself. These run SQL as the role the
 * API connects as, so they hold whatever the services do or forget to do.
 */
describe('row-level security and database roles', () => {
  let t: TestContext;
  let app: Client;
  let orgA: string;
  let orgB: string;
  const people: Record<'aPrivate' | 'aPublic' | 'bPrivate', string> = {
    aPrivate: '',
    aPublic: '',
    bPrivate: '',
  };

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.createOrganization({ name: 'RLS Org A' });
    orgB = await t.createOrganization({ name: 'RLS Org B' });
    const insert = async (org: string, name: string, visibility: string) =>
      (
        await t.sql.query<{ id: string }>(
          `INSERT INTO person (organization_id, display_name, visibility) VALUES ($1, $2, $3) RETURNING id`,
          [org, name, visibility],
        )
      ).rows[0].id;
    people.aPrivate = await insert(orgA, 'A private member', 'organization');
    people.aPublic = await insert(orgA, 'A public contact', 'coalition');
    people.bPrivate = await insert(orgB, 'B private member', 'organization');
    app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  /** Runs work in a transaction with the given organization context, as the API's tenant transaction does. */
  async function asOrg<T>(
    client: Client | PoolClient,
    orgId: string | null,
    work: () => Promise<T>,
  ): Promise<T> {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', $2, true)`, [
        orgId ?? '',
        orgId ? 'org_viewer' : '',
      ]);
      return await work();
    } finally {
      await client.query('ROLLBACK');
    }
  }

  const visiblePeople = async (client: Client | PoolClient): Promise<string[]> =>
    (
      await client.query<{ id: string }>(
        'SELECT id FROM person WHERE organization_id = ANY($1) ORDER BY display_name',
        [[orgA, orgB]],
      )
    ).rows.map((r) => r.id);

  describe('the role the API connects as', () => {
    it('is not a superuser, cannot bypass RLS, and cannot become the owner', async () => {
      const { rows } = await t.sql.query(
        `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, pg_has_role($1, $2, 'MEMBER') AS owner_member
           FROM pg_roles WHERE rolname = $1`,
        [APP_ROLE, OWNER_ROLE],
      );
      expect(rows).toEqual([
        {
          rolsuper: false,
          rolbypassrls: false,
          rolcreaterole: false,
          rolcreatedb: false,
          owner_member: false,
        },
      ]);
      const me = await app.query('SELECT current_user AS who');
      expect(me.rows[0].who).toBe(APP_ROLE);
    });

    it('owns no table; the owner role owns them all', async () => {
      const { rows } = await t.sql.query<{ tableowner: string; n: number }>(
        `SELECT tableowner, count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' GROUP BY tableowner`,
      );
      expect(rows).toEqual([{ tableowner: OWNER_ROLE, n: expect.any(Number) }]);
      expect(rows[0].n).toBeGreaterThanOrEqual(7);
      const owned = await t.sql.query(
        `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
        [APP_ROLE],
      );
      expect(owned.rows).toEqual([]);
    });

    it('cannot change the schema or the migrations table', async () => {
      await expect(app.query('ALTER TABLE person DISABLE ROW LEVEL SECURITY')).rejects.toThrow(
        /must be owner/,
      );
      await expect(app.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
      await expect(app.query('SELECT * FROM typeorm_migration')).rejects.toThrow(/permission denied/);
    });
  });

  it('has row-level security enabled and forced on person', async () => {
    const { rows } = await t.sql.query(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'public.person'::regclass`,
    );
    expect(rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  describe('without an organization context', () => {
    it('sees only coalition-visible people', async () => {
      expect(await visiblePeople(app)).toEqual([people.aPublic]);
      expect(await asOrg(app, null, () => visiblePeople(app))).toEqual([people.aPublic]);
    });

    it('cannot add a person', async () => {
      await expect(
        app.query(`INSERT INTO person (organization_id, display_name) VALUES ($1, 'Slipped In')`, [orgA]),
      ).rejects.toThrow(/row-level security/);
      const { rows } = await t.sql.query(
        `SELECT count(*)::int AS n FROM person WHERE display_name = 'Slipped In'`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('cannot change or delete anyone, not even a public contact', async () => {
      expect(
        (
          await app.query(`UPDATE person SET display_name = 'Changed' WHERE id = ANY($1)`, [
            Object.values(people),
          ])
        ).rowCount,
      ).toBe(0);
      expect(
        (await app.query('DELETE FROM person WHERE id = ANY($1)', [Object.values(people)])).rowCount,
      ).toBe(0);
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM person WHERE id = ANY($1) AND display_name <> 'Changed'`,
        [Object.values(people)],
      );
      expect(rows[0].n).toBe(3);
    });

    it('holds for the owner role too (RLS is forced)', async () => {
      const owner = new Client({ connectionString: t.db.ownerUrl });
      await owner.connect();
      try {
        expect(await visiblePeople(owner)).toEqual([people.aPublic]);
      } finally {
        await owner.end();
      }
    });
  });

  describe("with another organization's context", () => {
    it("sees its own people and public contacts, never another organization's private ones", async () => {
      const seenByB = await asOrg(app, orgB, () => visiblePeople(app));
      expect(seenByB).toEqual([people.aPublic, people.bPrivate]);
      expect(seenByB).not.toContain(people.aPrivate);
      // The control: organization A does see its own private member.
      expect(await asOrg(app, orgA, () => visiblePeople(app))).toEqual([people.aPrivate, people.aPublic]);
    });

    it('cannot change, delete or add people in another organization', async () => {
      await asOrg(app, orgB, async () => {
        expect(
          (await app.query(`UPDATE person SET display_name = 'Changed' WHERE id = $1`, [people.aPublic]))
            .rowCount,
        ).toBe(0);
        expect((await app.query('DELETE FROM person WHERE id = $1', [people.aPrivate])).rowCount).toBe(0);
        // Moving one of its own people into organization A is refused too.
        await expect(
          app.query('UPDATE person SET organization_id = $1 WHERE id = $2', [orgA, people.bPrivate]),
        ).rejects.toThrow(/row-level security/);
      });
      await asOrg(app, orgB, async () => {
        await expect(
          app.query(`INSERT INTO person (organization_id, display_name) VALUES ($1, 'Planted')`, [orgA]),
        ).rejects.toThrow(/row-level security/);
      });
      const { rows } = await t.sql.query(
        'SELECT id, organization_id, display_name FROM person WHERE id = ANY($1) ORDER BY display_name',
        [Object.values(people)],
      );
      expect(rows).toEqual([
        { id: people.aPrivate, organization_id: orgA, display_name: 'A private member' },
        { id: people.aPublic, organization_id: orgA, display_name: 'A public contact' },
        { id: people.bPrivate, organization_id: orgB, display_name: 'B private member' },
      ]);
    });
  });

  it('does not carry a transaction-local context over to the next use of a pooled connection', async () => {
    const pool = new Pool({ connectionString: t.db.appUrl, max: 1 });
    try {
      for (const end of ['COMMIT', 'ROLLBACK']) {
        const first = await pool.connect();
        const pid = (await first.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        await first.query('BEGIN');
        await first.query(`SELECT set_config('app.org_id', $1, true)`, [orgA]);
        expect(await visiblePeople(first)).toEqual([people.aPrivate, people.aPublic]);
        await first.query(end);
        first.release();

        const next = await pool.connect();
        try {
          expect((await next.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid).toBe(pid);
          const setting = (
            await next.query<{ org: string | null }>(`SELECT current_setting('app.org_id', true) AS org`)
          ).rows[0].org;
          expect(setting ?? '').toBe('');
          expect(await visiblePeople(next)).toEqual([people.aPublic]);
        } finally {
          next.release();
        }
      }
    } finally {
      await pool.end();
    }
  });
  describe("an applicant's public contact", () => {
    let applicant: string;
    let contact: string;
    beforeAll(async () => {
      applicant = await t.createOrganization({ name: 'RLS Applicant', membershipStatus: 'applicant' });
      contact = (
        await t.sql.query<{ id: string }>(
          `INSERT INTO person (organization_id, display_name, visibility) VALUES ($1, 'Applicant contact', 'coalition') RETURNING id`,
          [applicant],
        )
      ).rows[0].id;
    });

    const seesContact = async (orgId: string | null, role: string): Promise<boolean> => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', $2, true)`, [orgId ?? '', role]);
        const { rowCount } = await app.query('SELECT 1 FROM person WHERE id = $1', [contact]);
        return rowCount === 1;
      } finally {
        await app.query('ROLLBACK');
      }
    };

    it('is seen by the alliance reviewers and the applicant itself, by nobody else until approval', async () => {
      expect(await seesContact(null, 'alliance_admin')).toBe(true);
      expect(await seesContact(null, 'alliance_organizer')).toBe(true);
      expect(await seesContact(applicant, 'org_coordinator')).toBe(true);
      expect(await seesContact(orgA, 'org_coordinator')).toBe(false);
      expect(await seesContact(null, '')).toBe(false);
      await t.sql.query(`UPDATE organization SET membership_status = 'active' WHERE id = $1`, [applicant]);
      expect(await seesContact(orgA, 'org_coordinator')).toBe(true);
      await t.sql.query(`UPDATE organization SET membership_status = 'applicant' WHERE id = $1`, [applicant]);
    });
  });
});
