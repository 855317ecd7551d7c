import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditEventDto } from '@unidos/contracts';
import type { Response } from 'express';
import type { Actor } from '@api/common/auth/actor';
import { contextOf, setContext } from '@api/common/database/tenant-transaction';
import { streamCsv } from '@api/common/http/csv';
import {
  applyFilters,
  countRows,
  applySort,
  fetchPage,
  type ListSpec,
  type Page,
  parseExportQuery,
  parseListQuery,
  type RawListQuery,
} from '@api/common/list/list-query';
import { AuditEventEntity } from './entities/audit-event.entity';

/** Who did it: a signed-in actor, or a public caller / the system (no user). */
export interface AuditWho {
  userId: string | null;
  organizationId: string | null;
  requestId: string | null;
}

export function auditWho(actor: Actor): AuditWho {
  return { userId: actor.userId, organizationId: actor.organizationId, requestId: actor.requestId };
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  changedFields?: string[];
  /** Non-personal fields only: callers pass values through `auditable()`. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

type Plain = Record<string, unknown>;

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Keeps the listed (non-personal) fields of a record, dates as ISO strings. */
export function auditable(record: object | null | undefined, fields: readonly string[]): Plain | null {
  if (!record) return null;
  const out: Plain = {};
  for (const f of fields) {
    if (f in record) out[f] = normalize((record as Plain)[f]);
  }
  return out;
}

/** The names of the fields whose values differ between two records. */
export function changedFields(before: object, after: object, fields: readonly string[]): string[] {
  return fields.filter((f) => JSON.stringify(normalize((before as Plain)[f])) !== JSON.stringify(normalize((after as Plain)[f])));
}

export const AUDIT_LIST: ListSpec = {
  resource: 'audit-events',
  sortable: { at: 'a.at', action: 'a.action', entityType: 'a.entity_type' },
  filters: {
    action: { kind: 'eq', column: 'a.action' },
    entityType: { kind: 'eq', column: 'a.entity_type' },
    entityId: { kind: 'eq', column: 'a.entity_id', type: 'uuid' },
    actorUserId: { kind: 'eq', column: 'a.actor_user_id', type: 'uuid' },
    actorOrgId: { kind: 'eq', column: 'a.actor_org_id', type: 'uuid' },
    from: { kind: 'gte', column: 'a.at', type: 'date' },
    to: { kind: 'lte', column: 'a.at', type: 'date' },
  },
  defaultSort: ['at', 'DESC'],
  tiebreaker: 'a.id',
  idColumn: 'a.id',
};

const AUDIT_COLUMNS = [
  'id',
  'at',
  'actorUserId',
  'actorOrgId',
  'action',
  'entityType',
  'entityId',
  'changedFields',
  'before',
  'after',
  'requestId',
] as const;

export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorOrgId: e.actorOrgId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changedFields: e.changedFields,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the audit row inside the caller's transaction, so it commits or rolls back with the change. */
  async record(manager: EntityManager, who: AuditWho, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEventEntity, {
      actorUserId: who.userId,
      actorOrgId: who.organizationId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changedFields: entry.changedFields ?? [],
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: who.requestId,
    } as QueryDeepPartialEntity<AuditEventEntity>);
  }

  async list(_actor: Actor, raw: RawListQuery): Promise<Page<AuditEventDto>> {
    const query = parseListQuery(raw, AUDIT_LIST);
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('a');
    return fetchPage(qb, query, AUDIT_LIST, toAuditEventDto);
  }

  /** Records that someone downloaded a list holding personal data, and how many rows it had. */
  async recordExport(manager: EntityManager, actor: Actor, entityType: string, rows: number): Promise<void> {
    await this.record(manager, auditWho(actor), { action: `${entityType}.export`, entityType, entityId: null, after: { rows } });
  }

  /** The audit log as CSV with the list's filters, itself audited (it names who did what). */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, AUDIT_LIST);
    await streamCsv<AuditEventDto>(res, 'audit-events.csv', AUDIT_COLUMNS, (csv) =>
      this.dataSource.transaction('REPEATABLE READ', async (m) => {
        await setContext(m, contextOf(actor));
        const qb = m.getRepository(AuditEventEntity).createQueryBuilder('a');
        applyFilters(qb, query, AUDIT_LIST);
        await this.recordExport(m, actor, 'audit_event', await countRows(qb));
        applySort(qb, query, AUDIT_LIST);
        await csv.entities(m, qb, toAuditEventDto);
      }),
    );
  }

  async findOne(_actor: Actor, id: string): Promise<AuditEventEntity | null> {
    return this.dataSource.getRepository(AuditEventEntity).findOneBy({ id });
  }

  /** The latest changes people made (sign-ins and other session events left out), newest first. */
  async recentWork(limit: number): Promise<AuditEventDto[]> {
    const rows = await this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where(`a.action NOT LIKE 'auth.%' AND a.action <> 'person.view'`)
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map(toAuditEventDto);
  }

  /** Membership status changes of one organization, oldest first, read from its audit trail. */
  async membershipHistory(organizationId: string): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.entity_type = :t AND a.entity_id = :id', { t: 'organization', id: organizationId })
      .andWhere(`'membershipStatus' = ANY(a.changed_fields)`)
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }
}
