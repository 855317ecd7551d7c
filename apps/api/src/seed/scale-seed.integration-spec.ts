import { Client } from 'pg';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { SCALES } from '@tools/seed/scale-plan';
import { SeedRefusedError, seedScale } from '@tools/seed/scale-load';
import { createTestDatabase, dropTestDatabase } from '../../test/harness';

/**
 * The scale dataset (npm run seed -- --scale ...), on the small scale (the test scale for reset): exact counts, the same
 * content for the same seed, the promised skew, derived values that agree with their rows, and a
 * schema (keys, indexes, triggers, row-level security) left exactly as the migrations made it.
 */
describe('scale seed', () => {
  const key = Buffer.alloc(32, 7);
  const today = '2026-03-01';
  type Db = Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Db;
  let b: Db;
  let c: Db;
  let sqlA: Client;
  let schemaBefore: string[];

  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  };
  const seed = (db: Db, s: number, extra: Partial<Parameters<typeof seedScale>[0]> = {}) =>
    seedScale({ migrationUrl: db.ownerUrl, encryptionKey: key, scale: 'small', seed: s, today, reset: false, password: 'scale seed password', ...extra });

  /** Keys, indexes, triggers (and whether they are on) and forced row-level security: what a load must put back. */
  const schemaShape = async (client: Client): Promise<string[]> => {
    const { rows } = await client.query<{ x: string }>(`
      SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS x FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'rls ' || relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
      ORDER BY 1`);
    return rows.map((r) => r.x);
  };

  /** One md5 per table over its rows in order, leaving out what is random by design (ciphertext IVs, password salts, the audit clock). */
  const fingerprint = async (url: string): Promise<Record<string, string>> => {
    const client = await connect(url);
    try {
      const tables = ['region', 'organization', 'user', 'campaign', 'campaign_goal', 'demand', 'endorsement', 'person', 'person_count', 'event', 'event_host', 'pledge', 'pledge_report', 'rsvp'];
      const out: Record<string, string> = {};
      for (const t of tables) {
        const { rows: cols } = await client.query<{ c: string }>(
          `SELECT format('%I', column_name) AS c FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND column_name NOT IN ('email_ciphertext', 'phone_ciphertext', 'password_hash')
            ORDER BY ordinal_position`,
          [t],
        );
        const list = cols.map((x) => x.c).join(', ');
        const { rows } = await client.query<{ h: string }>(
          `SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS h FROM (SELECT ROW(${list})::text AS r FROM "${t}") s`,
        );
        out[t] = rows[0].h;
      }
      return out;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    [a, b, c] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    sqlA = await connect(a.superUrl);
    schemaBefore = await schemaShape(sqlA);
    await Promise.all([seed(a, 1), seed(b, 1), seed(c, 2, { scale: 'test' })]);
  }, 180_000);

  afterAll(async () => {
    await sqlA?.end();
    await Promise.all([a, b, c].filter(Boolean).map((db) => dropTestDatabase(db.name)));
  });

  it('holds exactly the promised rows', async () => {
    const { rows } = await sqlA.query(`SELECT
      (SELECT count(*)::int FROM organization) AS organizations, (SELECT count(*)::int FROM person) AS people,
      (SELECT count(*)::int FROM campaign) AS campaigns, (SELECT count(*)::int FROM pledge) AS pledges,
      (SELECT count(*)::int FROM pledge_report) AS reports, (SELECT count(*)::int FROM event) AS events,
      (SELECT count(*)::int FROM rsvp) AS rsvps`);
    expect(rows[0]).toEqual(SCALES.small);
    const support = await sqlA.query(`SELECT
      (SELECT count(*)::int FROM region) AS regions,
      (SELECT count(DISTINCT s)::int FROM region, unnest(states) s) AS states,
      (SELECT count(*)::int FROM campaign c WHERE NOT EXISTS (SELECT 1 FROM campaign_goal g WHERE g.campaign_id = c.id)) AS campaigns_without_goals,
      (SELECT count(*)::int FROM pledge p WHERE NOT EXISTS (SELECT 1 FROM campaign_goal g WHERE g.campaign_id = p.campaign_id AND g.metric = p.metric)) AS pledges_off_goal,
      (SELECT count(*)::int FROM demand) AS demands, (SELECT count(*)::int FROM endorsement) AS endorsements,
      (SELECT count(*)::int FROM event_host WHERE role = 'co_host') AS co_hosts,
      (SELECT count(*)::int FROM organization o WHERE region_id IS NULL) AS orgs_without_region`);
    expect(support.rows[0]).toMatchObject({ regions: 5, states: 52, campaigns_without_goals: 0, pledges_off_goal: 0, orgs_without_region: 0 });
    expect(support.rows[0].demands).toBeGreaterThan(20);
    expect(support.rows[0].endorsements).toBeGreaterThan(100);
    expect(support.rows[0].co_hosts).toBeGreaterThan(100);
  });

  it('gives the same content for the same seed', async () => {
    const [fa, fb] = await Promise.all([fingerprint(a.superUrl), fingerprint(b.superUrl)]);
    expect(fb).toEqual(fa);
  });

  it('is skewed: a few large organizations and one campaign with a large share', async () => {
    const { rows } = await sqlA.query(`
      WITH sizes AS (SELECT organization_id, count(*) AS n FROM person GROUP BY 1),
           shares AS (SELECT campaign_id, count(*)::float / sum(count(*)) OVER () AS share FROM pledge GROUP BY 1)
      SELECT (SELECT max(n) FROM sizes)::float / (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM sizes) AS org_ratio,
             (SELECT max(share) FROM shares) AS top_campaign_share,
             (SELECT count(*)::int FROM event WHERE status = 'published' AND starts_at >= $1::date AND starts_at < $1::date + 14) AS next_two_weeks`,
      [today],
    );
    expect(rows[0].org_ratio).toBeGreaterThanOrEqual(20);
    expect(rows[0].top_campaign_share).toBeGreaterThanOrEqual(0.2);
    expect(rows[0].next_two_weeks).toBeGreaterThanOrEqual(20);
    const statuses = await sqlA.query<{ status: string }>('SELECT DISTINCT status FROM rsvp ORDER BY 1');
    expect(statuses.rows.map((r) => r.status)).toEqual(['attended', 'declined', 'going', 'maybe', 'no_show', 'waitlisted']);
    const membership = await sqlA.query<{ membership_status: string }>('SELECT DISTINCT membership_status FROM organization ORDER BY 1');
    expect(membership.rows.map((r) => r.membership_status)).toEqual(expect.arrayContaining(['active', 'applicant', 'lapsed']));
  });

  it('derives every maintained value from the rows', async () => {
    const { rows } = await sqlA.query(`SELECT
      (SELECT sum(n)::int FROM person_count) = (SELECT count(*)::int FROM person) AS person_total,
      NOT EXISTS (SELECT organization_id, role, preferred_language, count(*) FROM person GROUP BY 1, 2, 3
                  EXCEPT SELECT organization_id, role, preferred_language, n FROM person_count) AS person_groups,
      NOT EXISTS (SELECT 1 FROM pledge p WHERE p.reported <> (SELECT coalesce(sum(quantity), 0) FROM pledge_report r WHERE r.pledge_id = p.id)) AS reported,
      NOT EXISTS (SELECT 1 FROM pledge WHERE status <> 'cancelled' AND status <> CASE WHEN reported >= quantity THEN 'fulfilled' ELSE 'open' END) AS pledge_status,
      (SELECT count(*) FILTER (WHERE status = 'fulfilled') > 0 AND count(*) FILTER (WHERE status = 'open') > 0 FROM pledge) AS both_statuses,
      NOT EXISTS (SELECT 1 FROM event_host h WHERE (h.going, h.maybe, h.declined, h.waitlisted, h.checked_in) <> (
        SELECT count(*) FILTER (WHERE status = 'going'), count(*) FILTER (WHERE status = 'maybe'), count(*) FILTER (WHERE status = 'declined'),
               count(*) FILTER (WHERE status = 'waitlisted'), count(*) FILTER (WHERE status = 'attended')
          FROM rsvp r WHERE r.event_id = h.event_id AND r.host_organization_id = h.organization_id)) AS host_counts,
      NOT EXISTS (SELECT 1 FROM event e WHERE e.going_count <> (SELECT count(*) FROM rsvp r WHERE r.event_id = e.id AND r.status IN ('going', 'attended'))) AS going_count,
      NOT EXISTS (SELECT 1 FROM event WHERE capacity IS NOT NULL AND going_count > capacity) AS within_capacity,
      NOT EXISTS (SELECT 1 FROM rsvp r JOIN event e ON e.id = r.event_id WHERE r.status = 'waitlisted' AND (e.capacity IS NULL OR e.going_count < e.capacity)) AS waitlist_only_when_full,
      NOT EXISTS (SELECT 1 FROM rsvp r LEFT JOIN person p ON p.id = r.person_id WHERE r.person_id IS NOT NULL AND p.organization_id IS DISTINCT FROM r.host_organization_id) AS rsvp_people_of_host,
      NOT EXISTS (SELECT 1 FROM rsvp WHERE person_id IS NOT NULL GROUP BY event_id, person_id HAVING count(*) > 1) AS one_rsvp_per_person,
      NOT EXISTS (SELECT 1 FROM rsvp r WHERE NOT EXISTS (SELECT 1 FROM event_host h WHERE h.event_id = r.event_id AND h.organization_id = r.host_organization_id AND h.status = 'accepted')) AS rsvp_hosts_accepted,
      NOT EXISTS (
        (SELECT campaign_id, organization_id, metric, sum(quantity), sum(reported), count(*)::int FROM pledge WHERE status <> 'cancelled' GROUP BY 1, 2, 3)
        EXCEPT ALL SELECT campaign_id, organization_id, metric, pledged, reported, pledges FROM campaign_org_progress) AS campaign_org_progress,
      (SELECT sum(pledges)::int FROM campaign_region_progress) = (SELECT count(*)::int FROM pledge WHERE status <> 'cancelled') AS campaign_region_progress`);
    expect(rows[0]).toEqual(Object.fromEntries(Object.keys(rows[0]).map((k) => [k, true])));
  });

  it('leaves keys, indexes, triggers and row-level security as the migrations made them', async () => {
    expect(await schemaShape(sqlA)).toEqual(schemaBefore);
  });

  it('stores emails and phones encrypted with the app key, findable by their hash', async () => {
    const crypto = new FieldCrypto(key);
    const { rows } = await sqlA.query<{ id: string; e: Buffer; eh: Buffer; p: Buffer; ph: Buffer }>(
      `SELECT id, email_ciphertext AS e, email_hash AS eh, phone_ciphertext AS p, phone_hash AS ph FROM person
        WHERE email_ciphertext IS NOT NULL AND phone_ciphertext IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const email = crypto.decrypt(rows[0].e, 'person.email');
    const phone = crypto.decrypt(rows[0].p, 'person.phone');
    expect(email).toMatch(/^[a-z0-9.]+@example\.(org|net|com)$/);
    expect(phone).toMatch(/^\+1 \d{3} 555 \d{4}$/);
    const found = await sqlA.query('SELECT id FROM person WHERE email_hash = $1 AND phone_hash = $2', [crypto.lookupHash('email', email), crypto.lookupHash('phone', phone)]);
    expect(found.rows.map((r) => r.id)).toContain(rows[0].id);
  });

  it('creates the sign-in users, and row-level security still scopes a coordinator', async () => {
    const { rows: users } = await sqlA.query(
      `SELECT u.email, u.role, u.totp_secret, (SELECT count(*)::int FROM person p WHERE p.organization_id = u.organization_id) AS people
         FROM "user" u ORDER BY u.email`,
    );
    expect(users.find((u) => u.email === 'admin@scale.unidos.local')).toMatchObject({ role: 'alliance_admin', totp_secret: null });
    const coordinator = users.find((u) => u.email === 'coordinator@scale.unidos.local');
    expect(coordinator.role).toBe('org_coordinator');
    expect(coordinator.people).toBe(Math.max(...users.map((u) => u.people)));

    const app = await connect(a.appUrl);
    try {
      await app.query('BEGIN');
      const [{ org }] = (await app.query(`SELECT organization_id AS org FROM "user" WHERE email = 'coordinator@scale.unidos.local'`)).rows;
      await app.query(`SELECT set_config('app.org_id', $1, true), set_config('app.role', 'org_coordinator', true)`, [org]);
      const seen = await app.query(`SELECT
        (SELECT count(*)::int FROM person WHERE organization_id <> $1 AND visibility = 'organization') AS other_private,
        (SELECT count(*)::int FROM person WHERE organization_id = $1) AS own,
        (SELECT count(*)::int FROM rsvp WHERE host_organization_id <> $1) AS other_rsvps,
        (SELECT count(*)::int FROM rsvp) AS rsvps`, [org]);
      expect(seen.rows[0]).toMatchObject({ other_private: 0, own: coordinator.people, other_rsvps: 0 });
      expect(seen.rows[0].rsvps).toBeGreaterThan(0);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('refuses a database that has organizations; --reset replaces them, and another seed gives other content', async () => {
    await expect(seed(c, 1, { scale: 'test' })).rejects.toBeInstanceOf(SeedRefusedError);
    const before = await fingerprint(c.superUrl);
    await seed(c, 1, { scale: 'test', reset: true });
    const after = await fingerprint(c.superUrl);
    for (const t of ['organization', 'person', 'campaign', 'pledge', 'pledge_report', 'event', 'rsvp']) expect(after[t]).not.toBe(before[t]);
    const sqlC = await connect(c.superUrl);
    try {
      const { rows } = await sqlC.query(`SELECT (SELECT count(*)::int FROM organization) AS organizations, (SELECT count(*)::int FROM pledge_report) AS reports,
        (SELECT count(*)::int FROM audit_event WHERE action = 'system.seed_scale') AS seeds`);
      expect(rows[0]).toEqual({ organizations: SCALES.test.organizations, reports: SCALES.test.reports, seeds: 2 });
    } finally {
      await sqlC.end();
    }
  });
});
