import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { type Actor, isAllianceAdmin } from '@api/common/auth/actor';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
import { translate, type MessageKey } from '@api/common/i18n/messages';
import { fetchPage, type ListSpec, type Page, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho } from '@api/modules/audit/audit.service';
import { UnreadableCsv, decodeCsv, guessMapping, summarize } from './csv-file';
import type {
  ImportChoicesDto,
  ImportFieldDto,
  ImportJobDto,
  ImportMappingDto,
  ImportPreviewDto,
  ImportUploadedDto,
  PreviewImportDto,
} from './dto/import.dto';
import { ImportFileEntity } from './entities/import-file.entity';
import { type ImportKind, type ImportMapping, ImportJobEntity } from './entities/import-job.entity';
import { ImportMappingEntity } from './entities/import-mapping.entity';
import { type Analysis, analyze } from './import-analysis';
import { FILE_CONTEXT, readImportFile } from './import-executor';
import { ImportKinds } from './import-kinds';
import { ImportQueue } from './import-queue';
import { ImportWorker } from './import-worker';
import type { ImportScope } from './kinds/kind';

function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export const IMPORT_LIST: ListSpec = {
  resource: 'imports',
  sortable: { createdAt: 'j.created_at', status: 'j.status', kind: 'j.kind', finishedAt: 'j.finished_at' },
  filters: { kind: { kind: 'eq', column: 'j.kind' }, status: { kind: 'eq', column: 'j.status' } },
  defaultSort: ['createdAt', 'DESC'],
  tiebreaker: 'j.id',
  idColumn: 'j.id',
};

export const MAPPING_LIST: ListSpec = {
  resource: 'import-mappings',
  sortable: { source: 'im.source', kind: 'im.kind', updatedAt: 'im.updated_at' },
  filters: { kind: { kind: 'eq', column: 'im.kind' }, q: { kind: 'search', columns: ['im.source'] } },
  defaultSort: ['updatedAt', 'DESC'],
  tiebreaker: 'im.id',
  idColumn: 'im.id',
};

/**
 * CSV imports: upload (the file kept encrypted until the job ends), mapping, preview, queueing.
 * People go into the coordinator's own organization; organizations and pledges are the alliance
 * admins'. Everything runs under row-level security with the caller's context.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly kinds: ImportKinds,
    private readonly queue: ImportQueue,
    private readonly worker: ImportWorker,
  ) {}

  /** The organization an import of this kind belongs to (null: the alliance's), or 403. */
  private scopeOf(actor: Actor, kind: ImportKind): string | null {
    if (kind === 'people') {
      if (actor.role !== 'org_coordinator' || !actor.organizationId) throw new DomainError(403, 'import.forbiddenKind');
      return actor.organizationId;
    }
    if (!isAllianceAdmin(actor)) throw new DomainError(403, 'import.forbiddenKind');
    return null;
  }

  fields(actor: Actor, kind: ImportKind): { kind: ImportKind; fields: ImportFieldDto[] } {
    return { kind, fields: this.kinds.get(kind).fields.map((f) => ({ name: f.name, required: Boolean(f.required) })) };
  }

  private toDto(actor: Actor, j: ImportJobEntity): ImportJobDto {
    return {
      id: j.id,
      kind: j.kind,
      source: j.source,
      filename: j.filename,
      status: j.status,
      rowCount: j.rowCount,
      processed: j.processed,
      created: j.created,
      updated: j.updated,
      skipped: j.skipped,
      errors: j.errorCount,
      error: j.error ? translate(actor.locale, j.error as MessageKey, { rows: j.errorRows.join(', '), row: j.errorRows[0] ?? '' }) : null,
      errorRows: j.errorRows,
      headers: j.headers,
      mapping: j.mapping,
      onDuplicate: j.onDuplicate,
      organizationId: j.organizationId,
      createdBy: j.createdBy,
      createdAt: j.createdAt.toISOString(),
      queuedAt: j.queuedAt?.toISOString() ?? null,
      startedAt: j.startedAt?.toISOString() ?? null,
      finishedAt: j.finishedAt?.toISOString() ?? null,
    };
  }

  /** Imports this caller may see: their organization's, or (alliance admins) the alliance's. */
  private jobs(m: EntityManager, actor: Actor) {
    const qb = m.getRepository(ImportJobEntity).createQueryBuilder('j');
    if (actor.organizationId) qb.where('j.organization_id = :scopeOrg', { scopeOrg: actor.organizationId });
    else if (isAllianceAdmin(actor)) qb.where('j.organization_id IS NULL');
    else qb.where('false');
    return qb;
  }

  private async job(m: EntityManager, actor: Actor, id: string): Promise<ImportJobEntity> {
    const job = await this.jobs(m, actor).andWhere('j.id = :id', { id }).getOne();
    if (!job) throw notFound();
    return job;
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<ImportJobDto>> {
    const query = parseListQuery(raw, IMPORT_LIST);
    return this.tx.run(actor, (m) => fetchPage(this.jobs(m, actor), query, IMPORT_LIST, (j) => this.toDto(actor, j)));
  }

  async findOne(actor: Actor, id: string): Promise<ImportJobDto> {
    return this.tx.run(actor, async (m) => this.toDto(actor, await this.job(m, actor, id)));
  }

  private async savedMapping(m: EntityManager, organizationId: string | null, kind: ImportKind, source: string | null) {
    return m
      .getRepository(ImportMappingEntity)
      .createQueryBuilder('im')
      .where(organizationId ? 'im.organization_id = :o' : 'im.organization_id IS NULL', { o: organizationId })
      .andWhere('im.kind = :kind AND lower(im.source) = lower(:source)', { kind, source: source ?? '' })
      .getOne();
  }

  async upload(actor: Actor, kind: ImportKind, source: string | null | undefined, file: UploadedFile | undefined): Promise<ImportUploadedDto> {
    const organizationId = this.scopeOf(actor, kind);
    if (!file || file.size === 0) throw fieldError('file', 'import.fileRequired');
    let text: string;
    let summary: Awaited<ReturnType<typeof summarize>>;
    try {
      text = decodeCsv(file.buffer);
      summary = await summarize(text);
    } catch (error) {
      if (error instanceof UnreadableCsv) throw fieldError('file', `import.${error.reason}` as MessageKey, { row: error.row ?? 1 });
      throw error;
    }
    const filename = file.originalname.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'import.csv';
    return this.tx.run(actor, async (m) => {
      const saved = await this.savedMapping(m, organizationId, kind, source ?? null);
      const job = await m.save(
        m.create(ImportJobEntity, {
          organizationId,
          kind,
          source: source ?? null,
          filename,
          status: 'uploaded',
          rowCount: summary.rowCount,
          headers: summary.headers,
          createdBy: actor.userId,
        }),
      );
      await m.insert(ImportFileEntity, {
        importJobId: job.id,
        organizationId,
        contentCiphertext: this.crypto.encrypt(text, FILE_CONTEXT),
        byteSize: file.size,
      });
      await this.audit.record(m, auditWho(actor), {
        action: 'import.upload',
        entityType: 'import_job',
        entityId: job.id,
        after: { kind, rowCount: summary.rowCount },
      });
      const guessed = guessMapping(summary.headers, this.kinds.get(kind).fields);
      // A saved mapping names the columns of an earlier file; columns this file lacks are dropped.
      const mapping = saved
        ? Object.fromEntries(summary.headers.map((h) => [h, saved.mapping[h] ?? null]))
        : guessed;
      return {
        id: job.id,
        kind,
        source: job.source,
        filename,
        status: job.status,
        rowCount: summary.rowCount,
        headers: summary.headers,
        sample: summary.sample,
        mapping,
        savedMapping: Boolean(saved),
      };
    });
  }

  /** The mapping must name the file's columns and the kind's fields, each field once, the required ones all. */
  private checkMapping(kind: ImportKind, headers: string[], mapping: ImportMapping): ImportMapping {
    const fields = this.kinds.get(kind).fields;
    const names = new Set(fields.map((f) => f.name));
    const used = new Set<string>();
    const clean: ImportMapping = {};
    for (const [header, field] of Object.entries(mapping)) {
      if (!headers.includes(header)) throw fieldError('mapping', 'import.unknownHeader', { header: header.slice(0, 100) });
      if (field === null || field === '') {
        clean[header] = null;
        continue;
      }
      if (typeof field !== 'string' || !names.has(field)) throw fieldError('mapping', 'import.unknownField', { field: String(field).slice(0, 100) });
      if (used.has(field)) throw fieldError('mapping', 'import.fieldTwice', { field });
      used.add(field);
      clean[header] = field;
    }
    const missing = fields.find((f) => f.required && !used.has(f.name));
    if (missing) throw fieldError('mapping', 'import.requiredUnmapped', { field: missing.name });
    return clean;
  }

  /** Validates the whole file against the database in a transaction that writes nothing of it. */
  private async dryRun(m: EntityManager, job: ImportJobEntity, mapping: ImportMapping, actor: Actor): Promise<Analysis> {
    const text = await readImportFile(m, this.crypto, job.id).catch((error: unknown) => {
      if (error instanceof UnreadableCsv) throw fieldError('file', `import.${error.reason}` as MessageKey, { row: error.row ?? 1 });
      throw error;
    });
    if (text === null) throw new DomainError(409, 'import.notPending', { status: job.status });
    const scope: ImportScope = { organizationId: job.organizationId, userId: actor.userId, role: actor.role };
    const client = (await m.queryRunner!.connect()) as PoolClient;
    return analyze(m, client, this.kinds.get(job.kind), scope, text, mapping, { write: false });
  }

  private pending(job: ImportJobEntity): void {
    if (job.status !== 'uploaded') throw new DomainError(409, 'import.notPending', { status: job.status });
  }

  async preview(actor: Actor, id: string, dto: PreviewImportDto): Promise<ImportPreviewDto> {
    return this.tx.run(actor, async (m) => {
      const job = await this.job(m, actor, id);
      this.scopeOf(actor, job.kind);
      this.pending(job);
      const mapping = this.checkMapping(job.kind, job.headers, dto.mapping);
      const analysis = await this.dryRun(m, job, mapping, actor);
      // errorCount remembers whether this mapping found the file clean: /run then need not read it again.
      await m.update(ImportJobEntity, { id }, { mapping, onDuplicate: dto.onDuplicate, rowCount: analysis.rowCount, errorCount: analysis.invalidRows });
      if (dto.saveMapping) await this.saveMapping(m, actor, job, mapping);
      const valid = analysis.rowCount - analysis.invalidRows;
      const duplicates = analysis.duplicates;
      return {
        rowCount: analysis.rowCount,
        valid,
        invalid: analysis.invalidRows,
        duplicates,
        willCreate: valid - duplicates,
        willUpdate: dto.onDuplicate === 'update' ? duplicates : 0,
        willSkip: dto.onDuplicate === 'skip' ? duplicates : 0,
        errors: analysis.errors.map((e) => ({
          row: e.row,
          field: e.field,
          reason: translate(actor.locale, e.key, e.params),
          ...(e.value !== undefined ? { value: e.value } : {}),
        })),
        sample: analysis.sample,
      };
    });
  }

  private async saveMapping(m: EntityManager, actor: Actor, job: ImportJobEntity, mapping: ImportMapping): Promise<void> {
    const [row] = (await m.query(
      `INSERT INTO import_mapping (organization_id, kind, source, mapping, created_by)
       VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (organization_id, kind, lower(source)) DO UPDATE
         SET mapping = EXCLUDED.mapping, source = EXCLUDED.source, version = import_mapping.version + 1, updated_at = now()
       RETURNING id`,
      [job.organizationId, job.kind, job.source ?? '', JSON.stringify(mapping), actor.userId],
    )) as { id: string }[];
    await this.audit.record(m, auditWho(actor), {
      action: 'import_mapping.save',
      entityType: 'import_mapping',
      entityId: row.id,
      after: { kind: job.kind },
    });
  }

  /** Queues the import, or refuses a file with any invalid row (naming the first ones): all or nothing. */
  async run(actor: Actor, id: string, dto: ImportChoicesDto): Promise<{ id: string; status: 'queued' }> {
    await this.tx.run(actor, async (m) => {
      const job = await this.job(m, actor, id);
      this.scopeOf(actor, job.kind);
      this.pending(job);
      const mapping = this.checkMapping(job.kind, job.headers, dto.mapping);
      // A preview of this very mapping found every row valid: no second pass over the file here
      // (the job checks every row again in its own transaction and refuses the file if one fails).
      const previewedClean = job.mapping !== null && sameMapping(job.mapping, mapping) && job.errorCount === 0;
      let rows = job.rowCount;
      if (!previewedClean) {
        const analysis = await this.dryRun(m, job, mapping, actor);
        if (analysis.invalidRows > 0) {
          throw new DomainError(422, 'import.invalidRows', { rows: analysis.firstInvalidRows.join(', ') }, 'file');
        }
        rows = analysis.rowCount;
      }
      await m.update(ImportJobEntity, { id }, { mapping, onDuplicate: dto.onDuplicate, status: 'queued', queuedAt: new Date() });
      await this.queue.enqueue(m, {
        importId: id,
        organizationId: job.organizationId,
        userId: actor.userId,
        role: actor.role,
        requestId: actor.requestId,
      });
      await this.audit.record(m, auditWho(actor), {
        action: 'import.queue',
        entityType: 'import_job',
        entityId: id,
        after: { kind: job.kind, rows, onDuplicate: dto.onDuplicate },
      });
    });
    await this.worker.wake();
    return { id, status: 'queued' };
  }

  async mappings(actor: Actor, raw: RawListQuery): Promise<Page<ImportMappingDto>> {
    const query = parseListQuery(raw, MAPPING_LIST);
    return this.tx.run(actor, (m) => {
      const qb = m.getRepository(ImportMappingEntity).createQueryBuilder('im');
      if (actor.organizationId) qb.where('im.organization_id = :o', { o: actor.organizationId });
      else if (isAllianceAdmin(actor)) qb.where('im.organization_id IS NULL');
      else qb.where('false');
      return fetchPage(qb, query, MAPPING_LIST, (im) => ({
        id: im.id,
        kind: im.kind,
        source: im.source,
        mapping: im.mapping,
        updatedAt: im.updatedAt.toISOString(),
      }));
    });
  }

  async deleteMapping(actor: Actor, id: string): Promise<{ id: string }> {
    return this.tx.run(actor, async (m) => {
      const qb = m.getRepository(ImportMappingEntity).createQueryBuilder('im').where('im.id = :id', { id });
      if (actor.organizationId) qb.andWhere('im.organization_id = :o', { o: actor.organizationId });
      else if (isAllianceAdmin(actor)) qb.andWhere('im.organization_id IS NULL');
      else throw notFound();
      const found = await qb.getOne();
      if (!found) throw notFound();
      this.scopeOf(actor, found.kind);
      await m.delete(ImportMappingEntity, { id });
      await this.audit.record(m, auditWho(actor), { action: 'import_mapping.delete', entityType: 'import_mapping', entityId: id });
      return { id };
    });
  }
}
