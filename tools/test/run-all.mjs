#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Prints one line per stage and a
// closing "N passed, N failed" line. Exits non-zero if anything failed.
//
//   lint → typecheck → unit + integration (jest, real PostgreSQL) → build → bench (quick) → docker compose config
//   → browser journeys (Playwright + system Chromium; skipped loudly when no Chromium is found)
//
// Environment: TEST_DATABASE_URL uses a running PostgreSQL (superuser URL) instead of the
// embedded one; CHROMIUM_PATH points at a Chromium; UNIDOS_TEST_ONLY=lint,jest,… runs some stages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Jest writes its JSON summary there; a fresh clone does not have the folder yet.
mkdirSync('test-output', { recursive: true });

const only = process.env.UNIDOS_TEST_ONLY?.split(',').map((s) => s.trim());
const results = [];
let passedTests = 0;
let failedTests = 0;

function run(name, command, args, { parseJest = false, env = {} } = {}) {
  if (only && !only.includes(name)) return true;
  const started = Date.now();
  process.stdout.write(`\n━━ ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok, seconds });
  if (parseJest && existsSync(parseJest)) {
    const summary = JSON.parse(readFileSync(parseJest, 'utf8'));
    passedTests += summary.numPassedTests;
    failedTests += summary.numFailedTests;
  } else if (!ok) {
    failedTests += 1;
  }
  return ok;
}

function findChromium() {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

const npx = 'npx';
let ok = true;
ok = run('lint', npx, ['eslint', '--max-warnings=0', '.']) && ok;
ok =
  run('typecheck', npx, ['nx', 'run-many', '-t', 'typecheck', '--output-style=stream', '--skip-nx-cache']) && ok;
ok =
  run('jest', npx, ['jest', '--ci', '--json', '--outputFile=test-output/jest.json', '--testLocationInResults'], {
    parseJest: 'test-output/jest.json',
  }) && ok;
ok = run('build', 'npm', ['run', 'build', '--silent']) && ok;

if (!only || only.includes('bench')) {
  // The benchmark's quick mode, so it cannot rot: every scenario once against the built API on the
  // "small" dataset, each API answer checked against the same SQL run directly; it fails on any
  // error, non-2xx, disagreement or malformed output. Figures go to test-output/bench/, never bench/.
  const dataDir = mkdtempSync(join(tmpdir(), 'unidos-bench-'));
  const env = { DATABASE_URL: '', DATABASE_MIGRATION_URL: '', BENCH_SUPERUSER_URL: process.env.TEST_DATABASE_URL ?? '' };
  ok = run('bench', 'node', ['dist/apps/api/tools/bench/bench.js', '--quick', '--scale', 'small', '--data-dir', dataDir], { env }) && ok;
  rmSync(dataDir, { recursive: true, force: true });
}

if (!only || only.includes('docker')) {
  // `docker compose` (v2) where it is installed, else Debian's docker-compose (v1, which .ci/run installs).
  const env = { UNIDOS_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=' };
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) {
    ok = run('docker', 'docker', ['compose', '-f', 'docker/compose.yaml', 'config', '--quiet'], { env }) && ok;
  } else if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) {
    ok = run('docker', 'docker-compose', ['-f', 'docker/compose.yaml', 'config', '--quiet'], { env }) && ok;
  } else {
    process.stdout.write('\n!! neither docker compose nor docker-compose is installed: docker/compose.yaml was not checked.\n');
  }
}

if (!only || only.includes('e2e')) {
  const chromium = findChromium();
  if (chromium) {
    ok =
      run('e2e', npx, ['jest', '-c', 'apps/e2e/jest.config.cjs', '--ci', '--json', '--outputFile=test-output/e2e.json'], {
        parseJest: 'test-output/e2e.json',
        env: { CHROMIUM_PATH: chromium },
      }) && ok;
  } else {
    process.stdout.write(
      '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        '!! BROWSER JOURNEYS SKIPPED: no Chromium found (set CHROMIUM_PATH, or      !!\n' +
        '!! apt-get install chromium). The admin was NOT tested in a browser.      !!\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
    );
  }
}

process.stdout.write('\n━━ summary\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(10)} ${r.seconds}s\n`);
process.stdout.write(`tests: ${passedTests} passed, ${failedTests} failed\n`);
process.exit(ok ? 0 : 1);
