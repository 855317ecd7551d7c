import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@api/config/config';
import { runMigrations } from '@api/database/data-source';
import { startEmbeddedDatabase } from '@api/database/embedded';
import { firstRun } from '@api/database/first-run';
import { createLogger } from '@api/common/logging/logger';
import { AuditService } from '@api/modules/audit/audit.service';
import { PeopleService } from '@api/modules/people/people.service';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let appUrl = config.databaseUrl;
  let migrationUrl = config.migrationUrl;
  let stopDatabase: (() => Promise<void>) | null = null;
  if (!appUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir, (msg) => logger.info(msg));
    appUrl = embedded.appUrl;
    migrationUrl = embedded.migrationUrl;
    stopDatabase = embedded.stop;
    logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  const applied = await runMigrations(migrationUrl as string);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

  const app = await createApp(config, { databaseUrl: appUrl, logger });
  await firstRun(app.get(DataSource), config, logger, { people: app.get(PeopleService), audit: app.get(AuditService) });
  await app.listen(config.port, '0.0.0.0');
  logger.info(`Unidos is running on http://localhost:${config.port} (API at /api, docs at /api/docs)`);

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    await app.close();
    if (stopDatabase) await stopDatabase();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const err = error as { message?: string; code?: string };
  process.stderr.write(`Unidos failed to start: ${err.message ?? String(error)}\n`);
  if (err.code === 'ECONNREFUSED') {
    process.stderr.write('The database does not answer at DATABASE_URL / DATABASE_MIGRATION_URL. Is PostgreSQL running?\n');
  } else if (err.code === '28P01' || err.code === '28000') {
    process.stderr.write('The database refused the user or password in DATABASE_URL / DATABASE_MIGRATION_URL.\n');
  } else if (err.code === '3D000') {
    process.stderr.write('The database named in DATABASE_URL does not exist; create it first (see README, "Your own PostgreSQL").\n');
  }
  process.exit(1);
});
