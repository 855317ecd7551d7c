import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';

/** Everything the API reads from its environment, checked once at start. */
export interface AppConfig {
  port: number;
  /** Connection for the app role (owns no table, no BYPASSRLS). Null: start an embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Connection for the owner role that runs migrations. */
  migrationUrl: string | null;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  /** 32-byte key for authenticated encryption of people's phone and email. */
  encryptionKey: Buffer;
  /** Seed the demo coalition on first start. */
  demoData: boolean;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Where the built admin lives; null serves no admin. */
  adminDir: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Trust X-Forwarded-For from this many proxies (rate limits key on the client address). */
  trustProxy: number;
  /**
   * Alliance admins must turn on two-factor sign-in (TOTP): until they do, they can only reach
   * their own account routes and the enrollment routes.
   */
  requireAdminTotp: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Unidos cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function parseUrl(name: string, raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      problems.push(`${name} must be a postgres:// URL (got protocol "${url.protocol}")`);
      return null;
    }
    return raw;
  } catch {
    problems.push(`${name} is not a valid URL; expected postgres://user:password@host:5432/database`);
    return null;
  }
}

/**
 * Reads the encryption key from UNIDOS_ENCRYPTION_KEY (base64 of 32 bytes). Without one, the
 * embedded default keeps a generated key in the data folder; a deployment with its own database
 * must supply it, because a key kept beside the app is lost with the container.
 */
function loadEncryptionKey(env: Env, dataDir: string, embedded: boolean, problems: string[]): Buffer {
  const raw = env.UNIDOS_ENCRYPTION_KEY;
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) {
      problems.push('UNIDOS_ENCRYPTION_KEY must be 32 bytes in base64 (make one with: openssl rand -base64 32)');
      return Buffer.alloc(32);
    }
    return key;
  }
  if (!embedded) {
    problems.push(
      'UNIDOS_ENCRYPTION_KEY is required with DATABASE_URL: people\'s phones and emails are encrypted with it (make one with: openssl rand -base64 32)',
    );
    return Buffer.alloc(32);
  }
  const file = join(dataDir, 'encryption.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];

  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535 (got "${portRaw}")`);
  }

  const databaseUrl = parseUrl('DATABASE_URL', env.DATABASE_URL, problems);
  const migrationUrl = parseUrl('DATABASE_MIGRATION_URL', env.DATABASE_MIGRATION_URL, problems) ?? databaseUrl;
  if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
    problems.push('DATABASE_MIGRATION_URL is set but DATABASE_URL is not; set both, or neither for the embedded database');
  }

  const dataDirRaw = env.UNIDOS_DATA_DIR || '.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);

  const adminEmail = env.UNIDOS_ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.UNIDOS_ADMIN_PASSWORD || null;
  if (adminEmail && !EMAIL.test(adminEmail)) {
    problems.push(`UNIDOS_ADMIN_EMAIL must be an email address (got "${adminEmail}")`);
  }
  if (adminPassword && !adminEmail) {
    problems.push('UNIDOS_ADMIN_PASSWORD is set without UNIDOS_ADMIN_EMAIL; set both');
  }
  if (adminPassword && adminPassword.length < 12) {
    problems.push('UNIDOS_ADMIN_PASSWORD must have at least 12 characters');
  }

  const embedded = databaseUrl === null;
  const encryptionKey = loadEncryptionKey(env, dataDir, embedded && problems.length === 0, problems);
  const demoData = parseBool('UNIDOS_DEMO_DATA', env.UNIDOS_DEMO_DATA, embedded, problems);
  const secureCookies = parseBool('UNIDOS_SECURE_COOKIES', env.UNIDOS_SECURE_COOKIES, env.NODE_ENV === 'production', problems);
  const requireAdminTotp = parseBool('UNIDOS_REQUIRE_ADMIN_TOTP', env.UNIDOS_REQUIRE_ADMIN_TOTP, true, problems);

  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
  const logLevelRaw = env.LOG_LEVEL ?? 'info';
  const logLevel = (levels as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as AppConfig['logLevel']) : 'info';
  if (logLevel !== logLevelRaw) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')} (got "${logLevelRaw}")`);

  const trustProxyRaw = env.UNIDOS_TRUST_PROXY ?? '0';
  const trustProxy = Number(trustProxyRaw);
  if (!/^\d+$/.test(trustProxyRaw)) problems.push(`UNIDOS_TRUST_PROXY must be a number of proxies (got "${trustProxyRaw}")`);

  const adminDirRaw = env.UNIDOS_ADMIN_DIR ?? resolve(__dirname, '../../../../../admin');
  const adminDir = existsSync(join(adminDirRaw, 'index.html')) ? adminDirRaw : null;

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    databaseUrl,
    migrationUrl,
    dataDir,
    adminEmail,
    adminPassword,
    encryptionKey,
    demoData,
    secureCookies,
    adminDir,
    logLevel,
    trustProxy,
    requireAdminTotp,
  };
}
