import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TableCount } from './database';
import type { LoadFigures } from './load';
import type { Machine } from './machine';
import type { Scale } from './options';
import type { ScenarioKind, Who } from './scenarios';

export interface TargetResult {
  target: string;
  value: number;
  unit: string;
  pass: boolean;
}

export interface ScenarioResult {
  name: string;
  title: string;
  kind: ScenarioKind;
  who: Who;
  /** Concurrent connections used (sign-in uses fewer). */
  connections: number;
  request: string;
  api: LoadFigures;
  sql: LoadFigures | null;
  /** API requests/s ÷ direct-SQL iterations/s. */
  ratio: number | null;
  /** Statements one request runs (the captured SQL), for the reader. */
  statements: number | null;
  targets: TargetResult[];
  /** Quick mode: differences between the API's and the direct SQL's answers. */
  mismatches: string[];
  /** The API's peak resident memory while this scenario ran. */
  peakRssMb?: number;
  explain?: string;
}

export interface ImportResult {
  rows: number;
  importSeconds?: number;
  importRowsPerSecond?: number;
  /** The API's peak resident memory during the import. */
  peakRssMb?: number;
  /** The preview (validation of every row, shown to a person before running): timed apart. */
  previewSeconds?: number;
  copySeconds?: number;
  copyRowsPerSecond?: number;
  targets: TargetResult[];
  skipped?: string;
}

export interface ScaleResult {
  scale: Scale;
  quick: boolean;
  date: string;
  machine: Machine;
  dataset: { source: string; counts: TableCount[] };
  settings: { connections: number; duration: number; apiDbPool: number; logLevel: string };
  scenarios: ScenarioResult[];
  memory: { peakRssMb: number; vmHwmMb: number; samples: number; targets: TargetResult[] };
  import: ImportResult;
  notes: string[];
}

export interface Results {
  generatedAt: string;
  scales: Partial<Record<Scale, ScaleResult>>;
}

export const TARGETS = {
  listP99Ms: 50,
  listRatio: 0.5,
  progressP95Ms: 20,
  dashboardP95Ms: 100,
  rssMb: 300,
  importRowsPerSecond: 20_000,
};

export function scenarioTargets(kind: ScenarioKind, api: LoadFigures, ratio: number | null): TargetResult[] {
  switch (kind) {
    case 'list':
    case 'show': {
      const out: TargetResult[] = [{ target: `p99 < ${TARGETS.listP99Ms} ms`, value: api.p99, unit: 'ms', pass: api.p99 < TARGETS.listP99Ms }];
      if (ratio !== null) out.push({ target: `≥ ${TARGETS.listRatio * 100}% of direct SQL`, value: Math.round(ratio * 1000) / 10, unit: '%', pass: ratio >= TARGETS.listRatio });
      return out;
    }
    case 'progress':
      return [{ target: `p95 < ${TARGETS.progressP95Ms} ms`, value: api.p95, unit: 'ms', pass: api.p95 < TARGETS.progressP95Ms }];
    case 'dashboard':
      return [{ target: `p95 < ${TARGETS.dashboardP95Ms} ms`, value: api.p95, unit: 'ms', pass: api.p95 < TARGETS.dashboardP95Ms }];
    case 'login':
      return [];
  }
}

export function readResults(file: string): Results {
  if (!existsSync(file)) return { generatedAt: new Date().toISOString(), scales: {} };
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    return { generatedAt: new Date().toISOString(), scales: {} };
  }
}

/** Problems with the shape of results.json (the npm test stage fails on any). */
export function validateResults(results: Results): string[] {
  const problems: string[] = [];
  const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  for (const [scale, r] of Object.entries(results.scales)) {
    if (!r) continue;
    if (!r.machine?.cpu || !isNum(r.machine.cores)) problems.push(`${scale}: machine is incomplete`);
    if (!Array.isArray(r.dataset?.counts) || r.dataset.counts.length === 0) problems.push(`${scale}: dataset counts are missing`);
    if (!Array.isArray(r.scenarios) || r.scenarios.length === 0) problems.push(`${scale}: no scenarios`);
    for (const s of r.scenarios ?? []) {
      for (const f of ['rps', 'p50', 'p95', 'p99'] as const) {
        if (!isNum(s.api?.[f])) problems.push(`${scale}/${s.name}: api.${f} is not a number`);
        if (s.sql && !isNum(s.sql[f])) problems.push(`${scale}/${s.name}: sql.${f} is not a number`);
      }
      // A measured run may be too slow to finish a request (recorded as a floor); a quick check may not.
      if (!s.api || (s.api.requests === 0 && (r.quick || !s.api.incomplete))) problems.push(`${scale}/${s.name}: no request completed`);
      if (!Array.isArray(s.targets)) problems.push(`${scale}/${s.name}: targets missing`);
    }
    if (!isNum(r.memory?.peakRssMb) || r.memory.peakRssMb <= 0) problems.push(`${scale}: API memory was not sampled`);
  }
  return problems;
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const mark = (t: TargetResult[]) => (t.length === 0 ? 'n/a' : t.every((x) => x.pass) ? 'pass' : 'MISS');

/** The console table of one run. */
export function consoleTable(r: ScaleResult): string {
  const head = ['scenario', 'API req/s', 'p50', 'p95', 'p99', 'non2xx+err', 'SQL req/s', 'SQL p50', 'SQL p99', 'API÷SQL', 'targets'];
  const rows = r.scenarios.map((s) => [
    s.name,
    fmt(s.api.rps),
    fmt(s.api.p50, 2),
    fmt(s.api.p95, 2),
    fmt(s.api.p99, 2),
    String((s.api.non2xx ?? 0) + s.api.errors),
    fmt(s.sql?.rps),
    fmt(s.sql?.p50, 2),
    fmt(s.sql?.p99, 2),
    pct(s.ratio),
    mark(s.targets) + (s.mismatches.length ? ' DISAGREES' : ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push(`API peak RSS ${fmt(r.memory.peakRssMb)} MB (VmHWM ${fmt(r.memory.vmHwmMb)} MB): ${mark(r.memory.targets)}`);
  if (r.import.skipped) out.push(`CSV import: skipped (${r.import.skipped})`);
  else out.push(`CSV import of ${fmt(r.import.rows, 0)} people: ${fmt(r.import.importRowsPerSecond, 0)} rows/s; plain COPY ${fmt(r.import.copyRowsPerSecond, 0)} rows/s: ${mark(r.import.targets)}`);
  return out.join('\n');
}

function scenarioTable(r: ScaleResult, outDir: string): string[] {
  const lines = [
    '| scenario | API req/s | p50 ms | p95 ms | p99 ms | SQL req/s | SQL p50 | SQL p95 | SQL p99 | API ÷ SQL | statements | API RSS MB | targets |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const s of r.scenarios) {
    const targets = s.targets.length
      ? s.targets.map((t) => `${t.pass ? '✅' : '❌'} ${t.target} (${fmt(t.value, 2)}${t.unit === '%' ? '%' : ` ${t.unit}`})`).join('<br>')
      : 'excluded';
    const explain = s.explain ? ` [EXPLAIN](${relative(outDir, s.explain)})` : '';
    const floor = s.api.incomplete ? ' (none finished: ≥ the run)' : '';
    lines.push(
      `| \`${s.name}\` | ${fmt(s.api.rps)} | ${fmt(s.api.p50, 2)} | ${fmt(s.api.p95, 2)} | ${fmt(s.api.p99, 2)} | ${fmt(s.sql?.rps)} | ${fmt(s.sql?.p50, 2)} | ${fmt(s.sql?.p95, 2)} | ${fmt(s.sql?.p99, 2)} | ${pct(s.ratio)} | ${s.statements ?? '—'} | ${fmt(s.peakRssMb)} | ${targets}${explain}${floor} |`,
    );
  }
  return lines;
}

function growth(a: number | undefined, b: number | undefined): string {
  if (!a || !b) return '—';
  const f = b / a;
  return `×${f < 10 ? f.toFixed(2) : f.toFixed(0)}`;
}

/** A compact table of both scales (RESULTS.md starts with it; the README quotes it). */
export function renderSummary(results: Results): string {
  const scales = (['small', 'national'] as const).map((s) => results.scales[s]).filter((r): r is ScaleResult => !!r);
  const head = scales.map((r) => `${r.scale}: p95 / p99 ms | ${r.scale}: req/s (API ÷ SQL) | ${r.scale}: targets`).join(' | ');
  const lines = [`| scenario | ${head} |`, `| --- |${scales.map(() => ' ---: | ---: | --- |').join('')}`];
  const names = [...new Set(scales.flatMap((r) => r.scenarios.map((s) => s.name)))];
  for (const name of names) {
    const cells = scales.map((r) => {
      const s = r.scenarios.find((x) => x.name === name);
      if (!s) return '— | — | —';
      return `${fmt(s.api.p95, 1)} / ${fmt(s.api.p99, 1)} | ${fmt(s.api.rps, 0)} (${pct(s.ratio)}) | ${s.targets.length ? s.targets.map((t) => (t.pass ? '✅' : '❌')).join(' ') : 'n/a'}`;
    });
    lines.push(`| \`${name}\` | ${cells.join(' | ')} |`);
  }
  lines.push(`| API peak RSS | ${scales.map((r) => `${fmt(r.memory.peakRssMb)} MB | | ${mark(r.memory.targets) === 'pass' ? '✅' : '❌'}`).join(' | ')} |`);
  lines.push(
    `| CSV import (rows/s; COPY) | ${scales
      .map((r) => (r.import.skipped ? '— | | n/a' : `${fmt(r.import.importRowsPerSecond, 0)} | COPY ${fmt(r.import.copyRowsPerSecond, 0)} | ${mark(r.import.targets) === 'pass' ? '✅' : '❌'}`))
      .join(' | ')} |`,
  );
  return lines.join('\n');
}

/** RESULTS.md: every figure of every recorded scale, and how they grow from small to national. */
export function renderMarkdown(results: Results, outDir: string): string {
  const scales = (['small', 'national'] as const).map((s) => results.scales[s]).filter((r): r is ScaleResult => !!r);
  const md: string[] = ['# Benchmark results', ''];
  md.push(
    'Written by `npm run bench` (see the README, "Benchmark"). Each scenario is a request people make most, sent by',
    'autocannon to the built API (NODE_ENV=production) for the run time at the given concurrency; then the **same SQL**',
    "— the statements the API's services run, captured from TypeORM with their parameters, inside the same",
    'transaction with the same `set_config(app.org_id/app.user_id/app.role)` so row-level security costs the same —',
    'is run straight through `pg` by as many clients for as long. "API ÷ SQL" compares their throughput. Latencies are',
    'nearest-rank percentiles of every request; sign-in uses at most 4 connections (argon2 runs on 4 threads; more would only queue). "statements" counts what one request sends, BEGIN, set_config and COMMIT included. Sign-in is argon2id on purpose (≈ tens of ms of CPU each) and has no latency target.',
    '',
  );
  md.push('## Summary', '', renderSummary(results), '');
  for (const r of scales) {
    md.push(`## ${r.scale}${r.quick ? ' (quick check, not a measurement)' : ''}`, '');
    md.push(`- date: ${r.date}`);
    md.push(`- machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.ramGb} GB RAM; ${r.machine.os}; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}`);
    md.push(`- database: ${r.dataset.source}`);
    md.push(`- load: ${r.settings.connections} connections (and as many direct-SQL clients), ${r.settings.duration} s per side and scenario; API pool ${r.settings.apiDbPool} connections; request log at ${r.settings.logLevel} to a file`);
    for (const n of r.notes) md.push(`- ${n}`);
    md.push('', ...scenarioTable(r, outDir), '');
    md.push(`API memory: peak RSS **${fmt(r.memory.peakRssMb)} MB**, VmHWM ${fmt(r.memory.vmHwmMb)} MB (${r.memory.samples} samples, every 100 ms over all scenarios and the import; per scenario in the table) — ${r.memory.targets.map((t) => `${t.pass ? '✅' : '❌'} ${t.target}`).join(', ')}`, '');
    if (r.import.skipped) md.push(`CSV import: not measured (${r.import.skipped}).`, '');
    else
      md.push(
        `CSV import of a ${fmt(r.import.rows, 0)}-row people file (upload, validation, de-duplication, background job): **${fmt(r.import.importRowsPerSecond, 0)} rows/s** (${fmt(r.import.importSeconds, 2)} s from upload to done; the preview took ${fmt(r.import.previewSeconds, 2)} s more; API peak RSS meanwhile ${fmt(r.import.peakRssMb)} MB); a plain \`COPY\` of the same file into a temporary table: ${fmt(r.import.copyRowsPerSecond, 0)} rows/s (${fmt(r.import.copySeconds, 2)} s) — ${r.import.targets.map((t) => `${t.pass ? '✅' : '❌'} ${t.target}`).join(', ')}`,
        '',
      );
  }
  const [small, national] = [results.scales.small, results.scales.national];
  if (small && national) {
    const count = (r: ScaleResult, t: string) => r.dataset.counts.find((c) => c.table === t)?.rows;
    md.push('## Small → national', '');
    md.push('| table | small | national | growth |', '| --- | ---: | ---: | ---: |');
    for (const c of national.dataset.counts) {
      md.push(`| ${c.table}${c.estimated ? ' (≈)' : ''} | ${fmt(count(small, c.table), 0)} | ${fmt(c.rows, 0)} | ${growth(count(small, c.table), c.rows)} |`);
    }
    md.push('', 'Nothing may grow linearly with the data (people ×' + growth(count(small, 'person'), count(national, 'person')).slice(1) + '): a latency that grows by ×10 or more is flagged.', '');
    md.push('| scenario | p50 small | p50 national | growth | p99 small | p99 national | growth | req/s small | req/s national | growth |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const n of national.scenarios) {
      const s = small.scenarios.find((x) => x.name === n.name);
      const flag = s && n.api.p50 / s.api.p50 >= 10 ? ' ⚠' : '';
      md.push(
        `| \`${n.name}\` | ${fmt(s?.api.p50, 2)} | ${fmt(n.api.p50, 2)} | ${growth(s?.api.p50, n.api.p50)}${flag} | ${fmt(s?.api.p99, 2)} | ${fmt(n.api.p99, 2)} | ${growth(s?.api.p99, n.api.p99)} | ${fmt(s?.api.rps)} | ${fmt(n.api.rps)} | ${growth(s?.api.rps, n.api.rps)} |`,
      );
    }
    md.push(`| API peak RSS (MB) | ${fmt(small.memory.peakRssMb)} | ${fmt(national.memory.peakRssMb)} | ${growth(small.memory.peakRssMb, national.memory.peakRssMb)} | | | | | | |`, '');
  }
  md.push('## Targets', '');
  md.push('| target | ' + scales.map((r) => r.scale).join(' | ') + ' |', '| --- |' + scales.map(() => ' --- |').join(''));
  const names = [...new Set(scales.flatMap((r) => r.scenarios.flatMap((s) => s.targets.map((t) => `${s.name}: ${t.target}`))))];
  for (const name of names) {
    const cells = scales.map((r) => {
      const [scenario, target] = [name.slice(0, name.indexOf(': ')), name.slice(name.indexOf(': ') + 2)];
      const t = r.scenarios.find((s) => s.name === scenario)?.targets.find((x) => x.target === target);
      return t ? `${t.pass ? '✅' : '❌'} ${fmt(t.value, 2)}${t.unit === '%' ? '%' : ` ${t.unit}`}` : '—';
    });
    md.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  const global = (pickT: (r: ScaleResult) => TargetResult[], label: string) =>
    md.push(`| ${label} | ${scales.map((r) => pickT(r).map((t) => `${t.pass ? '✅' : '❌'} ${fmt(t.value, 0)} ${t.unit}`).join(' ') || '—').join(' | ')} |`);
  global((r) => r.memory.targets, `API RSS < ${TARGETS.rssMb} MB`);
  global((r) => r.import.targets, `CSV import ≥ ${TARGETS.importRowsPerSecond.toLocaleString('en-US')} rows/s`);
  md.push('');
  return md.join('\n');
}

export function writeResults(outDir: string, result: ScaleResult): { json: string; md: string; results: Results } {
  mkdirSync(outDir, { recursive: true });
  const jsonFile = join(outDir, 'results.json');
  const results = readResults(jsonFile);
  // Keep the other scale's figures, so both show side by side.
  results.scales[result.scale] = result;
  results.generatedAt = new Date().toISOString();
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  const mdFile = join(outDir, 'RESULTS.md');
  writeFileSync(mdFile, renderMarkdown(results, outDir));
  return { json: jsonFile, md: mdFile, results };
}
