import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { RegionDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { streamCsv } from '@api/common/http/csv';
import { applyFilters, countRows, applySort, type ListSpec, type Page, parseExportQuery, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho, auditable, changedFields } from '@api/modules/audit/audit.service';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto';
import { RegionEntity } from './entities/region.entity';

const FIELDS = ['name', 'states'] as const;

export const REGION_LIST: ListSpec = {
  resource: 'regions',
  sortable: { name: 'r.name', createdAt: 'r.created_at', organizationCount: 'organization_count' },
  filters: {
    q: { kind: 'search', columns: ['r.name'] },
    state: { kind: 'arrayContains', column: 'r.states' },
  },
  defaultSort: ['name', 'ASC'],
  tiebreaker: 'r.id',
  idColumn: 'r.id',
};

type RegionRow = RegionEntity & { organizationCount: number };
interface RegionExtras {
  organization_count: number;
}
const regionRow = (e: RegionEntity, raw: RegionExtras): RegionRow => ({ ...e, organizationCount: Number(raw.organization_count) });
const REGION_COLUMNS = ['id', 'name', 'states', 'organizationCount', 'createdAt', 'updatedAt'] as const;

function toRegionDto(r: RegionRow): RegionDto {
  return {
    id: r.id,
    name: r.name,
    states: r.states,
    organizationCount: r.organizationCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

@Injectable()
export class RegionsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
  ) {}

  /** Regions with their member-organization counts, from one aggregate join. */
  private query(m: EntityManager) {
    return m
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .leftJoin(
        (sub) =>
          sub
            .select('o.region_id', 'region_id')
            .addSelect('count(*)::int', 'n')
            .from('organization', 'o')
            .where(`o.membership_status = 'active'`)
            .groupBy('o.region_id'),
        'c',
        'c.region_id = r.id',
      )
      .addSelect('COALESCE(c.n, 0)', 'organization_count');
  }

  private async rows(qb: ReturnType<RegionsService['query']>): Promise<RegionRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<RegionExtras>();
    return entities.map((e, i) => regionRow(e, raw[i]));
  }

  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, REGION_LIST);
    await streamCsv<RegionDto>(res, 'regions.csv', REGION_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.query(m);
        applyFilters(qb, query, REGION_LIST);
        applySort(qb, query, REGION_LIST);
        return csv.entities(m, qb, (e, row: RegionExtras) => toRegionDto(regionRow(e, row)));
      }),
    );
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<RegionDto>> {
    const query = parseListQuery(raw, REGION_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.query(m);
      applyFilters(qb, query, REGION_LIST);
      const total = await countRows(qb);
      applySort(qb, query, REGION_LIST);
      const rows = await this.rows(qb.offset(query.offset).limit(query.limit));
      return { resource: REGION_LIST.resource, rows: rows.map(toRegionDto), offset: query.offset, total };
    });
  }

  async findOne(actor: Actor, id: string): Promise<RegionDto> {
    return this.tx.run(actor, async (m) => {
      const [row] = await this.rows(this.query(m).where('r.id = :id', { id }));
      if (!row) throw notFound();
      return toRegionDto(row);
    });
  }

  async create(actor: Actor, dto: CreateRegionDto): Promise<RegionDto> {
    const id = await this.tx.run(actor, async (m) => {
      const region = await m.save(m.create(RegionEntity, { name: dto.name, states: dto.states }));
      await this.audit.record(m, auditWho(actor), {
        action: 'region.create',
        entityType: 'region',
        entityId: region.id,
        changedFields: [...FIELDS],
        after: auditable(region, FIELDS),
      });
      return region.id;
    });
    return this.findOne(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateRegionDto): Promise<RegionDto> {
    await this.tx.run(actor, async (m) => {
      const region = await lockVersioned(m, RegionEntity, id, dto.version);
      const next = { ...region, ...sentFields(dto, FIELDS) };
      const changed = changedFields(region, next, FIELDS);
      if (changed.length === 0) return;
      await m.update(RegionEntity, { id }, { name: next.name, states: next.states });
      await this.audit.record(m, auditWho(actor), {
        action: 'region.update',
        entityType: 'region',
        entityId: id,
        changedFields: changed,
        before: auditable(region, FIELDS),
        after: auditable(next, FIELDS),
      });
    });
    return this.findOne(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<RegionDto> {
    const before = await this.findOne(actor, id);
    await this.tx.run(actor, async (m) => {
      const region = await m.getRepository(RegionEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
      if (!region) throw notFound();
      const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM organization WHERE region_id = $1', [id])) as { n: number }[];
      if (n > 0) throw new DomainError(409, 'error.regionInUse');
      await m.delete(RegionEntity, { id });
      await this.audit.record(m, auditWho(actor), {
        action: 'region.delete',
        entityType: 'region',
        entityId: id,
        changedFields: [...FIELDS],
        before: auditable(region, FIELDS),
      });
    });
    return before;
  }

  /** The region that covers a state (the first by name when regions overlap), for new organizations. */
  async regionForState(m: EntityManager, state: string): Promise<string | null> {
    const [row] = (await m.query('SELECT id FROM region WHERE $1 = ANY(states) ORDER BY name LIMIT 1', [state])) as { id: string }[];
    return row?.id ?? null;
  }

  /** For other modules: does this region exist? */
  async exists(m: EntityManager, id: string): Promise<boolean> {
    return (await m.countBy(RegionEntity, { id })) > 0;
  }
}
