import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '@api/config/config';
import { startEmbeddedDatabase } from '@api/database/embedded';
import { SCALES, type ScaleName } from './scale-plan';
import { SCALE_ADMIN_EMAIL } from './scale-rows';
import { type Progress, SeedRefusedError, seedScale } from './scale-load';

const USAGE = `usage: npm run seed -- --scale small|national|test [--seed N] [--today YYYY-MM-DD] [--reset] [--keep-indexes]

Fills the database Unidos is configured for (DATABASE_MIGRATION_URL, or the embedded PostgreSQL in
the data folder, as npm start uses it) with a coalition of the given scale. Users sign in with
UNIDOS_SEED_PASSWORD (or a generated password, printed once).
`;

interface Args {
  scale: ScaleName;
  seed: number;
  today: string;
  reset: boolean;
  deferIndexes: boolean;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      reset: { type: 'boolean', default: false },
      'keep-indexes': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const problems: string[] = [];
  if (!values.scale || !(values.scale in SCALES)) problems.push(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (!/^\d{1,9}$/.test(values.seed)) problems.push('--seed must be a whole number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today))) problems.push('--today must be a date like 2026-05-01');
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n\n${USAGE}`);
    process.exit(2);
  }
  return {
    scale: values.scale as ScaleName,
    seed: Number(values.seed),
    today: values.today,
    reset: values.reset,
    deferIndexes: !values['keep-indexes'],
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A bar per table on a terminal; in CI (no TTY) a plain line every few seconds. */
function makeProgress(): Progress {
  if (process.stdout.isTTY) {
    let bar: SingleBar | null = null;
    let label = '';
    let started = 0;
    let value = 0;
    return {
      start(l, total) {
        label = l;
        started = Date.now();
        value = 0;
        bar = new SingleBar(
          { format: '{label} [{bar}] {percentage}% | {value}/{total} | {speed} rows/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 50 },
          Presets.shades_classic,
        );
        bar.start(total, 0, { label: label.padEnd(16), speed: '0' });
      },
      tick(rows) {
        value += rows;
        bar?.update(value, { speed: fmt(Math.round(value / Math.max(0.001, (Date.now() - started) / 1000))) });
      },
      done() {
        bar?.stop();
        bar = null;
        process.stdout.write(`${label}: ${fmt(value)} in ${seconds(Date.now() - started)}\n`);
      },
    };
  }
  let label = '';
  let total = 0;
  let value = 0;
  let started = 0;
  let lastLine = 0;
  const say = (final: boolean) => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = value / Math.max(0.001, elapsed);
    const eta = final ? '' : `, ETA ${Math.round((total - value) / Math.max(1, rate))} s`;
    process.stdout.write(`${label}: ${fmt(value)}/${fmt(total)} (${fmt(Math.round(rate))} rows/s${eta})${final ? ` in ${seconds(elapsed * 1000)}` : ''}\n`);
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      value = 0;
      started = Date.now();
      lastLine = started;
    },
    tick(rows) {
      value += rows;
      if (Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        say(false);
      }
    },
    done() {
      say(true);
    },
  };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  let config;
  try {
    // As npm start reads it; an owner URL alone is enough here (the key is still required with it).
    const env = { ...process.env };
    if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) env.DATABASE_URL = env.DATABASE_MIGRATION_URL;
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const started = Date.now();
  let migrationUrl = config.migrationUrl;
  let stop: (() => Promise<void>) | null = null;
  if (!config.databaseUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir, (msg) => process.stdout.write(`${msg}\n`));
    migrationUrl = embedded.migrationUrl;
    stop = embedded.stop;
  }
  const password = process.env.UNIDOS_SEED_PASSWORD || randomBytes(12).toString('base64url');
  const counts = SCALES[args.scale];
  process.stdout.write(
    `Seeding the "${args.scale}" scale (seed ${args.seed}, dates around ${args.today}): ${fmt(counts.organizations)} organizations, ${fmt(counts.people)} people, ${fmt(counts.pledges)} pledges, ${fmt(counts.reports)} reports, ${fmt(counts.events)} events, ${fmt(counts.rsvps)} RSVPs\n`,
  );
  try {
    const result = await seedScale({
      migrationUrl: migrationUrl as string,
      encryptionKey: config.encryptionKey,
      scale: args.scale,
      seed: args.seed,
      today: args.today,
      reset: args.reset,
      password,
      deferIndexes: args.deferIndexes,
      progress: makeProgress(),
    });
    process.stdout.write('\nTime per step:\n');
    for (const [label, ms] of result.timings) process.stdout.write(`  ${label.padEnd(32)} ${seconds(ms).padStart(9)}\n`);
    process.stdout.write(`Total: ${seconds(Date.now() - started)}\n\n`);
    process.stdout.write(
      `Sign in as ${SCALE_ADMIN_EMAIL} (alliance admin), organizer@scale.unidos.local, coordinator@scale.unidos.local (largest organization), coordinator-2..5@scale.unidos.local, coordinator-median@scale.unidos.local or viewer@scale.unidos.local\n`,
    );
    process.stdout.write(
      process.env.UNIDOS_SEED_PASSWORD
        ? 'with the password in UNIDOS_SEED_PASSWORD.\n'
        : `with the password ${password}   (generated: note it now, it is not shown again)\n`,
    );
  } catch (error) {
    if (error instanceof SeedRefusedError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    if (stop) await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
