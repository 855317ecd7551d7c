import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CampaignProgressDto, PledgeDto, PledgeReportDto } from '@unidos/contracts';
import { type Actor, isAllianceRole } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
import { streamCsv } from '@api/common/http/csv';
import {
  applyFilters,
  countRows,
  applySort,
  type ListQuery,
  type ListSpec,
  type Page,
  parseExportQuery,
  parseListQuery,
  type RawListQuery,
} from '@api/common/list/list-query';
import { AuditService, auditWho } from '@api/modules/audit/audit.service';
import { CampaignsService } from '@api/modules/campaigns/campaigns.service';
import type { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { CreatePledgeDto, CreatePledgeReportDto, UpdatePledgeDto } from './dto/pledge.dto';
import { PledgeReportEntity } from './entities/pledge-report.entity';
import { PledgeEntity } from './entities/pledge.entity';

// A pledge without a due date is never overdue: `IS NOT NULL` keeps the expression true or false
// (never NULL), so `overdue` is a boolean and `NOT overdue` finds undated pledges too.
/** The progress page lists the organizations that reported most; the pledges list has them all. */
export const PROGRESS_TOP_ORGANIZATIONS = 50;
const OVERDUE = `(p.status = 'open' AND p.due_on IS NOT NULL AND p.due_on < CURRENT_DATE)`;

export const PLEDGE_LIST: ListSpec = {
  resource: 'pledges',
  sortable: {
    dueOn: 'p.due_on',
    createdAt: 'p.created_at',
    quantity: 'p.quantity',
    reported: 'p.reported',
    metric: 'p.metric',
    status: 'p.status',
    organizationName: 'o.name',
  },
  filters: {
    campaignId: { kind: 'eq', column: 'p.campaign_id', type: 'uuid' },
    organizationId: { kind: 'eq', column: 'p.organization_id', type: 'uuid' },
    demandId: { kind: 'eq', column: 'p.demand_id', type: 'uuid' },
    metric: { kind: 'eq', column: 'p.metric' },
    status: { kind: 'eq', column: 'p.status' },
    regionId: { kind: 'eq', column: 'o.region_id', type: 'uuid' },
    q: { kind: 'search', columns: ['o.name'] },
    dueFrom: { kind: 'gte', column: 'p.due_on', type: 'date' },
    dueTo: { kind: 'lte', column: 'p.due_on', type: 'date' },
    overdue: { kind: 'custom' },
  },
  defaultSort: ['dueOn', 'ASC'],
  tiebreaker: 'p.id',
  idColumn: 'p.id',
};

export const REPORT_LIST: ListSpec = {
  resource: 'pledge-reports',
  sortable: { reportedOn: 'r.reported_on', createdAt: 'r.created_at', quantity: 'r.quantity' },
  filters: {
    pledgeId: { kind: 'eq', column: 'r.pledge_id', type: 'uuid' },
    campaignId: { kind: 'eq', column: 'p.campaign_id', type: 'uuid' },
    organizationId: { kind: 'eq', column: 'p.organization_id', type: 'uuid' },
    eventId: { kind: 'eq', column: 'r.event_id', type: 'uuid' },
    from: { kind: 'gte', column: 'r.reported_on', type: 'date' },
    to: { kind: 'lte', column: 'r.reported_on', type: 'date' },
  },
  defaultSort: ['reportedOn', 'DESC'],
  tiebreaker: 'r.id',
  idColumn: 'r.id',
};

type PledgeRow = PledgeEntity & { organizationName: string; overdue: boolean };

/** A pledge with the columns pledges() adds, as the list and the export read them. */
interface PledgeExtras {
  organization_name: string;
  overdue: boolean;
}

const pledgeRow = (e: PledgeEntity, raw: PledgeExtras): PledgeRow => ({
  ...e,
  organizationName: raw.organization_name,
  overdue: raw.overdue,
});

export function toPledgeDto(p: PledgeRow): PledgeDto {
  const quantity = Number(p.quantity);
  const reported = Number(p.reported);
  return {
    id: p.id,
    campaignId: p.campaignId,
    organizationId: p.organizationId,
    organizationName: p.organizationName,
    demandId: p.demandId,
    metric: p.metric,
    quantity,
    reported,
    percent: quantity > 0 ? Math.round((reported / quantity) * 1000) / 10 : 0,
    dueOn: p.dueOn,
    note: p.note,
    status: p.status,
    overdue: p.overdue,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

type ReportRow = PledgeReportEntity & {
  campaignId: string;
  organizationId: string;
  metric: PledgeReportDto['metric'];
};

/** The columns reports() adds to a report. */
interface ReportExtras {
  campaign_id: string;
  organization_id: string;
  metric: PledgeReportDto['metric'];
}

const reportRow = (e: PledgeReportEntity, raw: ReportExtras): ReportRow => ({
  ...e,
  campaignId: raw.campaign_id,
  organizationId: raw.organization_id,
  metric: raw.metric,
});

const toReportDto = (r: ReportRow): PledgeReportDto => ({
  id: r.id,
  pledgeId: r.pledgeId,
  campaignId: r.campaignId,
  organizationId: r.organizationId,
  metric: r.metric,
  quantity: Number(r.quantity),
  reportedOn: r.reportedOn,
  reportedBy: r.reportedBy,
  eventId: r.eventId,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

const today = () => new Date().toISOString().slice(0, 10);
const shiftYears = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/** A whole number except for dollars, which allow cents. */
function checkQuantity(metric: string, quantity: number, field = 'quantity'): void {
  if (metric !== 'dollars' && !Number.isInteger(quantity)) throw fieldError(field, 'error.wholeNumber');
}

/**
 * Pledges organizations make and their append-only fulfilment reports. Pledges, reports and
 * progress are coalition-visible; only an organization's coordinators (or alliance roles) write
 * them, for that organization. Sums are kept by the database, never read-modify-write in Node.
 */
@Injectable()
export class PledgesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
  ) {}

  private pledges(m: EntityManager, actor: Actor): SelectQueryBuilder<PledgeEntity> {
    const qb = m
      .getRepository(PledgeEntity)
      .createQueryBuilder('p')
      .innerJoin('organization', 'o', 'o.id = p.organization_id')
      .innerJoin('campaign', 'c', 'c.id = p.campaign_id')
      .addSelect('o.name', 'organization_name')
      .addSelect(OVERDUE, 'overdue');
    if (!isAllianceRole(actor)) qb.where(`c.status <> 'draft'`);
    return qb;
  }

  private async pledgeRows(qb: SelectQueryBuilder<PledgeEntity>): Promise<PledgeRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<PledgeExtras>();
    return entities.map((e, i) => pledgeRow(e, raw[i]));
  }

  private applyPledgeFilters(qb: SelectQueryBuilder<PledgeEntity>, query: ListQuery): void {
    applyFilters(qb, query, PLEDGE_LIST);
    const overdue = query.filter.overdue;
    if (overdue === true) qb.andWhere(OVERDUE);
    else if (overdue === false) qb.andWhere(`NOT ${OVERDUE}`);
    else if (overdue !== undefined && overdue !== null && overdue !== '')
      throw fieldError('filter', 'query.badFilterValue', { field: 'overdue' });
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<PledgeDto>> {
    return this.page(actor, raw, true);
  }

  /** A page of the list without its total (the dashboards take totals from pledge_due_count). */
  async listRows(actor: Actor, raw: RawListQuery): Promise<PledgeDto[]> {
    return (await this.page(actor, raw, false)).rows;
  }

  /**
   * Open pledges overdue and due in the next days, from the maintained count per due date: the same
   * numbers the pledges list gives for those filters, without counting millions of pledges.
   */
  async dueCounts(actor: Actor, days: number): Promise<{ overdue: number; dueSoon: number }> {
    return this.tx.run(actor, async (m) => {
      const [row] = (await m.query(
        `SELECT COALESCE(sum(open_pledges) FILTER (WHERE due_on < CURRENT_DATE), 0)::int AS overdue,
                COALESCE(sum(open_pledges) FILTER (WHERE due_on >= $1::date AND due_on <= $2::date), 0)::int AS due_soon
           FROM pledge_due_count WHERE due_on <= GREATEST(CURRENT_DATE, $2::date)`,
        [today(), new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)],
      )) as { overdue: number; due_soon: number }[];
      return { overdue: row.overdue, dueSoon: row.due_soon };
    });
  }

  private async page(actor: Actor, raw: RawListQuery, withTotal: boolean): Promise<Page<PledgeDto>> {
    const query = parseListQuery(raw, PLEDGE_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.pledges(m, actor);
      this.applyPledgeFilters(qb, query);
      const total = withTotal ? await countRows(qb) : 0;
      applySort(qb, query, PLEDGE_LIST);
      const rows = await this.pledgeRows(qb.offset(query.offset).limit(query.limit));
      return { resource: PLEDGE_LIST.resource, rows: rows.map(toPledgeDto), offset: query.offset, total };
    });
  }

  async findOne(actor: Actor, id: string): Promise<PledgeDto> {
    return this.tx.run(actor, (m) => this.findIn(m, actor, id));
  }

  private async findIn(m: EntityManager, actor: Actor, id: string): Promise<PledgeDto> {
    const [row] = await this.pledgeRows(this.pledges(m, actor).andWhere('p.id = :id', { id }));
    if (!row) throw notFound();
    return toPledgeDto(row);
  }

  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, PLEDGE_LIST);
    await streamCsv<PledgeDto>(
      res,
      'pledges.csv',
      [
        'id',
        'campaignId',
        'organizationId',
        'organizationName',
        'metric',
        'quantity',
        'reported',
        'percent',
        'dueOn',
        'status',
        'overdue',
        'note',
      ],
      (csv) =>
        this.tx.run(actor, (m) => {
          const qb = this.pledges(m, actor);
          this.applyPledgeFilters(qb, query);
          applySort(qb, query, PLEDGE_LIST);
          return csv.entities(m, qb, (e, row: PledgeExtras) => toPledgeDto(pledgeRow(e, row)));
        }),
    );
  }

  /** Which organization the caller writes for: their own, or (alliance roles) the one named. */
  private writerOrganization(actor: Actor, requested: string | undefined): string {
    if (isAllianceRole(actor)) {
      if (!requested) throw fieldError('organizationId', 'error.organizationRequired');
      return requested;
    }
    if (actor.role !== 'org_coordinator' || !actor.organizationId)
      throw new DomainError(403, 'error.forbidden');
    if (requested && requested !== actor.organizationId) throw notFound();
    return actor.organizationId;
  }

  private checkDueOn(dueOn: string | null | undefined): void {
    if (!dueOn) return;
    const min = shiftYears(-1);
    const max = shiftYears(5);
    if (dueOn < min || dueOn > max) throw fieldError('dueOn', 'error.dueOnOutOfRange', { min, max });
  }

  /** Checks a new pledge against its campaign: active, metric among its goals (or other), demand of it. */
  private async checkAgainstCampaign(
    m: EntityManager,
    actor: Actor,
    campaignId: string,
    metric: string,
    demandId: string | null | undefined,
  ): Promise<CampaignEntity> {
    const campaign = await this.campaigns.visibleCampaign(m, actor, campaignId).catch(() => {
      throw fieldError('campaignId', 'error.unknownCampaign');
    });
    if (campaign.status !== 'active')
      throw new DomainError(422, 'error.campaignNotActive', { status: campaign.status }, 'campaignId');
    if (metric !== 'other') {
      const goals = await this.campaigns.goalsOf(m, campaignId);
      if (!goals.some((g) => g.metric === metric))
        throw fieldError('metric', 'error.metricNotInGoals', {
          metrics: [...goals.map((g) => g.metric), 'other'].join(', '),
        });
    }
    if (demandId) {
      const [row] = (await m.query('SELECT 1 FROM demand WHERE id = $1 AND campaign_id = $2', [
        demandId,
        campaignId,
      ])) as unknown[];
      if (!row) throw fieldError('demandId', 'error.unknownDemand');
    }
    return campaign;
  }

  private async checkMember(m: EntityManager, organizationId: string): Promise<void> {
    const [org] = (await m.query('SELECT membership_status FROM organization WHERE id = $1', [
      organizationId,
    ])) as { membership_status: string }[];
    if (!org) throw fieldError('organizationId', 'error.unknownOrganization');
    if (org.membership_status !== 'active') throw fieldError('organizationId', 'error.notAMember');
  }

  async create(actor: Actor, dto: CreatePledgeDto): Promise<PledgeDto> {
    const organizationId = this.writerOrganization(actor, dto.organizationId);
    checkQuantity(dto.metric, dto.quantity);
    this.checkDueOn(dto.dueOn);
    return this.tx.run(actor, async (m) => {
      await this.checkAgainstCampaign(m, actor, dto.campaignId, dto.metric, dto.demandId);
      await this.checkMember(m, organizationId);
      const pledge = await this.insertPledge(m, actor, {
        campaignId: dto.campaignId,
        organizationId,
        demandId: dto.demandId ?? null,
        metric: dto.metric,
        quantity: dto.quantity,
        dueOn: dto.dueOn ?? null,
        note: dto.note ?? null,
      });
      return this.findIn(m, actor, pledge.id);
    });
  }

  /** An accepted public offer becomes a pledge, checked like any other, in the reviewer's transaction. */
  async createFromOffer(
    m: EntityManager,
    actor: Actor,
    fields: {
      campaignId: string;
      organizationId: string;
      metric: PledgeEntity['metric'];
      quantity: number;
      dueOn: string | null;
      note: string | null;
    },
  ): Promise<PledgeEntity> {
    this.checkDueOn(fields.dueOn);
    await this.checkAgainstCampaign(m, actor, fields.campaignId, fields.metric, null);
    await this.checkMember(m, fields.organizationId);
    return this.insertPledge(m, actor, { ...fields, demandId: null }, 'pledge.create_from_offer');
  }

  /** Inserts a pledge and its audit row (also used when a public offer is accepted). */
  async insertPledge(
    m: EntityManager,
    actor: Actor,
    fields: Pick<PledgeEntity, 'campaignId' | 'organizationId' | 'demandId' | 'metric' | 'dueOn' | 'note'> & {
      quantity: number;
    },
    action = 'pledge.create',
  ): Promise<PledgeEntity> {
    const pledge = await m.save(
      m.create(PledgeEntity, { ...fields, quantity: String(fields.quantity), createdBy: actor.userId }),
    );
    await this.audit.record(m, auditWho(actor), {
      action,
      entityType: 'pledge',
      entityId: pledge.id,
      changedFields: ['campaignId', 'organizationId', 'demandId', 'metric', 'quantity', 'dueOn', 'note'],
      after: {
        campaignId: pledge.campaignId,
        organizationId: pledge.organizationId,
        demandId: pledge.demandId,
        metric: pledge.metric,
        quantity: fields.quantity,
        dueOn: pledge.dueOn,
      },
    });
    return pledge;
  }

  async update(actor: Actor, id: string, dto: UpdatePledgeDto): Promise<PledgeDto> {
    return this.tx.run(actor, async (m) => {
      const visible = await this.findIn(m, actor, id);
      this.writerOrganization(actor, visible.organizationId);
      const pledge = await lockVersioned(m, PledgeEntity, id, dto.version);
      const patch = sentFields(dto, ['quantity', 'dueOn', 'demandId', 'note', 'status'] as const);
      if (patch.quantity !== undefined) checkQuantity(pledge.metric, patch.quantity);
      if (patch.dueOn !== undefined) this.checkDueOn(patch.dueOn);
      if (patch.demandId) {
        const [row] = (await m.query('SELECT 1 FROM demand WHERE id = $1 AND campaign_id = $2', [
          patch.demandId,
          pledge.campaignId,
        ])) as unknown[];
        if (!row) throw fieldError('demandId', 'error.unknownDemand');
      }
      const quantity = patch.quantity ?? Number(pledge.quantity);
      const cancelled =
        (patch.status ?? (pledge.status === 'cancelled' ? 'cancelled' : 'open')) === 'cancelled';
      const status = cancelled ? 'cancelled' : Number(pledge.reported) >= quantity ? 'fulfilled' : 'open';
      const before: Record<string, unknown> = {
        quantity: Number(pledge.quantity),
        dueOn: pledge.dueOn,
        demandId: pledge.demandId,
        status: pledge.status,
      };
      const after: Record<string, unknown> = {
        quantity,
        dueOn: patch.dueOn === undefined ? pledge.dueOn : patch.dueOn,
        demandId: patch.demandId === undefined ? pledge.demandId : patch.demandId,
        status,
      };
      const changed = Object.keys(after).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
      );
      if (patch.note !== undefined && patch.note !== pledge.note) changed.push('note');
      if (changed.length === 0) return visible;
      await m.update(
        PledgeEntity,
        { id },
        {
          quantity: String(quantity),
          dueOn: after.dueOn as string | null,
          demandId: after.demandId as string | null,
          status,
          note: patch.note === undefined ? pledge.note : patch.note,
        },
      );
      await this.audit.record(m, auditWho(actor), {
        action: status === 'cancelled' && pledge.status !== 'cancelled' ? 'pledge.cancel' : 'pledge.update',
        entityType: 'pledge',
        entityId: id,
        changedFields: changed,
        before,
        after,
      });
      return this.findIn(m, actor, id);
    });
  }

  // Reports ---------------------------------------------------------------------------------

  private reports(m: EntityManager, actor: Actor) {
    const qb = m
      .getRepository(PledgeReportEntity)
      .createQueryBuilder('r')
      .innerJoin(PledgeEntity, 'p', 'p.id = r.pledge_id')
      .innerJoin('campaign', 'c', 'c.id = p.campaign_id')
      .addSelect([
        'p.campaign_id AS campaign_id',
        'p.organization_id AS organization_id',
        'p.metric AS metric',
      ]);
    if (!isAllianceRole(actor)) qb.where(`c.status <> 'draft'`);
    return qb;
  }

  private async reportRows(qb: ReturnType<PledgesService['reports']>): Promise<ReportRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<ReportExtras>();
    return entities.map((e, i) => reportRow(e, raw[i]));
  }

  async listReports(actor: Actor, raw: RawListQuery): Promise<Page<PledgeReportDto>> {
    const query = parseListQuery(raw, REPORT_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.reports(m, actor);
      applyFilters(qb, query, REPORT_LIST);
      const total = await countRows(qb);
      applySort(qb, query, REPORT_LIST);
      const rows = await this.reportRows(qb.offset(query.offset).limit(query.limit));
      return { resource: REPORT_LIST.resource, rows: rows.map(toReportDto), offset: query.offset, total };
    });
  }

  async findReport(actor: Actor, id: string): Promise<PledgeReportDto> {
    return this.tx.run(actor, async (m) => {
      const [row] = await this.reportRows(this.reports(m, actor).andWhere('r.id = :id', { id }));
      if (!row) throw notFound();
      return toReportDto(row);
    });
  }

  async exportReportsCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, REPORT_LIST);
    await streamCsv<PledgeReportDto>(
      res,
      'pledge-reports.csv',
      [
        'id',
        'pledgeId',
        'campaignId',
        'organizationId',
        'metric',
        'quantity',
        'reportedOn',
        'eventId',
        'note',
        'createdAt',
      ],
      (csv) =>
        this.tx.run(actor, (m) => {
          const qb = this.reports(m, actor);
          applyFilters(qb, query, REPORT_LIST);
          applySort(qb, query, REPORT_LIST);
          return csv.entities(m, qb, (e, row: ReportExtras) => toReportDto(reportRow(e, row)));
        }),
    );
  }

  /**
   * Appends a report and adds it to the pledge's total in the same transaction, in one UPDATE
   * (so concurrent reports are exact). A negative correction needs a note and never takes the
   * total below zero. Reaching the quantity fulfils the pledge; a correction below reopens it.
   */
  async report(actor: Actor, dto: CreatePledgeReportDto): Promise<PledgeReportDto> {
    const reportedOn = dto.reportedOn ?? today();
    if (reportedOn > today()) throw fieldError('reportedOn', 'error.reportInFuture');
    if (reportedOn < shiftYears(-2)) throw fieldError('reportedOn', 'error.reportTooOld');
    if (dto.quantity < 0 && !dto.note) throw fieldError('note', 'error.correctionNeedsNote');
    return this.tx.run(actor, async (m) => {
      const pledge = await this.findIn(m, actor, dto.pledgeId).catch(() => {
        throw notFound();
      });
      this.writerOrganization(actor, pledge.organizationId);
      checkQuantity(pledge.metric, dto.quantity);
      if (pledge.status === 'cancelled') throw fieldError('pledgeId', 'error.pledgeCancelled');
      const report = await this.appendReport(
        m,
        actor,
        pledge.id,
        dto.quantity,
        reportedOn,
        dto.eventId ?? null,
        dto.note ?? null,
      );
      return toReportDto({
        ...report,
        campaignId: pledge.campaignId,
        organizationId: pledge.organizationId,
        metric: pledge.metric,
      });
    });
  }

  /** Adds a report and its quantity to the pledge's total in one UPDATE, with its audit row. */
  private async appendReport(
    m: EntityManager,
    actor: Actor,
    pledgeId: string,
    quantity: number,
    reportedOn: string,
    eventId: string | null,
    note: string | null,
  ): Promise<PledgeReportEntity> {
    const updated = (await m.query(
      `UPDATE pledge
          SET reported = reported + $2,
              status = CASE WHEN reported + $2 >= quantity THEN 'fulfilled' ELSE 'open' END,
              updated_at = now()
        WHERE id = $1 AND status <> 'cancelled' AND reported + $2 >= 0
      RETURNING reported`,
      [pledgeId, quantity],
    )) as [unknown[], number];
    if (updated[1] === 0) throw fieldError('quantity', 'error.reportBelowZero');
    const report = await m.save(
      m.create(PledgeReportEntity, {
        pledgeId,
        quantity: String(quantity),
        reportedOn,
        reportedBy: actor.userId,
        eventId,
        note,
      }),
    );
    await this.audit.record(m, auditWho(actor), {
      action: quantity < 0 ? 'pledge_report.correct' : 'pledge_report.create',
      entityType: 'pledge_report',
      entityId: report.id,
      changedFields: ['pledgeId', 'quantity', 'reportedOn', ...(eventId ? ['eventId'] : [])],
      after: { pledgeId, quantity, reportedOn, eventId },
    });
    return report;
  }

  /**
   * When an event is completed: a host's reported attendance becomes a report on its turnout
   * pledge for the event's campaign (the newest open one, else the newest fulfilled one).
   * Answers the pledge's id, or null when the host made no turnout pledge there.
   */
  async recordEventAttendance(
    m: EntityManager,
    actor: Actor,
    a: { campaignId: string; organizationId: string; eventId: string; quantity: number; reportedOn: string },
  ): Promise<string | null> {
    const [pledge] = (await m.query(
      `SELECT id FROM pledge WHERE campaign_id = $1 AND organization_id = $2 AND metric = 'turnout' AND status <> 'cancelled'
        ORDER BY (status = 'open') DESC, created_at DESC LIMIT 1`,
      [a.campaignId, a.organizationId],
    )) as { id: string }[];
    if (!pledge) return null;
    await this.appendReport(m, actor, pledge.id, a.quantity, a.reportedOn, a.eventId, null);
    return pledge.id;
  }

  // Progress --------------------------------------------------------------------------------

  /** A campaign's progress: per goal, per organization, per region, and its overdue pledges. */
  async progress(actor: Actor, campaignId: string): Promise<CampaignProgressDto> {
    return this.tx.run(actor, async (m) => {
      await this.campaigns.visibleCampaign(m, actor, campaignId);
      // Sums come from the maintained roll-up (campaign_*_progress): a handful of rows per
      // campaign however many pledges it has.
      const goals = (await m.query(
        `SELECT COALESCE(g.metric, t.metric) AS metric, g.target, COALESCE(t.pledged, 0) AS pledged,
                COALESCE(t.reported, 0) AS reported, COALESCE(t.n, 0)::int AS pledges
           FROM (SELECT metric, target FROM campaign_goal WHERE campaign_id = $1) g
           FULL JOIN (SELECT metric, sum(pledged) AS pledged, sum(reported) AS reported, sum(pledges) AS n
                        FROM campaign_region_progress WHERE campaign_id = $1 GROUP BY metric) t
             ON t.metric = g.metric
          ORDER BY (g.target IS NULL), 1`,
        [campaignId],
      )) as { metric: string; target: string | null; pledged: string; reported: string; pledges: number }[];
      const organizations = (await m.query(
        `SELECT c.organization_id, o.name, o.region_id, c.metric, c.pledged, c.reported
           FROM campaign_org_progress c JOIN organization o ON o.id = c.organization_id
          WHERE c.campaign_id = $1
          ORDER BY c.reported DESC, o.name, c.metric
          LIMIT ${PROGRESS_TOP_ORGANIZATIONS}`,
        [campaignId],
      )) as {
        organization_id: string;
        name: string;
        region_id: string | null;
        metric: string;
        pledged: string;
        reported: string;
      }[];
      // Each region row counts its organization/metric rows, so their sum is how many there are.
      const [{ n: organizationRows }] = (await m.query(
        `SELECT COALESCE(sum(organizations), 0)::int AS n FROM campaign_region_progress WHERE campaign_id = $1`,
        [campaignId],
      )) as { n: number }[];
      const regions = (await m.query(
        `SELECT c.region_id, r.name, c.metric, c.pledged, c.reported, c.organizations
           FROM campaign_region_progress c LEFT JOIN region r ON r.id = c.region_id
          WHERE c.campaign_id = $1
          ORDER BY r.name NULLS LAST, c.metric`,
        [campaignId],
      )) as {
        region_id: string | null;
        name: string | null;
        metric: string;
        pledged: string;
        reported: string;
        organizations: number;
      }[];
      const overdue = await this.pledgeRows(
        this.pledges(m, actor)
          .andWhere('p.campaign_id = :campaignId', { campaignId })
          .andWhere(OVERDUE)
          .orderBy('p.due_on', 'ASC')
          .addOrderBy('p.id')
          .limit(100),
      );
      const pct = (reported: number, pledged: number) =>
        pledged > 0 ? Math.round((reported / pledged) * 1000) / 10 : 0;
      return {
        campaignId,
        goals: goals.map((g) => ({
          metric: g.metric as PledgeDto['metric'],
          target: g.target === null ? null : Number(g.target),
          pledged: Number(g.pledged),
          reported: Number(g.reported),
          pledges: g.pledges,
        })),
        organizations: organizations.map((o) => ({
          organizationId: o.organization_id,
          organizationName: o.name,
          regionId: o.region_id,
          metric: o.metric as PledgeDto['metric'],
          pledged: Number(o.pledged),
          reported: Number(o.reported),
          percent: pct(Number(o.reported), Number(o.pledged)),
        })),
        organizationsTotal: organizationRows,
        regions: regions.map((r) => ({
          regionId: r.region_id,
          regionName: r.name,
          metric: r.metric as PledgeDto['metric'],
          pledged: Number(r.pledged),
          reported: Number(r.reported),
          organizations: r.organizations,
        })),
        overdue: overdue.map(toPledgeDto),
      };
    });
  }
}
