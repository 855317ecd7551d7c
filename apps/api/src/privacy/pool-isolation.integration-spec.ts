import type { Pool } from 'pg';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { startTestApp, type TestContext } from '../../test/harness';

/**
 * The organization context lives in the transaction (`set_config(..., true)`), and connections are
 * pooled: with 3 connections shared by 3 organizations' coordinators under load — one request in
 * ten failing inside its transaction — no answer may carry another organization's people, and no
 * pooled connection may keep a context once its transaction is over.
 */

const POOL_SIZE = 3;
const REQUESTS = 2000;
const CONCURRENCY = 50;
const FAILING_SHARE = 0.1;
const SEEDED_PER_ORG = 20;
const ORGS = ['A', 'B', 'C'] as const;
type OrgKey = (typeof ORGS)[number];
const AREA: Record<OrgKey, string> = { A: '312', B: '415', C: '617' };

/** A small seeded generator, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Op =
  'list' | 'get' | 'create' | 'update' | 'export' | 'staleUpdate' | 'duplicateName' | 'staleOrganization';
const FAILING: Op[] = ['staleUpdate', 'duplicateName', 'staleOrganization'];

interface OrgState {
  key: OrgKey;
  id: string;
  name: string;
  agent: TestAgent;
  people: { id: string; version: number; chain: Promise<unknown> }[];
  created: number;
}

describe('pooled connections never carry an organization context', () => {
  let t: TestContext;
  const orgs = {} as Record<OrgKey, OrgState>;
  const previousPool = process.env.UNIDOS_DB_POOL;

  const person = (key: OrgKey, n: number | string) => ({
    displayName: `POOL-${key}-${n}`,
    email: `pool-${key.toLowerCase()}-${n}@pool-${key.toLowerCase()}.example.org`,
    phone: `+1 ${AREA[key]} 555 ${String(n).padStart(4, '0').slice(-4)}`,
    note: `POOL-${key}-NOTE-${n}`,
    preferredLanguage: 'es',
  });

  beforeAll(async () => {
    // AppModule reads the pool size when the module is created, i.e. inside startTestApp().
    process.env.UNIDOS_DB_POOL = String(POOL_SIZE);
    try {
      t = await startTestApp();
    } finally {
      if (previousPool === undefined) delete process.env.UNIDOS_DB_POOL;
      else process.env.UNIDOS_DB_POOL = previousPool;
    }
    await t.app.listen(0, '127.0.0.1');
    for (const key of ORGS) {
      const name = `Pool Org ${key}`;
      const id = await t.createOrganization({ name });
      const agent = await t.as(await t.createUser('org_coordinator', id));
      orgs[key] = { key, id, name, agent, people: [], created: 0 };
      for (let n = 1; n <= SEEDED_PER_ORG; n++) {
        const res = await agent.post('/api/people').send(person(key, n));
        expect(res.status).toBe(201);
        orgs[key].people.push({ id: res.body.id, version: res.body.version, chain: Promise.resolve() });
      }
    }
  });
  afterAll(() => t.close());

  it('uses a pool of exactly the configured size', () => {
    const pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    expect(pool.options.max).toBe(POOL_SIZE);
  });

  it(`answers ${REQUESTS} interleaved requests (${CONCURRENCY} at once, ${FAILING_SHARE * 100}% failing mid-transaction) with each organization's own data only`, async () => {
    const random = mulberry32(20_240_611);
    const ops: { org: OrgState; op: Op }[] = [];
    const failingCount = Math.round(REQUESTS * FAILING_SHARE);
    for (let i = 0; i < REQUESTS; i++) {
      const org = orgs[ORGS[i % ORGS.length]];
      // Every tenth request fails, spread evenly through the run.
      if (i % Math.round(1 / FAILING_SHARE) === 5) {
        ops.push({ org, op: FAILING[Math.floor(random() * FAILING.length)] });
        continue;
      }
      const r = random();
      const op: Op =
        r < 0.3 ? 'list' : r < 0.5 ? 'get' : r < 0.65 ? 'create' : r < 0.92 ? 'update' : 'export';
      ops.push({ org, op });
    }
    expect(ops.filter((o) => FAILING.includes(o.op))).toHaveLength(failingCount);

    const problems: string[] = [];
    const outcomes = new Map<string, number>();
    const othersMarks = (key: OrgKey) =>
      ORGS.filter((o) => o !== key).flatMap((o) => [
        `pool-${o.toLowerCase()}-`,
        `pool-${o.toLowerCase()}.example`,
        `+1 ${AREA[o]} 555`,
        orgs[o].id,
      ]);

    const run = async ({ org, op }: { org: OrgState; op: Op }, index: number): Promise<void> => {
      const pick = () => org.people[Math.floor(random() * org.people.length)];
      let res: Response;
      let expected: number;
      switch (op) {
        case 'list':
          res = await org.agent
            .get('/api/people')
            .query({ range: '[0,99]', sort: JSON.stringify(['updatedAt', 'DESC']) });
          expected = 200;
          if (
            res.status === 200 &&
            !(res.body as { organizationId: string }[]).every((p) => p.organizationId === org.id)
          ) {
            problems.push(`#${index} ${org.key} list: a row of another organization`);
          }
          // The control: the organization's own people are there, so the marks are searchable.
          if (res.status === 200 && !res.text.includes(`POOL-${org.key}-`)) {
            problems.push(`#${index} ${org.key} list: its own people are missing`);
          }
          break;
        case 'get':
          res = await org.agent.get(`/api/people/${pick().id}`);
          expected = 200;
          break;
        case 'create': {
          const n = `new-${++org.created}`;
          res = await org.agent
            .post('/api/people')
            .send({ ...person(org.key, n), phone: `+1 ${AREA[org.key]} 555 ${String(5000 + org.created)}` });
          expected = 201;
          break;
        }
        case 'update': {
          // Updates of one person run one after the other, so each holds the version it read.
          const p = pick();
          const next = p.chain.then(async () => {
            const r = await org.agent
              .put(`/api/people/${p.id}`)
              .send({ version: p.version, note: `POOL-${org.key}-NOTE-${index}`, okToCall: index % 2 === 0 });
            if (r.status === 200) p.version = r.body.version;
            return r;
          });
          p.chain = next.catch(() => undefined);
          res = await next;
          expected = 200;
          break;
        }
        case 'export':
          res = await org.agent.get('/api/people/export.csv');
          expected = 200;
          break;
        case 'staleUpdate':
          // Fails after the context is set and the row is locked: a stale version is a 409.
          res = await org.agent
            .put(`/api/people/${pick().id}`)
            .send({ version: 1_000_000, note: 'never stored' });
          expected = 409;
          break;
        case 'duplicateName': {
          // Fails inside the UPDATE itself: the database refuses a second organization with that name.
          const other = orgs[ORGS[(ORGS.indexOf(org.key) + 1) % ORGS.length]];
          res = await org.agent.put(`/api/organizations/${org.id}`).send({ version: 1, name: other.name });
          expected = 409;
          break;
        }
        case 'staleOrganization':
          res = await org.agent.put(`/api/organizations/${org.id}`).send({ version: 999, city: 'Never' });
          expected = 409;
          break;
      }
      const key = `${op} ${res.status}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (res.status !== expected)
        problems.push(
          `#${index} ${org.key} ${op}: ${res.status} (expected ${expected}) ${res.text.slice(0, 120)}`,
        );
      const text = `${JSON.stringify(res.headers)}${res.text}`.toLowerCase();
      const leaked = othersMarks(org.key).filter((m) => text.includes(m.toLowerCase()));
      if (leaked.length > 0) problems.push(`#${index} ${org.key} ${op}: carries ${leaked.join(', ')}`);
    };

    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ops.length) {
          const index = next++;
          await run(ops[index], index);
        }
      }),
    );
    console.log(
      `pool isolation: ${REQUESTS} requests (${failingCount} failing) at ${CONCURRENCY} concurrent on ${POOL_SIZE} connections in ${Date.now() - started} ms: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`,
    );
    expect(problems.slice(0, 30)).toEqual([]);

    // Nothing failed half-way: the failing requests stored nothing, the organizations kept their names.
    const { rows } = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person WHERE note = 'never stored'`,
    );
    expect(rows[0].n).toBe(0);
    const names = await t.sql.query<{ name: string }>(
      'SELECT name FROM organization WHERE id = ANY($1) ORDER BY name',
      [ORGS.map((k) => orgs[k].id)],
    );
    expect(names.rows.map((r) => r.name)).toEqual(ORGS.map((k) => orgs[k].name));
  }, 120_000);

  it('leaves no context on any pooled connection afterwards', async () => {
    const dataSource = t.app.get(DataSource);
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    expect(pool.totalCount).toBeLessThanOrEqual(POOL_SIZE);

    // Hold every connection of the pool at once, so each one is asked.
    const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
    try {
      const settings = await Promise.all(
        clients.map(async (c) => {
          const { rows } = await c.query<{
            pid: number;
            org: string | null;
            role: string | null;
            uid: string | null;
            xact: string | null;
          }>(
            `SELECT pg_backend_pid() AS pid, current_setting('app.org_id', true) AS org, current_setting('app.role', true) AS role,
                    current_setting('app.user_id', true) AS uid, pg_current_xact_id_if_assigned()::text AS xact`,
          );
          return rows[0];
        }),
      );
      expect(new Set(settings.map((s) => s.pid)).size).toBe(POOL_SIZE);
      for (const s of settings)
        expect({ org: s.org ?? '', role: s.role ?? '', uid: s.uid ?? '', xact: s.xact }).toEqual({
          org: '',
          role: '',
          uid: '',
          xact: null,
        });
    } finally {
      for (const c of clients) c.release();
    }

    // Asked again through TypeORM, several times: whichever connection answers, it has no context.
    for (let i = 0; i < 3 * POOL_SIZE; i++) {
      const [row] = (await dataSource.query(
        `SELECT current_setting('app.org_id', true) AS org, current_setting('app.role', true) AS role`,
      )) as {
        org: string | null;
        role: string | null;
      }[];
      expect({ org: row.org ?? '', role: row.role ?? '' }).toEqual({ org: '', role: '' });
    }

    // And the server agrees: at most the pool's connections, none left inside a transaction.
    const { rows } = await t.sql.query<{ state: string }>(
      `SELECT state FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'unidos-api'`,
    );
    expect(rows.length).toBeLessThanOrEqual(POOL_SIZE);
    expect(rows.filter((r) => r.state !== 'idle')).toEqual([]);
  });
});
