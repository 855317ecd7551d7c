import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Actor } from '@api/common/auth/actor';
import { loadConfig } from '@api/config/config';
import { ApiProcess, MemorySampler } from './api-process';
import { SqlCapture, type Transaction } from './capture';
import { BENCH_PASSWORD, BENCH_USERS, type BenchDatabase, type Picks, checkEncryptionKey, countRows, openDatabase, pick, prepareDatabase, withClient } from './database';
import { explainScenario } from './explain';
import { benchImport } from './import-bench';
import { loadHttp, loadSql, replay, waitIdle } from './load';
import { describeMachine } from './machine';
import { type BenchOptions, UsageError, parseOptions } from './options';
import { type ImportResult, type ScaleResult, type ScenarioResult, TARGETS, consoleTable, scenarioTargets, validateResults, writeResults } from './report';
import { type ApiAnswer, type Scenario, buildScenarios } from './scenarios';

const API_POOL = Number(process.env.UNIDOS_DB_POOL ?? 10);
const log = (m: string) => process.stdout.write(`bench: ${m}\n`);

function actorFor(who: 'admin' | 'coordinator', picks: Picks): Actor {
  return who === 'admin'
    ? { userId: picks.adminId, sessionId: 'bench', role: 'alliance_admin', organizationId: null, locale: 'en', requestId: 'bench', totpEnrollmentRequired: false }
    : { userId: picks.coordinatorId, sessionId: 'bench', role: 'org_coordinator', organizationId: picks.largestOrgId, locale: 'en', requestId: 'bench', totpEnrollmentRequired: false };
}

async function fetchAnswer(api: ApiProcess, s: Scenario, headers: Record<string, string>): Promise<ApiAnswer> {
  const res = await fetch(`${api.baseUrl}${s.path}`, { method: s.method, headers, body: s.body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // iCalendar and the like.
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Takes each scenario's SQL from the services themselves, in this process, then lets them go. */
async function captureAll(db: BenchDatabase, scenarios: Scenario[], picks: Picks): Promise<Map<string, Transaction[]>> {
  const config = loadConfig({
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATION_URL: db.ownerUrl,
    UNIDOS_ENCRYPTION_KEY: db.encryptionKey,
    UNIDOS_DEMO_DATA: 'false',
    UNIDOS_REQUIRE_ADMIN_TOTP: 'false',
    LOG_LEVEL: 'silent',
  });
  const capture = await SqlCapture.start(config, db.appUrl);
  const out = new Map<string, Transaction[]>();
  try {
    for (const s of scenarios) {
      if (!s.serve) continue;
      const actor = actorFor(s.who === 'coordinator' ? 'coordinator' : 'admin', picks);
      out.set(s.name, await capture.capture(() => (s.serve as NonNullable<Scenario['serve']>)(capture, actor)));
    }
  } finally {
    await capture.close();
  }
  return out;
}

async function runScenario(
  s: Scenario,
  api: ApiProcess,
  headers: Record<string, string>,
  transactions: Transaction[] | undefined,
  db: BenchDatabase,
  options: BenchOptions,
): Promise<ScenarioResult> {
  const mismatches: string[] = [];
  const answer = await fetchAnswer(api, s, headers);
  if (answer.status < 200 || answer.status > 299) mismatches.push(`the API answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  else if (options.quick && s.check && transactions) {
    // The bench must measure what the API does: same answer from the API and from its SQL.
    const rows = await withClient(db.appUrl, (c: Client) => replay(c, transactions));
    mismatches.push(...s.check(answer, rows));
  }
  const connections = Math.min(options.connections, s.maxConnections ?? Infinity);
  const load = { url: `${api.baseUrl}${s.path}`, method: s.method, headers, body: s.body, connections };
  // Warm-up (JIT, caches, pools); not for sign-in, whose unfinished requests would still be hashing.
  if (!options.quick && s.kind !== 'login') {
    await loadHttp({ ...load, duration: Math.min(2, options.duration) });
    await waitIdle(db.appUrl);
  }
  const apiFigures = await loadHttp({ ...load, duration: Math.max(options.duration, s.minDuration ?? 0) });
  api.assertAlive();
  await waitIdle(db.appUrl);
  const sql = transactions ? await loadSql(db.appUrl, transactions, connections, options.duration) : null;
  const ratio = sql && sql.rps > 0 ? Math.round((apiFigures.rps / sql.rps) * 1000) / 1000 : null;
  const statements = transactions ? transactions.reduce((n, t) => n + t.statements.length, 0) : null;
  log(`${s.name}: API ${apiFigures.rps} req/s p50 ${apiFigures.p50} p95 ${apiFigures.p95} p99 ${apiFigures.p99} ms${sql ? `; SQL ${sql.rps} req/s p99 ${sql.p99} ms` : ''}`);
  return {
    name: s.name,
    title: s.title,
    connections,
    kind: s.kind,
    who: s.who,
    request: `${s.method} ${s.path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\/[A-Za-z0-9_-]{20,}\.ics$/, '/:signature.ics')}`,
    api: apiFigures,
    sql,
    ratio,
    statements,
    targets: scenarioTargets(s.kind, apiFigures, ratio),
    mismatches,
  };
}

/** Quick mode keeps the captured SQL next to the figures, to read what the direct-SQL side runs. */
function dumpSql(captured: Map<string, Transaction[]>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, transactions] of captured) {
    const text = transactions
      .map((t, i) => [`-- connection ${i + 1}`, ...t.statements.map((s) => `${s.sql};${s.params.length ? `\n--   parameters: ${JSON.stringify(s.params)}` : ''}`)].join('\n'))
      .join('\n\n');
    writeFileSync(join(dir, `${name}.sql`), `${text}\n`);
  }
}

/** The API's coalition feed URL (a signed capability URL) as the admin would subscribe to it. */
async function feedTarget(api: ApiProcess, cookie: string): Promise<{ path: string; signature: string }> {
  const res = await fetch(`${api.baseUrl}/api/calendar/feeds`, { headers: { cookie } });
  const feeds = (await res.json()) as { coalition: string };
  const path = new URL(feeds.coalition).pathname;
  const signature = /\/([^/]+)\.ics$/.exec(path)?.[1] ?? '';
  return { path, signature };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadavg()[0];
  log(`${options.quick ? 'quick check' : 'measuring'} at scale "${options.scale}": ${options.connections} connections, ${options.duration} s per side`);
  const db = await openDatabase(options, log);
  let api: ApiProcess | null = null;
  const apiLog = join(tmpdir(), `unidos-bench-api-${process.pid}.log`);
  let failed = false;
  try {
    log(`database: ${db.source}`);
    await prepareDatabase(db, options, log);
    const picks = await pick(db);
    await checkEncryptionKey(db, picks.largestOrgId);
    const counts = await countRows(db);
    const postgres = await withClient(db.ownerUrl, async (c) => (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v);
    log(`dataset: ${counts.map((c) => `${c.table} ${c.estimated ? '≈' : ''}${c.rows}`).join(', ')}`);

    api = await ApiProcess.start(db, { pool: API_POOL, logFile: apiLog });
    const memory = new MemorySampler(api.pid);
    memory.start();
    const cookies = {
      admin: await api.login(BENCH_USERS.admin, BENCH_PASSWORD),
      coordinator: await api.login(BENCH_USERS.coordinator, BENCH_PASSWORD),
    };
    const feed = await feedTarget(api, cookies.admin);
    let scenarios = buildScenarios(picks, feed, BENCH_USERS.coordinator, BENCH_PASSWORD);
    if (options.only.length) scenarios = scenarios.filter((s) => options.only.includes(s.name));
    const captured = await captureAll(db, scenarios, picks);
    if (options.quick) dumpSql(captured, join(options.outDir, 'sql'));

    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'en' };
      if (s.who !== 'public') headers.cookie = cookies[s.who];
      if (s.body) headers['content-type'] = 'application/json';
      memory.takeSectionPeak();
      const result = await runScenario(s, api, headers, captured.get(s.name), db, options);
      result.peakRssMb = Math.round(memory.takeSectionPeak() / 102.4) / 10;
      results.push(result);
    }

    let imported: ImportResult;
    if (options.skipImport || (options.only.length && !options.only.includes('import'))) imported = { rows: options.importRows, targets: [], skipped: 'left out (--skip-import or --only)' };
    else {
      memory.takeSectionPeak();
      imported = await benchImport(api, cookies.coordinator, db, picks.largestOrgId, options.importRows, log);
      imported.peakRssMb = Math.round(memory.takeSectionPeak() / 102.4) / 10;
    }
    memory.stop();

    const peakRssMb = Math.round(memory.peakRssKb / 102.4) / 10;
    const result: ScaleResult = {
      scale: options.scale,
      quick: options.quick,
      date: new Date().toISOString(),
      machine: describeMachine(postgres),
      dataset: { source: db.source, counts },
      settings: { connections: options.connections, duration: options.duration, apiDbPool: API_POOL, logLevel: 'info' },
      scenarios: results,
      memory: {
        peakRssMb,
        vmHwmMb: Math.round(memory.hwmKb / 102.4) / 10,
        samples: memory.samples,
        targets: [{ target: `RSS < ${TARGETS.rssMb} MB`, value: peakRssMb, unit: 'MB', pass: peakRssMb < TARGETS.rssMb }],
      },
      import: imported,
      notes: [
        'the API, PostgreSQL and the load generator (autocannon and the direct-SQL clients, one Node process) share the same cores; other work on the machine competes too',
        `1-minute load average ${loadBefore.toFixed(1)} when the run started and ${loadavg()[0].toFixed(1)} at its end, on ${cpus().length} cores`,
        `the ids are picked by SQL: the largest organization "${picks.largestOrgName}" (its coordinator signs in), the campaign with the most pledges, the upcoming event with the most RSVPs; the directory search term is the commonest word of member names ("${picks.searchTerm}")`,
      ],
    };

    // Where a target is missed on the national dataset, keep the plans that say why.
    if (options.scale === 'national' && !options.quick) {
      for (const r of results) {
        const transactions = captured.get(r.name);
        if (!transactions || r.targets.every((t) => t.pass)) continue;
        const header = `-- ${r.name}: ${r.title}\n-- ${r.request}\n-- missed: ${r.targets.filter((t) => !t.pass).map((t) => `${t.target} (${t.value} ${t.unit})`).join('; ')}`;
        r.explain = await explainScenario(db.appUrl, transactions, join(options.outDir, 'explain'), r.name, header);
      }
    }

    const written = writeResults(options.outDir, result);
    process.stdout.write(`\n${consoleTable(result)}\n\nwritten: ${written.md}, ${written.json}\n`);
    const problems = [
      ...results.flatMap((r) => r.mismatches.map((m) => `${r.name}: ${m}`)),
      ...results.filter((r) => r.api.errors > 0 || (r.api.non2xx ?? 0) > 0).map((r) => `${r.name}: ${r.api.errors} errors and ${r.api.non2xx ?? 0} non-2xx answers`),
      ...results.filter((r) => r.sql && r.sql.errors > 0).map((r) => `${r.name}: ${r.sql?.errors} direct-SQL errors`),
      ...validateResults(written.results),
    ];
    if (problems.length) {
      failed = true;
      process.stderr.write(`\nbench FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    }
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    failed = true;
    process.stderr.write(`bench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (api) process.stderr.write(`the API's log: ${apiLog}\n`);
  } finally {
    if (api) await api.stop();
    await db.stop().catch(() => undefined);
  }
  if (!failed) rmSync(apiLog, { force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 64 : 1);
  },
);
