import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { TenantTransaction, type TenantContext } from '@api/common/database/tenant-transaction';
import type { MessageKey } from '@api/common/i18n/messages';
import { AuditService } from '@api/modules/audit/audit.service';
import { UnreadableCsv } from './csv-file';
import { ImportFileEntity } from './entities/import-file.entity';
import { ImportJobEntity } from './entities/import-job.entity';
import { analyze } from './import-analysis';
import { type ImportJobData, importLockKey } from './import-queue';
import { ImportKinds } from './import-kinds';

/** The file was refused when it ran (the database changed since the preview): final, no retry. */
class Refused extends Error {
  constructor(readonly key: MessageKey, readonly rows: number[] = [], readonly errorCount = 0) {
    super(key);
    this.name = 'Refused';
  }
}

export const FILE_CONTEXT = 'import_file.content';

/** The decrypted text of an import's file, read under the caller's row-level security. */
export async function readImportFile(m: EntityManager, crypto: FieldCrypto, importId: string): Promise<string | null> {
  const file = await m.findOneBy(ImportFileEntity, { importJobId: importId });
  if (!file) return null;
  return crypto.decrypt(file.contentCiphertext, FILE_CONTEXT);
}

/**
 * Runs one queued import: the whole file — validation, duplicates, inserts and updates, the job's
 * final status, the deletion of the file and the audit row — in ONE transaction under the
 * importing user's organization context (row-level security applies). Killed half-way, it leaves
 * nothing; retried, it starts from the file again. Progress is written by short transactions of
 * their own so the admin can watch it.
 */
@Injectable()
export class ImportExecutor {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly tx: TenantTransaction,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly kinds: ImportKinds,
  ) {}

  private async progress(ctx: TenantContext, id: string, set: string, params: unknown[]): Promise<void> {
    await this.tx.run(ctx, (m) => m.query(`UPDATE import_job SET ${set} WHERE id = $1`, [id, ...params]));
  }

  /** The importer as they are now: an account disabled or moved since the upload imports nothing. */
  private async context(data: ImportJobData): Promise<TenantContext | null> {
    const ctx = { organizationId: data.organizationId, userId: data.userId, role: data.role };
    const [user] = await this.tx.run(ctx, (m) =>
      m.query(`SELECT role, organization_id, status FROM "user" WHERE id = $1`, [data.userId]),
    ) as { role: string; organization_id: string | null; status: string }[];
    if (!user || user.status !== 'active' || user.role !== data.role || user.organization_id !== data.organizationId) return null;
    return ctx;
  }

  /** Returns normally when the job is done (succeeded, or refused for good); throws to be retried. */
  async execute(data: ImportJobData, finalAttempt: boolean): Promise<void> {
    const id = data.importId;
    const live = await this.context(data);
    const ctx = live ?? { organizationId: data.organizationId, userId: data.userId, role: data.role };
    try {
      if (!live) throw new Refused('error.forbidden');
      await this.tx.run(ctx, (m) => this.importFile(m, ctx, data));
    } catch (error) {
      if (error instanceof Refused) {
        await this.finishFailed(ctx, data, error.key, error.rows, error.errorCount);
        return;
      }
      const err = error as Error & { code?: string };
      this.logger.error({ importId: id, error: err.name, pgCode: err.code, finalAttempt }, 'import failed');
      if (finalAttempt) await this.finishFailed(ctx, data, 'import.failed', [], 0);
      throw error;
    }
  }

  private async importFile(m: EntityManager, ctx: TenantContext, data: ImportJobData): Promise<void> {
    const id = data.importId;
    // A second run of the same file (a retry while the first still runs) waits here, then finds it done.
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [importLockKey(id)]);
    const job = await m.findOneBy(ImportJobEntity, { id });
    if (!job || (job.status !== 'queued' && job.status !== 'running') || !job.mapping || !job.onDuplicate) return;
    await this.progress(ctx, id, `status = 'running', processed = 0, attempts = attempts + 1, started_at = now(), updated_at = now()`, []);
    let text: string;
    try {
      const read = await readImportFile(m, this.crypto, id);
      if (read === null) throw new Refused('import.failed');
      text = read;
    } catch (error) {
      if (error instanceof UnreadableCsv) throw new Refused(`import.${error.reason}` as MessageKey);
      throw error;
    }
    const client = (await m.queryRunner!.connect()) as PoolClient;
    const startedAt = Date.now();
    const scope = { organizationId: job.organizationId, userId: data.userId, role: data.role };
    const analysis = await analyze(m, client, this.kinds.get(job.kind), scope, text, job.mapping, {
      write: true,
      progress: (rows) => this.progress(ctx, id, `processed = $2, updated_at = now()`, [rows]),
    }).catch((error: unknown) => {
      if (error instanceof UnreadableCsv) throw new Refused(`import.${error.reason}` as MessageKey);
      throw error;
    });
    if (analysis.invalidRows > 0) throw new Refused('import.invalidRows', analysis.firstInvalidRows, analysis.invalidRows);
    const checkedAt = Date.now();
    const counts = await analysis.run.write(job.onDuplicate);
    const writtenAt = Date.now();
    await m.update(ImportJobEntity, { id }, {
      status: 'succeeded',
      processed: analysis.rowCount,
      rowCount: analysis.rowCount,
      created: counts.created,
      updated: counts.updated,
      skipped: counts.skipped,
      errorCount: 0,
      error: null,
      errorRows: [],
      finishedAt: new Date(),
    });
    // The file held personal data: it goes with the import that read it.
    await m.delete(ImportFileEntity, { importJobId: id });
    await this.audit.record(m, { userId: data.userId, organizationId: data.organizationId, requestId: data.requestId }, {
      action: `import.${job.kind}`,
      entityType: 'import_job',
      entityId: id,
      after: { kind: job.kind, rows: analysis.rowCount, ...counts, onDuplicate: job.onDuplicate },
    });
    // Counts and timings only: where an import spends its time, without a value from the file.
    this.logger.log(
      `import ${id} committed: ${job.kind}, ${analysis.rowCount} rows, checked and staged in ${checkedAt - startedAt} ms, written in ${writtenAt - checkedAt} ms`,
    );
  }

  /** A job that ends without importing: its status says why (a code and row numbers), its file is deleted. */
  async finishFailed(ctx: TenantContext, data: ImportJobData, key: MessageKey, rows: number[], errorCount: number): Promise<void> {
    await this.tx.run(ctx, async (m) => {
      await m.update(ImportJobEntity, { id: data.importId }, { status: 'failed', error: key, errorRows: rows, errorCount, finishedAt: new Date() });
      await m.delete(ImportFileEntity, { importJobId: data.importId });
      await this.audit.record(m, { userId: data.userId, organizationId: data.organizationId, requestId: data.requestId }, {
        action: 'import.fail',
        entityType: 'import_job',
        entityId: data.importId,
        after: { error: key, errorCount },
      });
    });
  }
}
