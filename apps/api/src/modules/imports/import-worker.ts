import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportExecutor } from './import-executor';
import { ImportQueue, importLockKey } from './import-queue';

/** How often a worker looks for imports whose process died (their lock is free while pg-boss says "active"). */
const RESCUE_EVERY_MS = 30_000;

/**
 * One import at a time per API process. `UNIDOS_IMPORT_WORKER=0` turns the worker off in a process
 * (it still queues imports for other processes to run).
 *
 * A process killed mid-import leaves its pg-boss job "active" until it expires (an hour). Because
 * the import transaction holds an advisory lock for its whole life, and PostgreSQL drops a dead
 * client's transaction and lock at once, a free lock on an "active" job means nobody runs it: the
 * worker marks it failed, and pg-boss retries it — at start-up and every 30 s. Retrying a job that
 * is in fact still running is harmless: the retry waits on the lock, then finds the import done.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ImportWorker');
  private workerId: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: ImportQueue,
    private readonly executor: ImportExecutor,
    private readonly dataSource: DataSource,
  ) {}

  static enabled(): boolean {
    return process.env.UNIDOS_IMPORT_WORKER !== '0';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!ImportWorker.enabled()) return;
    await this.rescue();
    this.workerId = await this.queue.work(async (job) => {
      await this.executor.execute(job.data, job.retryCount >= job.retryLimit);
    });
    this.timer = setInterval(() => void this.rescue().catch(() => undefined), RESCUE_EVERY_MS);
    this.timer.unref();
  }

  /** Wakes this process's worker now (after queueing in this process) instead of at its next poll. */
  async wake(): Promise<void> {
    if (this.workerId) await this.queue.notify(this.workerId);
  }

  private async rescue(): Promise<void> {
    for (const job of await this.queue.active(1)) {
      const free = await this.dataSource.transaction(async (m) => {
        const [row] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS free`, [
          importLockKey(job.data.importId),
        ])) as { free: boolean }[];
        return row.free;
      });
      if (!free) continue;
      this.logger.warn(`import ${job.data.importId} was interrupted (its process stopped): retrying`);
      await this.queue.fail(job.id, 'the process running the import stopped');
      const after = await this.queue.getJob(job.id);
      if (after?.state === 'failed') {
        const ctx = { organizationId: job.data.organizationId, userId: job.data.userId, role: job.data.role };
        await this.executor.finishFailed(ctx, job.data, 'import.failed', [], 0);
      }
    }
    await this.wake();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
