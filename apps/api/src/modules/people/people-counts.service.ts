import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { PeopleCountDto, RegionPeopleCountDto } from '@unidos/contracts';
import { type Actor, isAllianceRole } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { streamCsv } from '@api/common/http/csv';
import { applyFilters, applySort, countRows, type ListQuery, type ListSpec, type Page, parseExportQuery, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

export const PEOPLE_COUNT_LIST: ListSpec = {
  resource: 'people-counts',
  sortable: { organizationName: 'o.name', state: 'o.state', total: 'total' },
  filters: {
    q: { kind: 'search', columns: ['o.name'] },
    regionId: { kind: 'eq', column: 'o.region_id', type: 'uuid' },
    state: { kind: 'eq', column: 'o.state' },
    membershipStatus: { kind: 'eq', column: 'o.membership_status' },
  },
  defaultSort: ['organizationName', 'ASC'],
  tiebreaker: 'o.id',
  idColumn: 'o.id',
};

interface CountRow {
  id: string;
  organization_name: string;
  region_id: string | null;
  state: string;
  total: string | number;
  by_role: Record<string, number> | null;
  by_language: Record<string, number> | null;
}

const toCountDto = (r: CountRow): PeopleCountDto => ({
  id: r.id,
  organizationName: r.organization_name,
  regionId: r.region_id,
  state: r.state,
  total: Number(r.total),
  byRole: r.by_role ?? {},
  byLanguage: r.by_language ?? {},
});

/** Totals by role and by language, for one organization (correlated on o.id) or one region. */
const byKey = (key: 'role' | 'preferred_language', where: string) =>
  `(SELECT COALESCE(jsonb_object_agg(k, s), '{}'::jsonb) FROM (
      SELECT pc.${key} AS k, sum(pc.n)::int AS s FROM person_count pc ${where} GROUP BY pc.${key}) x)`;

/**
 * What the alliance sees of people: numbers, never names. Read from `person_count`, which a
 * trigger keeps exact, so counting never reads an organization's private rows.
 */
@Injectable()
export class PeopleCountsService {
  constructor(private readonly tx: TenantTransaction) {}

  /** Per organization. Alliance roles see every organization; an organization's users only their own. */
  async byOrganization(actor: Actor, raw: RawListQuery): Promise<Page<PeopleCountDto>> {
    const query = parseListQuery(raw, PEOPLE_COUNT_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.counts(m, actor, query);
      const total = await countRows(qb);
      applySort(qb, query, PEOPLE_COUNT_LIST);
      const rows = await qb.offset(query.offset).limit(query.limit).getRawMany<CountRow>();
      return { resource: PEOPLE_COUNT_LIST.resource, offset: query.offset, total, rows: rows.map(toCountDto) };
    });
  }

  /** The per-organization counts as CSV (numbers only, no one's data), the list's filters and sort. */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, PEOPLE_COUNT_LIST);
    await streamCsv<PeopleCountDto>(res, 'people-counts.csv', ['id', 'organizationName', 'regionId', 'state', 'total', 'byRole', 'byLanguage'], (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.counts(m, actor, query);
        applySort(qb, query, PEOPLE_COUNT_LIST);
        return csv.raw(m, qb, toCountDto);
      }),
    );
  }

  private counts(m: EntityManager, actor: Actor, query: ListQuery) {
    const qb = m
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .addSelect('o.name', 'organization_name')
      .addSelect('o.region_id', 'region_id')
      .addSelect('o.state', 'state')
      .addSelect('(SELECT COALESCE(sum(pc.n), 0)::int FROM person_count pc WHERE pc.organization_id = o.id)', 'total')
      .addSelect(byKey('role', 'WHERE pc.organization_id = o.id'), 'by_role')
      .addSelect(byKey('preferred_language', 'WHERE pc.organization_id = o.id'), 'by_language');
    if (!isAllianceRole(actor)) qb.where('o.id = :own', { own: actor.organizationId });
    // Member organizations unless asked otherwise, so these rows add up to the per-region totals.
    if (query.filter.membershipStatus === undefined) qb.andWhere(`o.membership_status = 'active'`);
    applyFilters(qb, query, PEOPLE_COUNT_LIST);
    return qb;
  }

  /** Per region (and "none" for organizations without one), over active member organizations. */
  async byRegion(actor: Actor): Promise<RegionPeopleCountDto[]> {
    return this.tx.run(actor, async (m) => {
      const rows = (await m.query(
        `WITH member AS (SELECT id, region_id FROM organization WHERE membership_status = 'active')
         SELECT COALESCE(r.id::text, 'none') AS id, r.name AS region_name,
                count(DISTINCT member.id)::int AS organizations,
                (SELECT COALESCE(sum(pc.n), 0)::int FROM person_count pc JOIN member mm ON mm.id = pc.organization_id
                  WHERE mm.region_id IS NOT DISTINCT FROM r.id) AS total,
                ${byKey('role', 'JOIN member mm ON mm.id = pc.organization_id WHERE mm.region_id IS NOT DISTINCT FROM r.id')} AS by_role,
                ${byKey('preferred_language', 'JOIN member mm ON mm.id = pc.organization_id WHERE mm.region_id IS NOT DISTINCT FROM r.id')} AS by_language
           FROM member LEFT JOIN region r ON r.id = member.region_id
          GROUP BY r.id, r.name
          ORDER BY r.name NULLS LAST`,
      )) as { id: string; region_name: string | null; organizations: number; total: number; by_role: Record<string, number>; by_language: Record<string, number> }[];
      return rows.map((r) => ({
        id: r.id,
        regionName: r.region_name,
        organizations: r.organizations,
        total: r.total,
        byRole: r.by_role,
        byLanguage: r.by_language,
      }));
    });
  }
}
