import { Injectable, Logger, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

/** The schema and queue migration 1795310000000-csv-imports created (as the owner). */
export const IMPORT_QUEUE_SCHEMA = 'pgboss';
export const IMPORT_QUEUE = 'csv-import';

/** What a queued import carries: ids only, never data from the file. */
export interface ImportJobData {
  importId: string;
  organizationId: string | null;
  userId: string;
  role: string;
  requestId: string | null;
}

/** The advisory lock an import holds for its whole transaction: one run of one file at a time. */
export const importLockKey = (importId: string): string => `csv-import:${importId}`;

/**
 * The pg-boss queue on the app's own connection pool. The schema and the queue were made by the
 * owner role in a migration, so pg-boss starts with `migrate: false` (it only checks the schema
 * version) and without its cron scheduler (which would create a queue: DDL the app role may not run).
 */
@Injectable()
export class ImportQueue implements OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('ImportQueue');
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** Starts pg-boss once (lazily: an app that never imports never polls). */
  start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const pool = this.pool();
      const boss = new PgBoss({
        db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
        schema: IMPORT_QUEUE_SCHEMA,
        migrate: false,
        schedule: false,
        supervise: true,
        maintenanceIntervalSeconds: 60,
      });
      boss.on('error', (error: Error & { code?: string }) => this.logger.error({ error: error.name, pgCode: error.code }, 'queue error'));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  /** Queues a job in the caller's transaction: it exists if and only if that transaction commits. */
  async enqueue(m: EntityManager, data: ImportJobData): Promise<string | null> {
    const boss = await this.start();
    const db = {
      executeSql: async (text: string, values?: unknown[]) => {
        const result = (await m.queryRunner!.query(text, values, true)) as { records: unknown[] };
        return { rows: result.records };
      },
    };
    return boss.send(IMPORT_QUEUE, data as unknown as object, { db } as PgBoss.SendOptions);
  }

  async work(handler: (job: PgBoss.JobWithMetadata<ImportJobData>) => Promise<void>): Promise<string> {
    const boss = await this.start();
    return boss.work<ImportJobData>(IMPORT_QUEUE, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      await handler(job);
    });
  }

  async notify(workerId: string): Promise<void> {
    (await this.start()).notifyWorker(workerId);
  }

  async fail(jobId: string, message: string): Promise<void> {
    await (await this.start()).fail(IMPORT_QUEUE, jobId, { message });
  }

  async getJob(jobId: string): Promise<PgBoss.JobWithMetadata<ImportJobData> | null> {
    return (await this.start()).getJobById<ImportJobData>(IMPORT_QUEUE, jobId);
  }

  /** Jobs pg-boss believes are running (for the worker's look at dead ones). */
  async active(olderThanSeconds: number): Promise<{ id: string; data: ImportJobData }[]> {
    const { rows } = await this.pool().query<{ id: string; data: ImportJobData }>(
      `SELECT id, data FROM ${IMPORT_QUEUE_SCHEMA}.job
        WHERE name = $1 AND state = 'active' AND started_on < now() - make_interval(secs => $2)`,
      [IMPORT_QUEUE, olderThanSeconds],
    );
    return rows;
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    // Not graceful: a running import is one transaction, which rolls back; the job is retried.
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.onModuleDestroy();
  }
}
