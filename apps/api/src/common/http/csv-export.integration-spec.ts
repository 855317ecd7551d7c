import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Pool } from 'pg';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataSource } from 'typeorm';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';
import { coalition, eventWithHosts, rsvp, sessions, unique } from '../../../test/events-fixtures';

/**
 * Exports stream: rows come from a database cursor straight into the response, so a large list
 * neither waits for the whole result nor holds it in memory, a slow client slows the query down
 * (backpressure) and a client that leaves ends the query. The client here is a raw HTTP request
 * that counts lines as they arrive and keeps only the first and last, so the memory sampled is
 * the server's streaming, not the test's copy of the file.
 */
const ROWS = 200_000;

interface Download {
  status: number;
  contentType: string;
  lines: number;
  bytes: number;
  first: string;
  second: string;
  last: string;
  body: string;
  /** Peak live memory (heap + external, after a full GC) above the baseline while the download ran. */
  peakGrowth: number;
}

interface DownloadOptions {
  /** After this many bytes, stop reading for `pauseMs` (a slow client). */
  pauseAfter?: number;
  pauseMs?: number;
  onPause?: () => Promise<void>;
  /** After this many bytes, drop the connection. */
  abortAfter?: number;
  /** Keep the whole body (small downloads only). */
  keepBody?: boolean;
}

// Live memory, not garbage: without a full collection first, the heap's size says more about
// when V8 last collected than about what the server holds. A sample every second, each after a
// full GC, would see a server that accumulates rows (it grows with every sample) and costs little.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
let gcMs = 0;
let gcCount = 0;
const liveMemory = () => {
  const t0 = Date.now();
  gc();
  gcMs += Date.now() - t0;
  gcCount += 1;
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
};

describe('CSV exports stream from a database cursor', () => {
  let t: TestContext;
  let baseUrl: string;
  let cookie: string;
  let admin: TestUser;
  let pool: Pool;
  /** The server side of the connection of the download under way. */
  let serverSockets: Socket[] = [];
  let campaignId: string;
  let firstId: string;
  let lastId: string;

  async function login(user: TestUser): Promise<string> {
    const res = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    const setCookie = res.headers['set-cookie'] as unknown as string[];
    return setCookie.map((c) => c.split(';')[0]).join('; ');
  }

  function download(path: string, options: DownloadOptions = {}, as = cookie): Promise<Download> {
    return new Promise((resolve, reject) => {
      const baseline = liveMemory();
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, liveMemory());
      }, 1_000);
      const done = (value: Download | Error) => {
        clearInterval(sampler);
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      const req = httpRequest(`${baseUrl}${path}`, { headers: { cookie: as } }, (res: IncomingMessage) => {
        let bytes = 0;
        let lines = 0;
        let pending = '';
        let first = '';
        let second = '';
        let last = '';
        let body = '';
        let paused = false;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          bytes += Buffer.byteLength(chunk);
          if (options.keepBody) body += chunk;
          const parts = (pending + chunk).split('\n');
          pending = parts.pop() ?? '';
          for (const line of parts) {
            if (lines === 0) first = line;
            else if (lines === 1) second = line;
            last = line;
            lines += 1;
          }
          if (options.abortAfter !== undefined && bytes >= options.abortAfter) {
            req.destroy();
            done({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type']),
              lines,
              bytes,
              first,
              second,
              last,
              body,
              peakGrowth: peak - baseline,
            });
          }
          if (!paused && options.pauseAfter !== undefined && bytes >= options.pauseAfter) {
            paused = true;
            res.pause();
            const resume = () => res.resume();
            setTimeout(() => {
              void (options.onPause?.() ?? Promise.resolve()).then(resume, (error: unknown) => {
                req.destroy();
                done(error instanceof Error ? error : new Error(String(error)));
              });
            }, options.pauseMs ?? 0);
          }
        });
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            lines,
            bytes,
            first,
            second,
            last,
            body,
            peakGrowth: peak - baseline,
          }),
        );
        res.on('error', (error) => {
          if (options.abortAfter === undefined) done(error);
        });
      });
      req.on('error', (error) => {
        if (options.abortAfter === undefined) done(error);
      });
      req.end();
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer() as Server;
    server.on('connection', (socket: Socket) => serverSockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    admin = await t.createUser('alliance_admin');
    cookie = await login(admin);

    // A campaign, one pledge and ROWS reports written in one statement (the owner's connection).
    const org = await t.createOrganization({ name: unique('Big reporter') });
    const { rows: campaigns } = await t.sql.query<{ id: string }>(
      `INSERT INTO campaign (name, slug, status) VALUES ('Export scale', $1, 'active') RETURNING id`,
      [unique('export-scale').replace(/\s/g, '-')],
    );
    campaignId = campaigns[0].id;
    const { rows: pledges } = await t.sql.query<{ id: string }>(
      `INSERT INTO pledge (campaign_id, organization_id, metric, quantity) VALUES ($1, $2, 'calls', 1000000) RETURNING id`,
      [campaignId, org],
    );
    await t.sql.query(
      `INSERT INTO pledge_report (pledge_id, quantity, reported_on, note, created_at)
       SELECT $1, 1, DATE '2026-01-01' + (i % 300), 'report ' || i, TIMESTAMPTZ '2026-01-01T00:00:00Z' + i * interval '1 millisecond'
         FROM generate_series(1, $2::int) AS i`,
      [pledges[0].id, ROWS],
    );
    await t.sql.query('ANALYZE pledge_report');
    const ends = await t.sql.query<{ id: string }>(
      `(SELECT id FROM pledge_report ORDER BY created_at, id LIMIT 1) UNION ALL (SELECT id FROM pledge_report ORDER BY created_at DESC, id DESC LIMIT 1)`,
    );
    [firstId, lastId] = ends.rows.map((r) => r.id);
  }, 60_000);

  afterAll(() => t.close());

  const reportsPath = () =>
    `/api/pledge-reports/export.csv?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}&sort=${encodeURIComponent(JSON.stringify(['createdAt', 'ASC']))}`;

  it('exports every row of a large list with memory that stays flat', async () => {
    const started = Date.now();
    const res = await download(reportsPath());
    const seconds = (Date.now() - started) / 1000;
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/csv');
    // The header, then exactly every row, in the order asked for.
    expect(res.lines).toBe(ROWS + 1);
    expect(res.first.split(',')[0]).toBe('id');
    expect(res.second.startsWith(`${firstId},`)).toBe(true);
    expect(res.second).toContain(',report 1,');
    expect(res.last.startsWith(`${lastId},`)).toBe(true);
    expect(res.last).toContain(`,report ${ROWS},`);
    // Holding the rows (as entities, or as the file) would take several times the file's size.
    // Streaming keeps the growth to the cursor's batch and the socket's buffers.
    expect(res.bytes).toBeGreaterThan(30_000_000);
    expect(res.peakGrowth).toBeLessThan(res.bytes * 0.25);
    expect(res.peakGrowth).toBeLessThan(16 * 1024 * 1024);
    // For the record when the spec runs alone (jest prints console output only with --verbose).
    process.stdout.write(
      `    export: ${ROWS} rows, ${(res.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, peak growth ${(res.peakGrowth / 1e6).toFixed(1)} MB, ${gcCount} GCs ${gcMs} ms\n`,
    );
  }, 120_000);

  it('stops reading the database while the client is not reading (backpressure)', async () => {
    serverSockets = [];
    let producedAtStart = 0;
    let producedAtEnd = 0;
    const produced = () => serverSockets.reduce((n, s) => n + s.bytesWritten + s.writableLength, 0);
    const res = await download(reportsPath(), {
      pauseAfter: 1_000_000,
      pauseMs: 0,
      abortAfter: 3_000_000,
      onPause: async () => {
        // Let the buffers on both sides (the kernel's grow to a few MB) fill, then check that the
        // server has stopped producing.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        producedAtStart = produced();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        producedAtEnd = produced();
      },
    });
    expect(res.bytes).toBeGreaterThanOrEqual(3_000_000);
    // While paused, the server wrote (almost) nothing more, and what it had produced was a small
    // part of the file: it was waiting for the client, not filling memory with the rest.
    expect(producedAtEnd - producedAtStart).toBeLessThan(1024 * 1024);
    expect(producedAtEnd).toBeLessThan(ROWS * 200 * 0.25);
  }, 60_000);

  it('ends the query when the client goes away, and gives the connection back', async () => {
    const res = await download(reportsPath(), { abortAfter: 2_000_000 });
    expect(res.bytes).toBeGreaterThanOrEqual(2_000_000);
    const deadline = Date.now() + 10_000;
    let busy: number;
    let running: number;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      busy = pool.totalCount - pool.idleCount;
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%FROM "pledge_report"%' AND state <> 'idle'`,
      );
      running = rows[0].n;
    } while ((busy > 0 || running > 0) && Date.now() < deadline);
    expect(busy).toBe(0);
    expect(running).toBe(0);
    // The API still answers (no connection leaked or stuck).
    const after = await download(
      `/api/pledge-reports/export.csv?filter=${encodeURIComponent(JSON.stringify({ campaignId: admin.id }))}`,
      { keepBody: true },
    );
    expect(after.status).toBe(200);
    expect(after.lines).toBe(1);
  }, 30_000);

  it('answers a bad filter with a 422 before any CSV', async () => {
    for (const filter of ['{"campaignId":"not-a-uuid"}', 'not json', '{"nope":1}']) {
      const res = await download(`/api/pledge-reports/export.csv?filter=${encodeURIComponent(filter)}`, {
        keepBody: true,
      });
      expect(res.status).toBe(422);
      expect(res.contentType).toContain('application/json');
      expect(JSON.parse(res.body)).toHaveProperty('errors');
    }
  });

  it("exports an organization's own RSVPs only, and audits the export", async () => {
    const session = sessions(t);
    const { orgs, coordinators } = await coalition(t, ['Export host A', 'Export host B']);
    const [a, b] = coordinators;
    const event = await eventWithHosts(await session(a), session, {}, [{ org: orgs[1], coordinator: b }]);
    await rsvp(await session(a), { eventId: event.id, firstName: 'Amalia' });
    await rsvp(await session(a), { eventId: event.id, firstName: '=HYPERLINK("x")' });
    await rsvp(await session(b), { eventId: event.id, firstName: 'Bernardo' });

    const path = `/api/rsvps/export.csv?filter=${encodeURIComponent(JSON.stringify({ eventId: event.id }))}`;
    const res = await download(path, { keepBody: true }, await login(a));
    expect(res.status).toBe(200);
    expect(res.lines).toBe(3);
    expect(res.body).toContain('Amalia');
    expect(res.body).toContain(`'=HYPERLINK`); // a formula is neutralized
    expect(res.body).not.toContain('Bernardo');
    const { rows } = await t.sql.query<{ after: { rows: number } }>(
      `SELECT after FROM audit_event WHERE action = 'rsvp.export' AND actor_user_id = $1`,
      [a.id],
    );
    expect(rows.map((r) => r.after)).toEqual([{ rows: 2 }]);

    // The alliance sees counts, never who is coming: nothing to export.
    const refused = await download(path, { keepBody: true });
    expect(refused.status).toBe(403);
  });
});
