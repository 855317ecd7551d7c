import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { CampaignDetailDto, CampaignDto, CampaignGoalDto, DemandDto, EndorsementDto } from '@unidos/contracts';
import { type Actor, isAllianceRole } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
import { streamCsv } from '@api/common/http/csv';
import { applyFilters, countRows, applySort, type ListSpec, type Page, parseExportQuery, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho, auditable, changedFields } from '@api/modules/audit/audit.service';
import { slugify } from '@api/modules/organizations/slug';
import {
  CreateCampaignDto,
  CreateDemandDto,
  CreateEndorsementDto,
  CreateGoalDto,
  ReorderDemandsDto,
  UpdateCampaignDto,
  UpdateDemandDto,
  UpdateGoalDto,
} from './dto/campaign.dto';
import { CampaignGoalEntity } from './entities/campaign-goal.entity';
import { CampaignEntity } from './entities/campaign.entity';
import { DemandEntity } from './entities/demand.entity';
import { EndorsementEntity } from './entities/endorsement.entity';

const CAMPAIGN_FIELDS = ['name', 'summary', 'status', 'startsOn', 'endsOn', 'leadOrganizationId'] as const;
const CAMPAIGN_AUDITED = [...CAMPAIGN_FIELDS, 'slug'] as const;
const DEMAND_FIELDS = ['textEn', 'textEs', 'target', 'status'] as const;
const DEMAND_AUDITED = [...DEMAND_FIELDS, 'position'] as const;

export const CAMPAIGN_LIST: ListSpec = {
  resource: 'campaigns',
  sortable: { name: 'c.name', status: 'c.status', startsOn: 'c.starts_on', endsOn: 'c.ends_on', createdAt: 'c.created_at' },
  filters: {
    q: { kind: 'search', columns: ['c.name', 'c.summary'] },
    status: { kind: 'eq', column: 'c.status' },
    leadOrganizationId: { kind: 'eq', column: 'c.lead_organization_id', type: 'uuid' },
  },
  defaultSort: ['name', 'ASC'],
  tiebreaker: 'c.id',
  idColumn: 'c.id',
};

export const ENDORSEMENT_LIST: ListSpec = {
  resource: 'endorsements',
  sortable: { endorsedAt: 'e.endorsed_at', organizationName: 'o.name', role: 'e.role', state: 'o.state' },
  filters: {
    campaignId: { kind: 'eq', column: 'e.campaign_id', type: 'uuid' },
    organizationId: { kind: 'eq', column: 'e.organization_id', type: 'uuid' },
    role: { kind: 'eq', column: 'e.role' },
    regionId: { kind: 'eq', column: 'o.region_id', type: 'uuid' },
    state: { kind: 'eq', column: 'o.state' },
    q: { kind: 'search', columns: ['o.name'] },
  },
  defaultSort: ['organizationName', 'ASC'],
  tiebreaker: 'e.id',
  idColumn: 'e.id',
};

export const DEMAND_LIST: ListSpec = {
  resource: 'demands',
  sortable: { position: 'd.position', status: 'd.status', createdAt: 'd.created_at' },
  filters: { campaignId: { kind: 'eq', column: 'd.campaign_id', type: 'uuid' }, status: { kind: 'eq', column: 'd.status' } },
  defaultSort: ['position', 'ASC'],
  tiebreaker: 'd.id',
  idColumn: 'd.id',
};

export const GOAL_LIST: ListSpec = {
  resource: 'campaign-goals',
  sortable: { metric: 'g.metric', target: 'g.target' },
  filters: { campaignId: { kind: 'eq', column: 'g.campaign_id', type: 'uuid' }, metric: { kind: 'eq', column: 'g.metric' } },
  defaultSort: ['metric', 'ASC'],
  tiebreaker: 'g.id',
  idColumn: 'g.id',
};

export const toGoalDto = (g: CampaignGoalEntity): CampaignGoalDto => ({
  id: g.id,
  campaignId: g.campaignId,
  metric: g.metric,
  target: Number(g.target),
  version: g.version,
});

export const toDemandDto = (d: DemandEntity): DemandDto => ({
  id: d.id,
  campaignId: d.campaignId,
  position: d.position,
  textEn: d.textEn,
  textEs: d.textEs,
  target: d.target,
  status: d.status,
  version: d.version,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

type CampaignRow = CampaignEntity & { endorsementCount?: number };
interface CampaignExtras {
  endorsement_count: number;
}
const campaignRow = (e: CampaignEntity, raw: CampaignExtras): CampaignRow => ({ ...e, endorsementCount: Number(raw.endorsement_count) });

const CAMPAIGN_COLUMNS = ['id', 'name', 'slug', 'summary', 'status', 'startsOn', 'endsOn', 'leadOrganizationId', 'endorsementCount', 'createdAt', 'updatedAt'] as const;
const GOAL_COLUMNS = ['id', 'campaignId', 'metric', 'target'] as const;
const DEMAND_COLUMNS = ['id', 'campaignId', 'position', 'textEn', 'textEs', 'target', 'status', 'createdAt', 'updatedAt'] as const;
const ENDORSEMENT_COLUMNS = ['id', 'campaignId', 'organizationId', 'organizationName', 'regionId', 'state', 'role', 'endorsedAt'] as const;

const toCampaignDto = (c: CampaignRow): CampaignDto => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  summary: c.summary,
  status: c.status,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  leadOrganizationId: c.leadOrganizationId,
  endorsementCount: c.endorsementCount ?? 0,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

interface EndorsementExtras {
  organization_name: string;
  region_id: string | null;
  state: string;
}

const toEndorsementDto = (e: EndorsementEntity, raw: EndorsementExtras): EndorsementDto => ({
  id: e.id,
  campaignId: e.campaignId,
  organizationId: e.organizationId,
  organizationName: raw.organization_name,
  regionId: raw.region_id,
  state: raw.state,
  role: e.role,
  endorsedAt: e.endorsedAt.toISOString(),
});

/**
 * Campaigns, their goals, ordered demands and endorsements: coalition-visible records. Drafts are
 * the alliance's work in progress and are visible to alliance roles only.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
  ) {}

  private campaigns(m: EntityManager, actor: Actor) {
    const qb = m
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .addSelect('(SELECT count(*)::int FROM endorsement e WHERE e.campaign_id = c.id)', 'endorsement_count');
    if (!isAllianceRole(actor)) qb.where(`c.status <> 'draft'`);
    return qb;
  }

  private async rows(qb: ReturnType<CampaignsService['campaigns']>): Promise<CampaignRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<CampaignExtras>();
    return entities.map((e, i) => campaignRow(e, raw[i]));
  }

  /** The campaigns list as CSV: the same filters, sort and drafts rule, every page. */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, CAMPAIGN_LIST);
    await streamCsv<CampaignDto>(res, 'campaigns.csv', CAMPAIGN_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.campaigns(m, actor);
        applyFilters(qb, query, CAMPAIGN_LIST);
        applySort(qb, query, CAMPAIGN_LIST);
        return csv.entities(m, qb, (e, row: CampaignExtras) => toCampaignDto(campaignRow(e, row)));
      }),
    );
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<CampaignDto>> {
    const query = parseListQuery(raw, CAMPAIGN_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.campaigns(m, actor);
      applyFilters(qb, query, CAMPAIGN_LIST);
      const total = await countRows(qb);
      applySort(qb, query, CAMPAIGN_LIST);
      const rows = await this.rows(qb.offset(query.offset).limit(query.limit));
      return { resource: CAMPAIGN_LIST.resource, rows: rows.map(toCampaignDto), offset: query.offset, total };
    });
  }

  /** The campaign if this caller may see it (drafts: alliance roles only), for other modules too. */
  async visibleCampaign(m: EntityManager, actor: Actor, id: string): Promise<CampaignEntity> {
    const [row] = await this.rows(this.campaigns(m, actor).andWhere('c.id = :id', { id }));
    if (!row) throw notFound();
    return row;
  }

  async findOne(actor: Actor, id: string): Promise<CampaignDetailDto> {
    return this.tx.run(actor, async (m) => {
      const [row] = await this.rows(this.campaigns(m, actor).andWhere('c.id = :id', { id }));
      if (!row) throw notFound();
      const goals = await m.find(CampaignGoalEntity, { where: { campaignId: id }, order: { metric: 'ASC' } });
      const demands = await m.find(DemandEntity, { where: { campaignId: id }, order: { position: 'ASC' } });
      return { ...toCampaignDto(row), goals: goals.map(toGoalDto), demands: demands.map(toDemandDto) };
    });
  }

  async goalsOf(m: EntityManager, campaignId: string): Promise<CampaignGoalEntity[]> {
    return m.find(CampaignGoalEntity, { where: { campaignId }, order: { metric: 'ASC' } });
  }

  private checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
    if (startsOn && endsOn && endsOn < startsOn) throw fieldError('endsOn', 'error.endBeforeStart');
  }

  private async checkOrganization(m: EntityManager, organizationId: string | null | undefined, field: string): Promise<void> {
    if (!organizationId) return;
    const [row] = (await m.query('SELECT 1 FROM organization WHERE id = $1', [organizationId])) as unknown[];
    if (!row) throw fieldError(field, 'error.unknownOrganization');
  }

  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignDetailDto> {
    this.checkDates(dto.startsOn, dto.endsOn);
    const metrics = (dto.goals ?? []).map((g) => g.metric);
    if (new Set(metrics).size !== metrics.length) throw fieldError('goals', 'error.duplicateGoal');
    const id = await this.tx.run(actor, async (m) => {
      await this.checkOrganization(m, dto.leadOrganizationId, 'leadOrganizationId');
      const campaign = await m.save(
        m.create(CampaignEntity, {
          ...sentFields(dto, CAMPAIGN_FIELDS),
          slug: slugify(dto.name),
          status: dto.status ?? 'draft',
        }),
      );
      for (const g of dto.goals ?? []) await m.insert(CampaignGoalEntity, { campaignId: campaign.id, metric: g.metric, target: String(g.target) });
      for (const [i, d] of (dto.demands ?? []).entries()) {
        await m.insert(DemandEntity, { campaignId: campaign.id, position: i + 1, textEn: d.textEn, textEs: d.textEs, target: d.target ?? null, status: d.status ?? 'open' });
      }
      await this.audit.record(m, auditWho(actor), {
        action: 'campaign.create',
        entityType: 'campaign',
        entityId: campaign.id,
        changedFields: [...CAMPAIGN_AUDITED, ...(dto.goals?.length ? ['goals'] : []), ...(dto.demands?.length ? ['demands'] : [])],
        after: { ...auditable(campaign, CAMPAIGN_AUDITED), goals: dto.goals ?? [], demands: (dto.demands ?? []).length },
      });
      return campaign.id;
    });
    return this.findOne(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateCampaignDto): Promise<CampaignDetailDto> {
    await this.tx.run(actor, async (m) => {
      const campaign = await lockVersioned(m, CampaignEntity, id, dto.version);
      const next: CampaignEntity = { ...campaign, ...sentFields(dto, CAMPAIGN_FIELDS) };
      if (dto.name !== undefined && dto.name !== campaign.name) next.slug = slugify(dto.name);
      this.checkDates(next.startsOn, next.endsOn);
      if (next.leadOrganizationId !== campaign.leadOrganizationId) await this.checkOrganization(m, next.leadOrganizationId, 'leadOrganizationId');
      const changed = changedFields(campaign, next, CAMPAIGN_AUDITED);
      if (changed.length === 0) return;
      const values: Record<string, unknown> = {};
      for (const f of changed) values[f] = (next as unknown as Record<string, unknown>)[f];
      await m.update(CampaignEntity, { id }, values);
      await this.audit.record(m, auditWho(actor), {
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        changedFields: changed,
        before: auditable(campaign, changed),
        after: auditable(next, changed),
      });
    });
    return this.findOne(actor, id);
  }

  // Goals -----------------------------------------------------------------------------------

  async listGoals(actor: Actor, raw: RawListQuery): Promise<Page<CampaignGoalDto>> {
    const query = parseListQuery(raw, GOAL_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.goals(m, actor);
      applyFilters(qb, query, GOAL_LIST);
      const total = await countRows(qb);
      applySort(qb, query, GOAL_LIST);
      const rows = await qb.offset(query.offset).limit(query.limit).getMany();
      return { resource: GOAL_LIST.resource, rows: rows.map(toGoalDto), offset: query.offset, total };
    });
  }

  private goals(m: EntityManager, actor: Actor) {
    const qb = m.getRepository(CampaignGoalEntity).createQueryBuilder('g').innerJoin(CampaignEntity, 'c', 'c.id = g.campaign_id');
    if (!isAllianceRole(actor)) qb.where(`c.status <> 'draft'`);
    return qb;
  }

  async exportGoalsCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, GOAL_LIST);
    await streamCsv<CampaignGoalDto>(res, 'campaign-goals.csv', GOAL_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.goals(m, actor);
        applyFilters(qb, query, GOAL_LIST);
        applySort(qb, query, GOAL_LIST);
        return csv.entities(m, qb, toGoalDto);
      }),
    );
  }

  async createGoal(actor: Actor, dto: CreateGoalDto): Promise<CampaignGoalDto> {
    return this.tx.run(actor, async (m) => {
      await this.visibleCampaign(m, actor, dto.campaignId).catch(() => {
        throw fieldError('campaignId', 'error.unknownCampaign');
      });
      const exists = await m.countBy(CampaignGoalEntity, { campaignId: dto.campaignId, metric: dto.metric });
      if (exists) throw new DomainError(409, 'error.duplicateGoal', {}, 'metric');
      const goal = await m.save(m.create(CampaignGoalEntity, { campaignId: dto.campaignId, metric: dto.metric, target: String(dto.target) }));
      await this.audit.record(m, auditWho(actor), {
        action: 'campaign_goal.create',
        entityType: 'campaign_goal',
        entityId: goal.id,
        changedFields: ['campaignId', 'metric', 'target'],
        after: { campaignId: goal.campaignId, metric: goal.metric, target: Number(goal.target) },
      });
      return toGoalDto(goal);
    });
  }

  async updateGoal(actor: Actor, id: string, dto: UpdateGoalDto): Promise<CampaignGoalDto> {
    return this.tx.run(actor, async (m) => {
      const goal = await lockVersioned(m, CampaignGoalEntity, id, dto.version);
      if (Number(goal.target) === dto.target) return toGoalDto(goal);
      await m.update(CampaignGoalEntity, { id }, { target: String(dto.target) });
      await this.audit.record(m, auditWho(actor), {
        action: 'campaign_goal.update',
        entityType: 'campaign_goal',
        entityId: id,
        changedFields: ['target'],
        before: { target: Number(goal.target) },
        after: { target: dto.target },
      });
      return toGoalDto(await m.findOneByOrFail(CampaignGoalEntity, { id }));
    });
  }

  async removeGoal(actor: Actor, id: string): Promise<CampaignGoalDto> {
    return this.tx.run(actor, async (m) => {
      const goal = await m.findOneBy(CampaignGoalEntity, { id });
      if (!goal) throw notFound();
      await m.delete(CampaignGoalEntity, { id });
      await this.audit.record(m, auditWho(actor), {
        action: 'campaign_goal.delete',
        entityType: 'campaign_goal',
        entityId: id,
        changedFields: ['metric', 'target'],
        before: { campaignId: goal.campaignId, metric: goal.metric, target: Number(goal.target) },
      });
      return toGoalDto(goal);
    });
  }

  // Demands ---------------------------------------------------------------------------------

  async listDemands(actor: Actor, raw: RawListQuery): Promise<Page<DemandDto>> {
    const query = parseListQuery(raw, DEMAND_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.demands(m, actor);
      applyFilters(qb, query, DEMAND_LIST);
      const total = await countRows(qb);
      applySort(qb, query, DEMAND_LIST);
      const rows = await qb.offset(query.offset).limit(query.limit).getMany();
      return { resource: DEMAND_LIST.resource, rows: rows.map(toDemandDto), offset: query.offset, total };
    });
  }

  private demands(m: EntityManager, actor: Actor) {
    const qb = m.getRepository(DemandEntity).createQueryBuilder('d').innerJoin(CampaignEntity, 'c', 'c.id = d.campaign_id');
    if (!isAllianceRole(actor)) qb.where(`c.status <> 'draft'`);
    return qb;
  }

  async exportDemandsCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, DEMAND_LIST);
    await streamCsv<DemandDto>(res, 'demands.csv', DEMAND_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.demands(m, actor);
        applyFilters(qb, query, DEMAND_LIST);
        applySort(qb, query, DEMAND_LIST);
        return csv.entities(m, qb, toDemandDto);
      }),
    );
  }

  async findDemand(actor: Actor, id: string): Promise<DemandDto> {
    return this.tx.run(actor, async (m) => {
      const demand = await m.findOneBy(DemandEntity, { id });
      if (!demand) throw notFound();
      await this.visibleCampaign(m, actor, demand.campaignId);
      return toDemandDto(demand);
    });
  }

  async createDemand(actor: Actor, dto: CreateDemandDto): Promise<DemandDto> {
    return this.tx.run(actor, async (m) => {
      const campaign = await m
        .getRepository(CampaignEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: dto.campaignId })
        .getOne();
      if (!campaign) throw fieldError('campaignId', 'error.unknownCampaign');
      const [{ next }] = (await m.query('SELECT COALESCE(max(position), 0) + 1 AS next FROM demand WHERE campaign_id = $1', [dto.campaignId])) as { next: number }[];
      const demand = await m.save(
        m.create(DemandEntity, { campaignId: dto.campaignId, position: next, textEn: dto.textEn, textEs: dto.textEs, target: dto.target ?? null, status: dto.status ?? 'open' }),
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'demand.create',
        entityType: 'demand',
        entityId: demand.id,
        changedFields: [...DEMAND_AUDITED],
        after: auditable(demand, DEMAND_AUDITED),
      });
      return toDemandDto(demand);
    });
  }

  async updateDemand(actor: Actor, id: string, dto: UpdateDemandDto): Promise<DemandDto> {
    return this.tx.run(actor, async (m) => {
      const demand = await lockVersioned(m, DemandEntity, id, dto.version);
      const next = { ...demand, ...sentFields(dto, DEMAND_FIELDS) };
      const changed = changedFields(demand, next, DEMAND_FIELDS);
      if (changed.length === 0) return toDemandDto(demand);
      const values: Record<string, unknown> = {};
      for (const f of changed) values[f] = (next as unknown as Record<string, unknown>)[f];
      await m.update(DemandEntity, { id }, values);
      await this.audit.record(m, auditWho(actor), {
        action: 'demand.update',
        entityType: 'demand',
        entityId: id,
        changedFields: changed,
        before: auditable(demand, changed),
        after: auditable(next, changed),
      });
      return toDemandDto(await m.findOneByOrFail(DemandEntity, { id }));
    });
  }

  async removeDemand(actor: Actor, id: string): Promise<DemandDto> {
    return this.tx.run(actor, async (m) => {
      const demand = await m.findOneBy(DemandEntity, { id });
      if (!demand) throw notFound();
      await m.delete(DemandEntity, { id });
      // Close the gap so positions stay 1..n.
      await m.query('UPDATE demand SET position = position - 1 WHERE campaign_id = $1 AND position > $2', [demand.campaignId, demand.position]);
      await this.audit.record(m, auditWho(actor), {
        action: 'demand.delete',
        entityType: 'demand',
        entityId: id,
        changedFields: [...DEMAND_AUDITED],
        before: auditable(demand, DEMAND_AUDITED),
      });
      return toDemandDto(demand);
    });
  }

  /** Puts a campaign's demands in the given order (every id exactly once), in one transaction. */
  async reorderDemands(actor: Actor, campaignId: string, dto: ReorderDemandsDto): Promise<DemandDto[]> {
    return this.tx.run(actor, async (m) => {
      await m.getRepository(CampaignEntity).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id: campaignId }).getOne().then((c) => {
        if (!c) throw notFound();
      });
      const current = await m.find(DemandEntity, { where: { campaignId }, order: { position: 'ASC' } });
      const ids = new Set(current.map((d) => d.id));
      if (dto.ids.length !== ids.size || !dto.ids.every((id) => ids.has(id))) throw fieldError('ids', 'error.reorderMismatch');
      for (const [i, id] of dto.ids.entries()) await m.update(DemandEntity, { id }, { position: i + 1 });
      await this.audit.record(m, auditWho(actor), {
        action: 'campaign.reorder_demands',
        entityType: 'campaign',
        entityId: campaignId,
        changedFields: ['demands'],
        before: { order: current.map((d) => d.id) },
        after: { order: dto.ids },
      });
      return (await m.find(DemandEntity, { where: { campaignId }, order: { position: 'ASC' } })).map(toDemandDto);
    });
  }

  // Endorsements ----------------------------------------------------------------------------

  private endorsements(m: EntityManager, actor: Actor) {
    const qb = m
      .getRepository(EndorsementEntity)
      .createQueryBuilder('e')
      .innerJoin('organization', 'o', 'o.id = e.organization_id')
      .innerJoin(CampaignEntity, 'c', 'c.id = e.campaign_id')
      .addSelect(['o.name AS organization_name', 'o.region_id AS region_id', 'o.state AS state']);
    if (!isAllianceRole(actor)) qb.where(`c.status <> 'draft'`);
    return qb;
  }

  private async endorsementRows(qb: ReturnType<CampaignsService['endorsements']>): Promise<EndorsementDto[]> {
    const { entities, raw } = await qb.getRawAndEntities<EndorsementExtras>();
    return entities.map((e, i) => toEndorsementDto(e, raw[i]));
  }

  async exportEndorsementsCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, ENDORSEMENT_LIST);
    await streamCsv<EndorsementDto>(res, 'endorsements.csv', ENDORSEMENT_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.endorsements(m, actor);
        applyFilters(qb, query, ENDORSEMENT_LIST);
        applySort(qb, query, ENDORSEMENT_LIST);
        return csv.entities(m, qb, toEndorsementDto);
      }),
    );
  }

  async listEndorsements(actor: Actor, raw: RawListQuery): Promise<Page<EndorsementDto>> {
    const query = parseListQuery(raw, ENDORSEMENT_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.endorsements(m, actor);
      applyFilters(qb, query, ENDORSEMENT_LIST);
      const total = await countRows(qb);
      applySort(qb, query, ENDORSEMENT_LIST);
      const rows = await this.endorsementRows(qb.offset(query.offset).limit(query.limit));
      return { resource: ENDORSEMENT_LIST.resource, rows, offset: query.offset, total };
    });
  }

  async findEndorsement(actor: Actor, id: string): Promise<EndorsementDto> {
    return this.tx.run(actor, async (m) => {
      const [row] = await this.endorsementRows(this.endorsements(m, actor).andWhere('e.id = :id', { id }));
      if (!row) throw notFound();
      return row;
    });
  }

  /** A coordinator endorses for their own organization; alliance roles for any member organization. */
  async endorse(actor: Actor, dto: CreateEndorsementDto): Promise<EndorsementDto> {
    const alliance = isAllianceRole(actor);
    if (!alliance && actor.role !== 'org_coordinator') throw new DomainError(403, 'error.forbidden');
    if (!alliance && dto.organizationId && dto.organizationId !== actor.organizationId) throw notFound();
    const organizationId = alliance ? dto.organizationId : actor.organizationId;
    if (!organizationId) throw fieldError('organizationId', 'error.organizationRequired');
    if (!alliance && dto.role === 'lead') throw fieldError('role', 'error.leadByAlliance');
    const id = await this.tx.run(actor, async (m) => {
      const campaign = await this.visibleCampaign(m, actor, dto.campaignId).catch(() => {
        throw fieldError('campaignId', 'error.unknownCampaign');
      });
      if (campaign.status !== 'active') throw new DomainError(422, 'error.campaignNotActive', { status: campaign.status }, 'campaignId');
      const [org] = (await m.query('SELECT membership_status FROM organization WHERE id = $1', [organizationId])) as { membership_status: string }[];
      if (!org) throw fieldError('organizationId', 'error.unknownOrganization');
      if (org.membership_status !== 'active') throw fieldError('organizationId', 'error.notAMember');
      const existing = await m.findOneBy(EndorsementEntity, { campaignId: dto.campaignId, organizationId });
      if (existing) throw new DomainError(409, 'error.alreadyEndorsed', {}, 'campaignId');
      const endorsement = await m.save(m.create(EndorsementEntity, { campaignId: dto.campaignId, organizationId, role: dto.role ?? 'endorser' }));
      await this.audit.record(m, auditWho(actor), {
        action: 'endorsement.create',
        entityType: 'endorsement',
        entityId: endorsement.id,
        changedFields: ['campaignId', 'organizationId', 'role'],
        after: { campaignId: dto.campaignId, organizationId, role: endorsement.role },
      });
      return endorsement.id;
    });
    return this.findEndorsement(actor, id);
  }

  /** Withdraws an endorsement: coordinators their own organization's, alliance roles any. */
  async withdraw(actor: Actor, id: string): Promise<EndorsementDto> {
    const before = await this.findEndorsement(actor, id);
    if (!isAllianceRole(actor) && (actor.role !== 'org_coordinator' || before.organizationId !== actor.organizationId)) throw notFound();
    await this.tx.run(actor, async (m) => {
      const result = await m.delete(EndorsementEntity, { id });
      if (!result.affected) throw notFound();
      await this.audit.record(m, auditWho(actor), {
        action: 'endorsement.withdraw',
        entityType: 'endorsement',
        entityId: id,
        changedFields: ['campaignId', 'organizationId', 'role'],
        before: { campaignId: before.campaignId, organizationId: before.organizationId, role: before.role },
      });
    });
    return before;
  }
}
