import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { EventDetailDto, EventDto, EventHostDto, EventTotalsDto } from '@unidos/contracts';
import { type Actor, isAllianceRole } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
import { streamCsv } from '@api/common/http/csv';
import { applyFilters, countRows, applySort, type ListQuery, type ListSpec, type Page, parseExportQuery, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho, auditable, changedFields } from '@api/modules/audit/audit.service';
import { PledgesService } from '@api/modules/pledges/pledges.service';
import { CancelEventDto, CompleteEventDto, CreateEventDto, InviteHostDto, UpdateEventDto, UpdateHostDto, WalkInsDto } from './dto/event.dto';
import { EventHostEntity } from './entities/event-host.entity';
import { EventEntity } from './entities/event.entity';
import { isTimeZone } from './time-zone';

const EVENT_FIELDS = [
  'title',
  'description',
  'kind',
  'campaignId',
  'demandId',
  'startsAt',
  'endsAt',
  'timeZone',
  'venue',
  'address',
  'city',
  'state',
  'onlineUrl',
  'capacity',
  'languages',
  'interpretation',
  'accessibilityNotes',
  'status',
] as const;

export const EVENT_LIST: ListSpec = {
  resource: 'events',
  sortable: { startsAt: 'e.starts_at', title: 'e.title', kind: 'e.kind', state: 'e.state', status: 'e.status', createdAt: 'e.created_at' },
  filters: {
    q: { kind: 'search', columns: ['e.title', 'e.city', 'e.venue'] },
    status: { kind: 'eq', column: 'e.status' },
    kind: { kind: 'eq', column: 'e.kind' },
    campaignId: { kind: 'eq', column: 'e.campaign_id', type: 'uuid' },
    state: { kind: 'eq', column: 'e.state' },
    leadOrganizationId: { kind: 'eq', column: 'e.lead_organization_id', type: 'uuid' },
    from: { kind: 'gte', column: 'e.starts_at', type: 'date' },
    to: { kind: 'lte', column: 'e.starts_at', type: 'date' },
    hostOrganizationId: { kind: 'custom' },
    when: { kind: 'custom' },
  },
  defaultSort: ['startsAt', 'ASC'],
  tiebreaker: 'e.id',
  idColumn: 'e.id',
};

export const HOST_LIST: ListSpec = {
  resource: 'event-hosts',
  sortable: { organizationName: 'o.name', role: 'h.role', status: 'h.status', createdAt: 'h.created_at' },
  filters: {
    eventId: { kind: 'eq', column: 'h.event_id', type: 'uuid' },
    organizationId: { kind: 'eq', column: 'h.organization_id', type: 'uuid' },
    status: { kind: 'eq', column: 'h.status' },
  },
  defaultSort: ['organizationName', 'ASC'],
  tiebreaker: 'h.id',
  idColumn: 'h.id',
};

export function toEventDto(e: EventEntity): EventDto {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    kind: e.kind,
    campaignId: e.campaignId,
    demandId: e.demandId,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    venue: e.venue,
    address: e.address,
    city: e.city,
    state: e.state,
    onlineUrl: e.onlineUrl,
    capacity: e.capacity,
    goingCount: e.goingCount,
    languages: e.languages,
    interpretation: e.interpretation,
    accessibilityNotes: e.accessibilityNotes,
    status: e.status,
    cancelReason: e.cancelReason,
    leadOrganizationId: e.leadOrganizationId,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

type HostRow = EventHostEntity & { organizationName: string };
interface HostExtras {
  organization_name: string;
}
const hostRow = (h: EventHostEntity, raw: HostExtras): HostRow => ({ ...h, organizationName: raw.organization_name });

const EVENT_COLUMNS = [
  'id',
  'title',
  'kind',
  'status',
  'startsAt',
  'endsAt',
  'timeZone',
  'venue',
  'address',
  'city',
  'state',
  'onlineUrl',
  'capacity',
  'goingCount',
  'languages',
  'interpretation',
  'accessibilityNotes',
  'campaignId',
  'demandId',
  'leadOrganizationId',
  'cancelReason',
  'createdAt',
] as const;
const HOST_COLUMNS = [
  'id',
  'eventId',
  'organizationId',
  'organizationName',
  'role',
  'status',
  'turnoutGoal',
  'reportedAttendance',
  'going',
  'maybe',
  'declined',
  'waitlisted',
  'checkedIn',
  'walkIns',
] as const;

const toHostDto = (h: HostRow): EventHostDto => ({
  id: h.id,
  eventId: h.eventId,
  organizationId: h.organizationId,
  organizationName: h.organizationName,
  role: h.role,
  status: h.status,
  turnoutGoal: h.turnoutGoal,
  reportedAttendance: h.reportedAttendance,
  going: h.going,
  maybe: h.maybe,
  declined: h.declined,
  waitlisted: h.waitlisted,
  checkedIn: h.checkedIn,
  walkIns: h.walkIns,
  version: h.version,
});

/**
 * Joint events and their hosts. Events, hosts and totals are coalition-visible (drafts: the hosts
 * and the alliance); who is coming is each host's private RSVPs (see RsvpsService).
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly pledges: PledgesService,
  ) {}

  /** Events this caller may see: all but other organizations' drafts. */
  events(m: EntityManager, actor: Actor): SelectQueryBuilder<EventEntity> {
    const qb = m.getRepository(EventEntity).createQueryBuilder('e');
    if (!isAllianceRole(actor)) {
      qb.where(
        `(CASE WHEN e.status = 'draft' THEN EXISTS (SELECT 1 FROM event_host dh WHERE dh.event_id = e.id AND dh.organization_id = :viewerOrg AND dh.status <> 'declined') ELSE true END)`,
        { viewerOrg: actor.organizationId },
      );
    }
    return qb;
  }

  private applyEventFilters(qb: SelectQueryBuilder<EventEntity>, query: ListQuery): void {
    applyFilters(qb, query, EVENT_LIST);
    const host = query.filter.hostOrganizationId;
    if (typeof host === 'string' && host) {
      if (!/^[0-9a-f-]{36}$/i.test(host)) throw fieldError('filter', 'query.badFilterValue', { field: 'hostOrganizationId' });
      qb.andWhere(`EXISTS (SELECT 1 FROM event_host fh WHERE fh.event_id = e.id AND fh.organization_id = :hostOrg AND fh.status <> 'declined')`, { hostOrg: host });
    }
    const when = query.filter.when;
    // Not ended yet. The second condition follows from the first (an event started at most the
    // longest event's length ago) and lets the list walk the starts_at index from there.
    if (when === 'upcoming')
      qb.andWhere('e.ends_at >= now()').andWhere('e.starts_at >= now() - (SELECT max(x.ends_at - x.starts_at) FROM event x)');
    else if (when === 'past') qb.andWhere('e.ends_at < now()');
    else if (when !== undefined && when !== null && when !== '') throw fieldError('filter', 'query.badFilterValue', { field: 'when' });
  }

  async list(actor: Actor, raw: RawListQuery, withTotal = true): Promise<Page<EventDto>> {
    const query = parseListQuery(raw, EVENT_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.events(m, actor);
      this.applyEventFilters(qb, query);
      // The dashboards show a page of events, not how many there are: they skip the count.
      const total = withTotal ? await countRows(qb) : 0;
      applySort(qb, query, EVENT_LIST);
      const rows = await qb.offset(query.offset).limit(query.limit).getMany();
      return { resource: EVENT_LIST.resource, rows: rows.map(toEventDto), offset: query.offset, total };
    });
  }

  /** The events list as CSV: the same filters, sort and drafts rule, every page. */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, EVENT_LIST);
    await streamCsv<EventDto>(res, 'events.csv', EVENT_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.events(m, actor);
        this.applyEventFilters(qb, query);
        applySort(qb, query, EVENT_LIST);
        return csv.entities(m, qb, toEventDto);
      }),
    );
  }

  /** Events matching a filter, for the calendar feeds (no paging; at most `limit`). */
  async forFeed(m: EntityManager, organizationId: string | null, limit = 2000): Promise<EventEntity[]> {
    const qb = m.getRepository(EventEntity).createQueryBuilder('e').where(`e.status <> 'draft'`).andWhere(`e.ends_at > now() - interval '90 days'`);
    if (organizationId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM event_host fh WHERE fh.event_id = e.id AND fh.organization_id = :o AND fh.status = 'accepted')`, { o: organizationId });
    }
    return qb.orderBy('e.starts_at', 'ASC').limit(limit).getMany();
  }

  async visibleEvent(m: EntityManager, actor: Actor, id: string): Promise<EventEntity> {
    const event = await this.events(m, actor).andWhere('e.id = :id', { id }).getOne();
    if (!event) throw notFound();
    return event;
  }

  private async hosts(m: EntityManager, eventId: string): Promise<EventHostDto[]> {
    const { entities, raw } = await m
      .getRepository(EventHostEntity)
      .createQueryBuilder('h')
      .innerJoin('organization', 'o', 'o.id = h.organization_id')
      .addSelect('o.name', 'organization_name')
      .where('h.event_id = :eventId', { eventId })
      .orderBy('h.role', 'DESC')
      .addOrderBy('o.name', 'ASC')
      .getRawAndEntities<{ organization_name: string }>();
    return entities.map((h, i) => toHostDto({ ...h, organizationName: raw[i].organization_name }));
  }

  async findOne(actor: Actor, id: string): Promise<EventDetailDto> {
    return this.tx.run(actor, async (m) => {
      const event = await this.visibleEvent(m, actor, id);
      return { ...toEventDto(event), hosts: await this.hosts(m, id) };
    });
  }

  async totals(actor: Actor, id: string): Promise<EventTotalsDto> {
    return this.tx.run(actor, async (m) => {
      const event = await this.visibleEvent(m, actor, id);
      const hosts = (await this.hosts(m, id)).filter((h) => h.status !== 'declined');
      const sum = (f: (h: EventHostDto) => number | null) => hosts.reduce((s, h) => s + (f(h) ?? 0), 0);
      return {
        eventId: id,
        capacity: event.capacity,
        goingCount: event.goingCount,
        hosts,
        totals: {
          going: sum((h) => h.going),
          maybe: sum((h) => h.maybe),
          declined: sum((h) => h.declined),
          waitlisted: sum((h) => h.waitlisted),
          checkedIn: sum((h) => h.checkedIn),
          walkIns: sum((h) => h.walkIns),
          reportedAttendance: sum((h) => h.reportedAttendance),
          turnoutGoal: sum((h) => h.turnoutGoal),
        },
      };
    });
  }

  /** Who may change an event: the alliance, or a coordinator of its lead organization. */
  private checkLeadWriter(actor: Actor, event: Pick<EventEntity, 'leadOrganizationId'>): void {
    if (isAllianceRole(actor)) return;
    if (actor.role !== 'org_coordinator' || actor.organizationId !== event.leadOrganizationId) throw notFound();
  }

  private checkTimes(startsAt: string | Date, endsAt: string | Date, timeZone: string): void {
    if (!isTimeZone(timeZone)) throw fieldError('timeZone', 'error.unknownTimeZone');
    if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) throw fieldError('endsAt', 'error.endBeforeStart');
  }

  private async checkCampaign(m: EntityManager, campaignId: string | null | undefined, demandId: string | null | undefined): Promise<void> {
    if (campaignId) {
      const [row] = (await m.query('SELECT 1 FROM campaign WHERE id = $1', [campaignId])) as unknown[];
      if (!row) throw fieldError('campaignId', 'error.unknownCampaign');
    }
    if (demandId) {
      const [row] = (await m.query('SELECT campaign_id FROM demand WHERE id = $1', [demandId])) as { campaign_id: string }[];
      if (!row || (campaignId && row.campaign_id !== campaignId)) throw fieldError('demandId', 'error.unknownDemand');
    }
  }

  private async checkMember(m: EntityManager, organizationId: string, field: string): Promise<void> {
    const [org] = (await m.query('SELECT membership_status FROM organization WHERE id = $1', [organizationId])) as { membership_status: string }[];
    if (!org) throw fieldError(field, 'error.unknownOrganization');
    if (org.membership_status !== 'active') throw fieldError(field, 'error.notAMember');
  }

  async create(actor: Actor, dto: CreateEventDto): Promise<EventDetailDto> {
    let lead: string;
    if (isAllianceRole(actor)) {
      if (!dto.leadOrganizationId) throw fieldError('leadOrganizationId', 'error.organizationRequired');
      lead = dto.leadOrganizationId;
    } else {
      if (actor.role !== 'org_coordinator' || !actor.organizationId) throw new DomainError(403, 'error.forbidden');
      if (dto.leadOrganizationId && dto.leadOrganizationId !== actor.organizationId) throw notFound();
      lead = actor.organizationId;
    }
    this.checkTimes(dto.startsAt, dto.endsAt, dto.timeZone);
    const id = await this.tx.run(actor, async (m) => {
      await this.checkCampaign(m, dto.campaignId, dto.demandId);
      await this.checkMember(m, lead, 'leadOrganizationId');
      const { coHostIds, turnoutGoal, leadOrganizationId: _lead, startsAt, endsAt, ...fields } = dto;
      void _lead;
      const event = await m.save(
        m.create(EventEntity, {
          ...fields,
          startsAt: new Date(startsAt),
          endsAt: new Date(endsAt),
          languages: dto.languages ?? [],
          interpretation: dto.interpretation ?? [],
          status: dto.status ?? 'draft',
          leadOrganizationId: lead,
          createdBy: actor.userId,
        }),
      );
      await m.insert(EventHostEntity, { eventId: event.id, organizationId: lead, role: 'lead', status: 'accepted', turnoutGoal: turnoutGoal ?? null });
      for (const orgId of (coHostIds ?? []).filter((o) => o !== lead)) {
        await this.checkMember(m, orgId, 'coHostIds');
        await m.insert(EventHostEntity, { eventId: event.id, organizationId: orgId, role: 'co_host', status: 'invited' });
      }
      await this.audit.record(m, auditWho(actor), {
        action: 'event.create',
        entityType: 'event',
        entityId: event.id,
        changedFields: [...EVENT_FIELDS, 'leadOrganizationId', ...(coHostIds?.length ? ['hosts'] : [])],
        after: { ...auditable(event, [...EVENT_FIELDS, 'leadOrganizationId']), coHosts: coHostIds ?? [] },
      });
      return event.id;
    });
    return this.findOne(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateEventDto): Promise<EventDetailDto> {
    await this.tx.run(actor, async (m) => {
      const visible = await this.visibleEvent(m, actor, id);
      this.checkLeadWriter(actor, visible);
      const event = await lockVersioned(m, EventEntity, id, dto.version);
      if (event.status === 'cancelled' || event.status === 'completed') throw new DomainError(422, 'error.eventClosed', { status: event.status }, 'status');
      const patch = sentFields(dto, EVENT_FIELDS);
      const next: EventEntity = {
        ...event,
        ...patch,
        startsAt: patch.startsAt ? new Date(patch.startsAt) : event.startsAt,
        endsAt: patch.endsAt ? new Date(patch.endsAt) : event.endsAt,
      } as EventEntity;
      this.checkTimes(next.startsAt, next.endsAt, next.timeZone);
      if (patch.campaignId !== undefined || patch.demandId !== undefined) await this.checkCampaign(m, next.campaignId, next.demandId);
      if (next.capacity !== null && next.capacity < event.goingCount) {
        throw fieldError('capacity', 'error.capacityBelowGoing', { going: event.goingCount });
      }
      const changed = changedFields(event, next, EVENT_FIELDS);
      if (changed.length === 0) return;
      const values: Record<string, unknown> = {};
      for (const f of changed) values[f] = (next as unknown as Record<string, unknown>)[f];
      await m.update(EventEntity, { id }, values);
      if (changed.includes('capacity')) await m.query('SELECT rsvp_promote_waitlist($1)', [id]);
      await this.audit.record(m, auditWho(actor), {
        action: 'event.update',
        entityType: 'event',
        entityId: id,
        changedFields: changed,
        before: auditable(event, changed),
        after: auditable(next, changed),
      });
    });
    return this.findOne(actor, id);
  }

  /** Cancels the event everywhere, with a reason; RSVPs are kept. */
  async cancel(actor: Actor, id: string, dto: CancelEventDto): Promise<EventDetailDto> {
    await this.tx.run(actor, async (m) => {
      this.checkLeadWriter(actor, await this.visibleEvent(m, actor, id));
      const event = await lockVersioned(m, EventEntity, id, dto.version);
      if (event.status === 'cancelled' || event.status === 'completed') throw new DomainError(409, 'error.eventClosed', { status: event.status });
      await m.update(EventEntity, { id }, { status: 'cancelled', cancelReason: dto.reason });
      await this.audit.record(m, auditWho(actor), {
        action: 'event.cancel',
        entityType: 'event',
        entityId: id,
        changedFields: ['status', 'cancelReason'],
        before: { status: event.status },
        after: { status: 'cancelled' },
      });
    });
    return this.findOne(actor, id);
  }

  /**
   * Marks the event completed. With `recordAttendance`, each host's reported attendance becomes a
   * report on that host's turnout pledge for the linked campaign, in the same transaction.
   */
  async complete(actor: Actor, id: string, dto: CompleteEventDto): Promise<EventDetailDto> {
    const recorded: NonNullable<EventDetailDto['attendanceRecorded']> = [];
    await this.tx.run(actor, async (m) => {
      this.checkLeadWriter(actor, await this.visibleEvent(m, actor, id));
      const event = await lockVersioned(m, EventEntity, id, dto.version);
      if (event.status !== 'published') throw new DomainError(422, 'error.eventNotPublished', { status: event.status }, 'status');
      await m.update(EventEntity, { id }, { status: 'completed' });
      if (dto.recordAttendance && event.campaignId) {
        const hosts = await m.find(EventHostEntity, { where: { eventId: id, status: 'accepted' } });
        for (const h of hosts) {
          if (!h.reportedAttendance) continue;
          const pledgeId = await this.pledges.recordEventAttendance(m, actor, {
            campaignId: event.campaignId,
            organizationId: h.organizationId,
            eventId: id,
            quantity: h.reportedAttendance,
            reportedOn: event.endsAt.toISOString().slice(0, 10),
          });
          recorded.push({ organizationId: h.organizationId, pledgeId, quantity: h.reportedAttendance });
        }
      }
      await this.audit.record(m, auditWho(actor), {
        action: 'event.complete',
        entityType: 'event',
        entityId: id,
        changedFields: ['status'],
        before: { status: event.status },
        after: { status: 'completed', attendanceRecorded: recorded },
      });
    });
    return { ...(await this.findOne(actor, id)), attendanceRecorded: recorded };
  }

  // Hosts -----------------------------------------------------------------------------------

  async listHosts(actor: Actor, raw: RawListQuery): Promise<Page<EventHostDto>> {
    const query = parseListQuery(raw, HOST_LIST);
    return this.tx.run(actor, async (m) => {
      const qb = this.visibleHosts(m, actor);
      applyFilters(qb, query, HOST_LIST);
      const total = await countRows(qb);
      applySort(qb, query, HOST_LIST);
      const { entities, raw: rows } = await qb.offset(query.offset).limit(query.limit).getRawAndEntities<HostExtras>();
      return { resource: HOST_LIST.resource, rows: entities.map((h, i) => toHostDto(hostRow(h, rows[i]))), offset: query.offset, total };
    });
  }

  private visibleHosts(m: EntityManager, actor: Actor): SelectQueryBuilder<EventHostEntity> {
    const qb = m
      .getRepository(EventHostEntity)
      .createQueryBuilder('h')
      .innerJoin('organization', 'o', 'o.id = h.organization_id')
      .innerJoin(EventEntity, 'e', 'e.id = h.event_id')
      .addSelect('o.name', 'organization_name');
    if (!isAllianceRole(actor)) {
      // The same rule as events(): a draft is its hosts' (not those that declined) and the alliance's.
      qb.where(`(CASE WHEN e.status = 'draft' THEN EXISTS (SELECT 1 FROM event_host dh WHERE dh.event_id = e.id AND dh.organization_id = :viewerOrg AND dh.status <> 'declined') ELSE true END)`, {
        viewerOrg: actor.organizationId,
      });
    }
    return qb;
  }

  async exportHostsCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, HOST_LIST);
    await streamCsv<EventHostDto>(res, 'event-hosts.csv', HOST_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.visibleHosts(m, actor);
        applyFilters(qb, query, HOST_LIST);
        applySort(qb, query, HOST_LIST);
        return csv.entities(m, qb, (h, row: HostExtras) => toHostDto(hostRow(h, row)));
      }),
    );
  }

  private async hostRow(m: EntityManager, id: string): Promise<HostRow> {
    const { entities, raw } = await m
      .getRepository(EventHostEntity)
      .createQueryBuilder('h')
      .innerJoin('organization', 'o', 'o.id = h.organization_id')
      .addSelect('o.name', 'organization_name')
      .where('h.id = :id', { id })
      .getRawAndEntities<{ organization_name: string }>();
    if (!entities[0]) throw notFound();
    return { ...entities[0], organizationName: raw[0].organization_name };
  }

  async findHost(actor: Actor, id: string): Promise<EventHostDto> {
    return this.tx.run(actor, async (m) => {
      const host = await this.hostRow(m, id);
      await this.visibleEvent(m, actor, host.eventId);
      return toHostDto(host);
    });
  }

  /** The lead organization (or the alliance) invites a member organization to co-host. */
  async inviteHost(actor: Actor, dto: InviteHostDto): Promise<EventHostDto> {
    const id = await this.tx.run(actor, async (m) => {
      const event = await this.visibleEvent(m, actor, dto.eventId).catch(() => {
        throw fieldError('eventId', 'error.unknownEvent');
      });
      this.checkLeadWriter(actor, event);
      if (event.status === 'cancelled' || event.status === 'completed') throw new DomainError(422, 'error.eventClosed', { status: event.status }, 'eventId');
      await this.checkMember(m, dto.organizationId, 'organizationId');
      const existing = await m.findOneBy(EventHostEntity, { eventId: dto.eventId, organizationId: dto.organizationId });
      if (existing) throw new DomainError(409, 'error.alreadyHost', {}, 'organizationId');
      const host = await m.save(m.create(EventHostEntity, { eventId: dto.eventId, organizationId: dto.organizationId, role: 'co_host', status: 'invited' }));
      await this.audit.record(m, auditWho(actor), {
        action: 'event_host.invite',
        entityType: 'event_host',
        entityId: host.id,
        changedFields: ['eventId', 'organizationId'],
        after: { eventId: dto.eventId, organizationId: dto.organizationId },
      });
      return host.id;
    });
    return this.findHost(actor, id);
  }

  /**
   * A host organization's own numbers and its answer to the invitation: only its coordinators
   * (the alliance may set goals and reported attendance for any host).
   */
  async updateHost(actor: Actor, id: string, dto: UpdateHostDto): Promise<EventHostDto> {
    // Answered from inside the transaction: after declining a draft's invitation the organization
    // no longer sees the draft, yet its answer was taken and says so.
    return this.tx.run(actor, async (m) => {
      const visible = await this.hostRow(m, id);
      await this.visibleEvent(m, actor, visible.eventId);
      const own = actor.role === 'org_coordinator' && actor.organizationId === visible.organizationId;
      if (!own && !isAllianceRole(actor)) throw notFound();
      if (dto.status !== undefined && !own) throw fieldError('status', 'field.whitelistValidation');
      if (dto.status !== undefined && visible.role === 'lead') throw fieldError('status', 'error.leadCannotDecline');
      const host = await lockVersioned(m, EventHostEntity, id, dto.version);
      const patch = sentFields(dto, ['status', 'turnoutGoal', 'reportedAttendance'] as const);
      const changed = changedFields(host, { ...host, ...patch }, ['status', 'turnoutGoal', 'reportedAttendance']);
      if (changed.length === 0) return toHostDto(visible);
      await m.update(EventHostEntity, { id }, patch);
      await this.audit.record(m, auditWho(actor), {
        action: patch.status === 'accepted' ? 'event_host.accept' : patch.status === 'declined' ? 'event_host.decline' : 'event_host.update',
        entityType: 'event_host',
        entityId: id,
        changedFields: changed,
        before: auditable(host, changed),
        after: auditable({ ...host, ...patch }, changed),
      });
      return toHostDto(await this.hostRow(m, id));
    });
  }

  /** Counts someone at the door (or undoes it) with no personal data; never below zero. */
  async walkIns(actor: Actor, id: string, dto: WalkInsDto): Promise<EventHostDto> {
    await this.tx.run(actor, async (m) => {
      const host = await this.hostRow(m, id);
      if (actor.role !== 'org_coordinator' || actor.organizationId !== host.organizationId) throw notFound();
      const event = await this.visibleEvent(m, actor, host.eventId);
      if (event.status !== 'published') throw new DomainError(422, 'error.eventNotPublished', { status: event.status }, 'delta');
      const [, count] = (await m.query('UPDATE event_host SET walk_ins = walk_ins + $2, updated_at = now() WHERE id = $1 AND walk_ins + $2 >= 0', [id, dto.delta])) as [unknown, number];
      if (count === 0) throw fieldError('delta', 'error.walkInsBelowZero');
      await this.audit.record(m, auditWho(actor), { action: 'event_host.walk_ins', entityType: 'event_host', entityId: id, changedFields: ['walkIns'], after: { delta: dto.delta } });
    });
    return this.findHost(actor, id);
  }
}
