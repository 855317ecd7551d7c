import { resolve } from 'node:path';

export type Scale = 'small' | 'national';

export interface BenchOptions {
  scale: Scale;
  /** A short run that checks every scenario (and the API against direct SQL) instead of measuring. */
  quick: boolean;
  /** Seconds of load per scenario and side (API, direct SQL). */
  duration: number;
  /** Concurrent HTTP connections, and direct-SQL clients. */
  connections: number;
  /** Where RESULTS.md, results.json and explain/ go. */
  outDir: string;
  /** The embedded PostgreSQL's folder (when no DATABASE_URL is given). */
  dataDir: string;
  /** Scenario names to run (all when empty). */
  only: string[];
  /** Leave out the CSV import measurement. */
  skipImport: boolean;
  /** Rows of the people file for the import measurement. */
  importRows: number;
}

const USAGE = `usage: npm run bench -- [--scale small|national] [--quick] [--duration S] [--connections N]
                          [--only name,name] [--skip-import] [--import-rows N] [--out DIR] [--data-dir DIR]`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

function positive(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!raw || !Number.isFinite(n) || n <= 0) throw new UsageError(`${name} needs a positive number (got "${raw ?? ''}")`);
  return n;
}

export function parseOptions(argv: string[], cwd = process.cwd()): BenchOptions {
  let scale: Scale = 'small';
  let quick = false;
  let duration: number | null = null;
  let connections: number | null = null;
  let outDir: string | null = null;
  let dataDir: string | null = null;
  let only: string[] = [];
  let skipImport = false;
  let importRows: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--scale': {
        const v = value();
        if (v !== 'small' && v !== 'national') throw new UsageError(`--scale is small or national (got "${v ?? ''}")`);
        scale = v;
        break;
      }
      case '--quick':
        quick = true;
        break;
      case '--duration':
        duration = positive('--duration', value());
        break;
      case '--connections':
        connections = Math.round(positive('--connections', value()));
        break;
      case '--out':
        outDir = value() ?? null;
        break;
      case '--data-dir':
        dataDir = value() ?? null;
        break;
      case '--only':
        only = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--skip-import':
        skipImport = true;
        break;
      case '--import-rows':
        importRows = Math.round(positive('--import-rows', value()));
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  return {
    scale,
    quick,
    duration: duration ?? (quick ? 1 : 10),
    connections: connections ?? (quick ? 8 : 32),
    // A quick run checks; it never overwrites the recorded figures.
    outDir: resolve(cwd, outDir ?? (quick ? 'test-output/bench' : 'bench')),
    dataDir: resolve(cwd, dataDir ?? `.data/bench-${scale}`),
    only,
    skipImport,
    importRows: importRows ?? (quick ? 2_000 : 100_000),
  };
}
