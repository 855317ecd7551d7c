import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '@api/database/embedded';
import type { BenchDatabase } from './database';

export interface ApiSettings {
  /** Database connections per API process (UNIDOS_DB_POOL). */
  pool: number;
  logFile: string;
}

/** Settings the API runs with during the bench: production, with the limits a load test would trip lifted. */
export function apiEnvironment(db: BenchDatabase, port: number, settings: ApiSettings): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATION_URL: db.ownerUrl,
    UNIDOS_ENCRYPTION_KEY: db.encryptionKey,
    UNIDOS_DEMO_DATA: 'false',
    UNIDOS_REQUIRE_ADMIN_TOTP: 'false',
    // One client address sends every request: the per-client limits would answer 429.
    UNIDOS_LOGIN_RATE_LIMIT: '100000000',
    UNIDOS_PUBLIC_RATE_LIMIT: '100000000',
    UNIDOS_RETENTION_INTERVAL_MS: '0',
    UNIDOS_DB_POOL: String(settings.pool),
    LOG_LEVEL: 'info',
  };
}

/** Resident memory of a process, sampled from /proc every 100 ms. */
export class MemorySampler {
  peakRssKb = 0;
  hwmKb = 0;
  /** Peak since the last takeSectionPeak(), to tell which scenario needed the memory. */
  sectionPeakKb = 0;
  samples = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pid: number) {}

  private read(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.peakRssKb = Math.max(this.peakRssKb, rss);
      this.sectionPeakKb = Math.max(this.sectionPeakKb, rss);
      this.hwmKb = Math.max(this.hwmKb, hwm);
      this.samples++;
    } catch {
      // The process has ended; keep the last figures.
    }
  }

  start(): void {
    this.read();
    this.timer = setInterval(() => this.read(), 100);
    this.timer.unref();
  }

  takeSectionPeak(): number {
    this.read();
    const peak = this.sectionPeakKb;
    this.sectionPeakKb = 0;
    return peak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.read();
  }
}

export class ApiProcess {
  private exited: string | null = null;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly logFile: string,
  ) {
    child.on('exit', (code, signal) => (this.exited = `exited with ${signal ?? code}`));
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Starts the BUILT API (dist/…/main.js) as its own process and waits for /api/health. */
  static async start(db: BenchDatabase, settings: ApiSettings): Promise<ApiProcess> {
    const main = resolve(__dirname, '../../apps/api/src/main.js');
    if (!existsSync(main)) throw new Error(`the API is not built (${main}); run npm run build`);
    const port = await freePort();
    const log = openSync(settings.logFile, 'w');
    const child = spawn(process.execPath, [main], { env: apiEnvironment(db, port, settings), stdio: ['ignore', log, log] });
    closeSync(log);
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`, settings.logFile);
    await api.waitHealthy(120_000);
    return api;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.exited) throw new Error(`the API ${this.exited} before answering; see ${this.logFile}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/health`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the API did not answer /api/health within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  /** Signs in and returns the session cookie. */
  async login(email: string, password: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('unidos_session='));
    if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
    return cookie.split(';')[0];
  }

  assertAlive(): void {
    if (this.exited) throw new Error(`the API ${this.exited}; see ${this.logFile}`);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
  }
}
