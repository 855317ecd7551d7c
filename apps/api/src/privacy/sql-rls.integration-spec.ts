import { Client } from 'pg';
import { startTestApp, type TestContext } from '../../test/harness';

/**
 * The same questions as the cross-organization matrix, asked of PostgreSQL directly as the role
 * the API connects as: whatever a service forgets, row-level security must still refuse.
 */

/**
 * Tables that carry an organization's id but deliberately have no row-level security, each with
 * the reason. Every other such table must have RLS enabled and forced: a new org-private table
 * created without it fails the last test of this file. The list must stay exact (a table that
 * disappears must leave it too), so nobody exempts a table by accident.
 */
const WITHOUT_RLS: Record<string, string> = {
  user: 'Sign-in accounts of organization staff, not people an organization keeps: the API shows them to alliance admins only (@Roles), and login must find an account by email before any organization context exists.',
  person_count:
    'Aggregate counts by role and language, coalition-visible by design ("count people, don\'t copy them"); the app role may only read it, the person trigger writes it.',
  audit_event:
    'actor_org_id records who acted; rows hold ids and non-personal fields only, alliance admins read them, and the app role cannot update or delete them.',
  campaign: 'lead_organization_id: campaigns are coalition-visible.',
  endorsement: 'Which organization endorses which campaign: coalition-visible.',
  pledge:
    'Pledges and their fulfilment are coalition-visible (campaign progress by organization and region).',
  event: 'lead_organization_id: joint events and their hosts are coalition-visible.',
  event_host:
    'Which organizations co-host an event, their turnout goals and the RSVP counts (numbers, no people): coalition-visible; the rsvp trigger keeps the counts.',
  campaign_org_progress:
    'Sums of coalition-visible pledges per campaign, organization and metric (no people): what the progress page shows; the app role may only read it, the pledge trigger writes it.',
  pledge_offer:
    'Offers sent by the public to the alliance, read by alliance roles only (@Roles); organization_id is the member organization an accepted offer was given to. Holds a contact (name; email and phone encrypted) — see the data inventory.',
};

/** Columns that name an organization the row belongs to. */
const ORG_COLUMN = /(^|_)(organization|org)_id$/;

describe('row-level security, asked as raw SQL through the app role', () => {
  let t: TestContext;
  let app: Client;
  let orgA: string;
  let orgB: string;
  let applicant: string;
  const aPrivate: string[] = [];
  let aPublic: string;
  let bPrivate: string;
  let applicantContact: string;

  const insert = async (org: string, name: string, visibility: string): Promise<string> =>
    (
      await t.sql.query<{ id: string }>(
        `INSERT INTO person (organization_id, display_name, visibility, note, email_hash, phone_hash)
         VALUES ($1, $2, $3, $4, sha256(convert_to($2::text, 'UTF8')), sha256(convert_to($4::text, 'UTF8'))) RETURNING id`,
        [org, name, visibility, `${name} NOTE`],
      )
    ).rows[0].id;

  /** The whole of organization A's rows, as the superuser sees them. */
  const snapshotA = async () =>
    (
      await t.sql.query<{ row: string }>(
        'SELECT row_to_json(p)::text AS row FROM person p WHERE organization_id = $1 ORDER BY id',
        [orgA],
      )
    ).rows.map((r) => r.row);

  interface Context {
    label: string;
    orgId: string | null;
    role: string | null;
  }

  /** Runs work in a transaction with a context set as the API sets it (or none), then rolls back. */
  async function inContext<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      if (ctx.orgId !== null || ctx.role !== null) {
        await app.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', $2, true)`, [
          ctx.orgId ?? '',
          ctx.role ?? '',
        ]);
      }
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  /** The outcome of a statement that may fail: its rows, or the error's message. */
  async function attempt(
    sql: string,
    params: unknown[] = [],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount: number; error: string | null }> {
    await app.query('SAVEPOINT attempt');
    try {
      const res = await app.query(sql, params);
      await app.query('RELEASE SAVEPOINT attempt');
      return { rows: res.rows as Record<string, unknown>[], rowCount: res.rowCount ?? 0, error: null };
    } catch (e) {
      await app.query('ROLLBACK TO SAVEPOINT attempt');
      return { rows: [], rowCount: 0, error: (e as Error).message };
    }
  }

  let contexts: Context[];

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.createOrganization({ name: 'SQL Org A' });
    orgB = await t.createOrganization({ name: 'SQL Org B' });
    applicant = await t.createOrganization({ name: 'SQL Applicant', membershipStatus: 'applicant' });
    for (let n = 1; n <= 3; n++) aPrivate.push(await insert(orgA, `SQL-SECRET-A-${n}`, 'organization'));
    aPublic = await insert(orgA, 'SQL-PUBLIC-A', 'coalition');
    bPrivate = await insert(orgB, 'SQL-SECRET-B-1', 'organization');
    applicantContact = await insert(applicant, 'SQL-APPLICANT-CONTACT', 'coalition');
    // Statistics on person exist, as they would in production (pg_stats could show values).
    await t.sql.query('ANALYZE person');
    app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
    contexts = [
      { label: "organization B's coordinator", orgId: orgB, role: 'org_coordinator' },
      { label: "organization B's viewer", orgId: orgB, role: 'org_viewer' },
      { label: 'organization B claiming an alliance role', orgId: orgB, role: 'alliance_admin' },
      { label: 'alliance_admin', orgId: null, role: 'alliance_admin' },
      { label: 'alliance_organizer', orgId: null, role: 'alliance_organizer' },
      { label: 'an empty context', orgId: '', role: '' },
      { label: 'no context at all', orgId: null, role: null },
    ];
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  /** Every way of asking for rows we could think of; each must return none of A's private people. */
  const reads = (): [string, string, unknown[]][] => [
    ['by organization', 'SELECT * FROM person WHERE organization_id = $1', [orgA]],
    ['by ids', 'SELECT * FROM person WHERE id = ANY($1)', [aPrivate]],
    ['everything', 'SELECT * FROM person', []],
    ['TABLE', 'TABLE person', []],
    ['ONLY', 'SELECT * FROM ONLY person', []],
    ['by name', `SELECT * FROM person WHERE display_name ILIKE '%sql-secret-a%'`, []],
    [
      'by hash',
      "SELECT * FROM person WHERE email_hash = sha256(convert_to($1::text, 'UTF8'))",
      ['SQL-SECRET-A-1'],
    ],
    [
      'a join from organization',
      'SELECT p.* FROM organization o JOIN person p ON p.organization_id = o.id WHERE o.id = $1',
      [orgA],
    ],
    ['a CTE', `WITH x AS (SELECT * FROM person) SELECT * FROM x WHERE x.organization_id = $1`, [orgA]],
    [
      'a union',
      'SELECT * FROM person WHERE organization_id = $1 UNION ALL SELECT * FROM person WHERE id = ANY($2)',
      [orgA, aPrivate],
    ],
    ['a subquery', 'SELECT (SELECT display_name FROM person WHERE id = $1) AS display_name', [aPrivate[0]]],
    [
      'an aggregate',
      `SELECT string_agg(display_name || ' ' || coalesce(note, ''), ',') AS names, count(*) FILTER (WHERE organization_id = $1 AND visibility = 'organization') AS hidden FROM person`,
      [orgA],
    ],
    ['EXISTS', 'SELECT EXISTS (SELECT 1 FROM person WHERE id = $1) AS present', [aPrivate[0]]],
    ['row_to_json', 'SELECT row_to_json(p)::text AS row FROM person p', []],
    ['a sample', 'SELECT * FROM person TABLESAMPLE SYSTEM (100)', []],
    ['paging past the end', 'SELECT * FROM person ORDER BY display_name LIMIT 1000 OFFSET 0', []],
    [
      'a lateral join',
      'SELECT p.* FROM organization o, LATERAL (SELECT * FROM person WHERE organization_id = o.id) p',
      [],
    ],
    ['FOR UPDATE', 'SELECT * FROM person WHERE organization_id = $1 FOR UPDATE', [orgA]],
    ['FOR SHARE', 'SELECT * FROM person WHERE id = ANY($1) FOR SHARE', [aPrivate]],
    // A function that fails on the hidden rows would tell they exist: the policy must filter first.
    // (Per row, not constants: the planner folds a constant 1 / 0 and fails before reading anything.)
    [
      'an erroring predicate',
      `SELECT * FROM person WHERE CASE WHEN display_name LIKE 'SQL-SECRET-A%' THEN 1 / (length(note) - length(note)) ELSE 1 END = 1`,
      [],
    ],
    [
      'a cast that fails on hidden rows',
      `SELECT * FROM person WHERE (CASE WHEN display_name LIKE 'SQL-SECRET-A%' THEN display_name ELSE '1' END)::int = 1`,
      [],
    ],
    // Planner statistics hold sample values of columns; PostgreSQL hides them under RLS.
    [
      'pg_stats',
      `SELECT attname, most_common_vals::text AS vals, histogram_bounds::text AS bounds FROM pg_stats WHERE tablename = 'person'`,
      [],
    ],
  ];

  it("returns none of organization A's private people, whatever the context and the query", async () => {
    const leaks: string[] = [];
    const errors: string[] = [];
    for (const ctx of contexts) {
      await inContext(ctx, async () => {
        for (const [name, sql, params] of reads()) {
          const res = await attempt(sql, params);
          const text = JSON.stringify(res.rows);
          if (res.error) errors.push(`${ctx.label} / ${name}: ${res.error}`);
          if (/sql-secret-a/i.test(text) || aPrivate.some((id) => text.includes(id)))
            leaks.push(`${ctx.label} / ${name}: ${text.slice(0, 200)}`);
          if (name === 'an aggregate' && Number(res.rows[0]?.hidden) !== 0)
            leaks.push(`${ctx.label} / ${name}: counts hidden rows`);
          if (name === 'EXISTS' && res.rows[0]?.present !== false)
            leaks.push(`${ctx.label} / ${name}: confirms the id`);
        }
      });
    }
    expect(leaks).toEqual([]);
    // FOR UPDATE / FOR SHARE need no more than the app's grants; nothing else may fail either
    // (a failure on a hidden row would itself be the leak).
    expect(errors).toEqual([]);
  });

  it('shows each context what it should see (the control)', async () => {
    const ids = async (ctx: Context) =>
      inContext(ctx, async () =>
        (await app.query<{ id: string }>('SELECT id FROM person')).rows.map((r) => r.id).sort(),
      );
    const byLabel = (label: string) => contexts.find((c) => c.label === label)!;
    expect(await ids(byLabel("organization B's coordinator"))).toEqual([aPublic, bPrivate].sort());
    expect(await ids({ label: 'A', orgId: orgA, role: 'org_viewer' })).toEqual([...aPrivate, aPublic].sort());
    // The alliance sees the public contacts, an applicant's too (its reviewers need them).
    expect(await ids(byLabel('alliance_admin'))).toEqual([aPublic, applicantContact].sort());
    expect(await ids(byLabel('no context at all'))).toEqual([aPublic]);
    // The oracle queries above do work where the rows are visible: they are not vacuous.
    const own = await inContext({ label: 'A', orgId: orgA, role: 'org_viewer' }, async () => {
      const [, sql, params] = reads().find(([name]) => name === 'an erroring predicate')!;
      return attempt(sql, params);
    });
    expect(own.error).toMatch(/division by zero/);
  });

  it("changes and deletes none of organization A's rows, whatever the context", async () => {
    const before = await snapshotA();
    const touched: string[] = [];
    const writes: [string, string, unknown[]][] = [
      [
        'update by organization',
        `UPDATE person SET display_name = 'PWNED' WHERE organization_id = $1 RETURNING id, organization_id`,
        [orgA],
      ],
      [
        'update by ids',
        `UPDATE person SET note = 'PWNED' WHERE id = ANY($1) RETURNING id, organization_id`,
        [[...aPrivate, aPublic]],
      ],
      [
        'publish a private person',
        `UPDATE person SET visibility = 'coalition' WHERE id = ANY($1) RETURNING id, organization_id`,
        [aPrivate],
      ],
      ['update everything', `UPDATE person SET version = version + 1 RETURNING id, organization_id`, []],
      [
        'update from a join',
        `UPDATE person p SET display_name = 'PWNED' FROM organization o WHERE o.id = p.organization_id AND o.id = $1 RETURNING p.id, p.organization_id`,
        [orgA],
      ],
      [
        'merge',
        `MERGE INTO person p USING (SELECT unnest($1::uuid[]) AS id) s ON p.id = s.id WHEN MATCHED THEN UPDATE SET display_name = 'PWNED'`,
        [aPrivate],
      ],
      [
        'delete by organization',
        'DELETE FROM person WHERE organization_id = $1 RETURNING id, organization_id',
        [orgA],
      ],
      [
        'delete by ids',
        'DELETE FROM person WHERE id = ANY($1) RETURNING id, organization_id',
        [[...aPrivate, aPublic]],
      ],
      ['delete everything', 'DELETE FROM person RETURNING id, organization_id', []],
      [
        'merge delete',
        `MERGE INTO person p USING (SELECT unnest($1::uuid[]) AS id) s ON p.id = s.id WHEN MATCHED THEN DELETE`,
        [[...aPrivate, aPublic]],
      ],
    ];
    for (const ctx of contexts) {
      await inContext(ctx, async () => {
        for (const [name, sql, params] of writes) {
          const res = await attempt(sql, params);
          const rows = res.rows.filter((r) => r.organization_id === orgA);
          const merged = name.startsWith('merge') ? res.rowCount : 0;
          if (rows.length > 0 || merged > 0)
            touched.push(`${ctx.label} / ${name}: ${rows.length || merged} of A's rows`);
        }
        // Before the rollback: within the transaction itself nothing of A's changed either.
        const seen = await t.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM person WHERE organization_id = $1`,
          [orgA],
        );
        expect(seen.rows[0].n).toBe(4);
      });
    }
    expect(touched).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it("refuses to add people to another organization, or to move one's own people there", async () => {
    const accepted: string[] = [];
    for (const ctx of contexts) {
      await inContext(ctx, async () => {
        const tries: [string, string, unknown[]][] = [
          [
            'insert',
            `INSERT INTO person (organization_id, display_name) VALUES ($1, 'Planted') RETURNING id`,
            [orgA],
          ],
          [
            'insert a public contact',
            `INSERT INTO person (organization_id, display_name, visibility) VALUES ($1, 'Planted', 'coalition') RETURNING id`,
            [orgA],
          ],
          [
            'insert from a select',
            `INSERT INTO person (organization_id, display_name) SELECT $1, 'Planted' FROM organization RETURNING id`,
            [orgA],
          ],
          [
            'upsert onto a private id',
            `INSERT INTO person (id, organization_id, display_name) VALUES ($1, $2, 'Planted') ON CONFLICT (id) DO UPDATE SET display_name = 'PWNED' RETURNING id`,
            [aPrivate[0], ctx.orgId || orgB],
          ],
          [
            'move into A',
            'UPDATE person SET organization_id = $1 WHERE id = $2 RETURNING id',
            [orgA, bPrivate],
          ],
        ];
        for (const [name, sql, params] of tries) {
          const res = await attempt(sql, params);
          if (res.error === null && res.rowCount > 0) accepted.push(`${ctx.label} / ${name}`);
        }
      });
    }
    expect(accepted).toEqual([]);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM person WHERE display_name IN ('Planted', 'PWNED')`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('cannot step around the policies: no TRUNCATE, no row_security off, no owner role, no policy changes, no count writes', async () => {
    const refused = async (sql: string, params: unknown[] = []) =>
      inContext({ label: 'B', orgId: orgB, role: 'org_coordinator' }, async () => {
        const res = await attempt(sql, params);
        return res.error;
      });
    expect(await refused('TRUNCATE person')).toMatch(/permission denied/);
    expect(await refused('TRUNCATE audit_event')).toMatch(/permission denied/);
    expect(await refused('SET LOCAL ROLE unidos_owner')).toMatch(/permission denied/);
    expect(await refused('SET LOCAL SESSION AUTHORIZATION postgres')).toMatch(/permission denied/);
    expect(await refused('ALTER TABLE person NO FORCE ROW LEVEL SECURITY')).toMatch(/must be owner/);
    expect(await refused('DROP POLICY person_select ON person')).toMatch(/must be owner/);
    expect(await refused(`CREATE POLICY sneaky ON person FOR SELECT USING (true)`)).toMatch(/must be owner/);
    expect(await refused('SELECT person_count_maintain()')).toMatch(
      /trigger functions can only be called as triggers|permission denied/,
    );
    expect(await refused(`UPDATE person_count SET n = n + 1`)).toMatch(/permission denied/);
    expect(
      await refused(
        `INSERT INTO person_count (organization_id, role, preferred_language, n) VALUES ($1, 'member', 'en', 1)`,
        [orgA],
      ),
    ).toMatch(/permission denied/);
    expect(await refused(`DELETE FROM audit_event`)).toMatch(/permission denied/);
    // Turning row security off does not bypass it: the query is refused instead.
    expect(
      await inContext({ label: 'B', orgId: orgB, role: 'org_coordinator' }, async () => {
        await app.query('SET LOCAL row_security = off');
        return (await attempt('SELECT * FROM person')).error;
      }),
    ).toMatch(/row-level security/);
    // A temporary view runs with the app role's rights: the policies still apply.
    const viaView = await inContext({ label: 'B', orgId: orgB, role: 'org_coordinator' }, async () => {
      const created = await attempt('CREATE TEMP VIEW everyone AS SELECT * FROM person');
      const res = created.error ? created : await attempt('SELECT * FROM everyone');
      return JSON.stringify(res.rows);
    });
    expect(viaView).not.toMatch(/sql-secret-a/i);
  });

  it('has row-level security enabled and forced on every table with an organization column, except the listed coalition-visible ones', async () => {
    const { rows } = await t.sql.query<{
      table_name: string;
      columns: string[];
      rls: boolean;
      forced: boolean;
    }>(
      `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.column_name) AS columns,
              bool_or(k.relrowsecurity) AS rls, bool_or(k.relforcerowsecurity) AS forced
         FROM information_schema.columns c
         JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = 'public'::regnamespace AND k.relkind IN ('r', 'p')
        WHERE c.table_schema = 'public'
        GROUP BY c.table_name`,
    );
    const withOrg = rows.filter((r) => r.columns.some((c) => ORG_COLUMN.test(c)));
    expect(withOrg.map((r) => r.table_name)).toContain('person');

    const unprotected = withOrg
      .filter((r) => !(r.table_name in WITHOUT_RLS) && !(r.rls && r.forced))
      .map((r) => `${r.table_name} (rls ${r.rls}, forced ${r.forced})`);
    expect(unprotected).toEqual([]);
    // The exemption list is exact: each entry is a table that exists and carries an organization column.
    expect(Object.keys(WITHOUT_RLS).filter((name) => !withOrg.some((r) => r.table_name === name))).toEqual(
      [],
    );

    // Each protected table has a policy for every command, keyed on the transaction's organization.
    for (const table of withOrg.filter((r) => r.rls)) {
      const policies = await t.sql.query<{ cmd: string; qual: string | null; with_check: string | null }>(
        `SELECT cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public' AND tablename = $1`,
        [table.table_name],
      );
      const commands = new Set(
        policies.rows.flatMap((p) => (p.cmd === 'ALL' ? ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] : [p.cmd])),
      );
      expect({ table: table.table_name, commands: [...commands].sort() }).toEqual({
        table: table.table_name,
        commands: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'],
      });
      // Every policy is keyed on the transaction's organization, or admits only the table's owner
      // (the SECURITY DEFINER functions that keep counts or apply retention), never the app role.
      for (const p of policies.rows) {
        const text = `${p.qual ?? ''} ${p.with_check ?? ''}`;
        expect({
          table: table.table_name,
          keyed:
            text.includes("current_setting('app.org_id'") ||
            (/CURRENT_USER/i.test(text) && /relowner/.test(text)),
        }).toEqual({
          table: table.table_name,
          keyed: true,
        });
      }
      const keyedCommands = new Set(
        policies.rows
          .filter((p) => `${p.qual ?? ''} ${p.with_check ?? ''}`.includes("current_setting('app.org_id'"))
          .flatMap((p) => (p.cmd === 'ALL' ? ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] : [p.cmd])),
      );
      expect({ table: table.table_name, keyedCommands: [...keyedCommands].sort() }).toEqual({
        table: table.table_name,
        keyedCommands: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'],
      });
    }
  });
});
