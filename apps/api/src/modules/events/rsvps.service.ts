import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { RsvpDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned } from '@api/common/database/versioned';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
import { streamCsv } from '@api/common/http/csv';
import { applyFilters, countRows, applySort, type ListSpec, type Page, parseExportQuery, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho } from '@api/modules/audit/audit.service';
import { CreateRsvpDto, UpdateRsvpDto } from './dto/event.dto';
import { EventEntity } from './entities/event.entity';
import { RsvpEntity } from './entities/rsvp.entity';
import { EventsService } from './events.service';

export const RSVP_LIST: ListSpec = {
  resource: 'rsvps',
  sortable: { name: 'name', status: 'r.status', createdAt: 'r.created_at', checkedInAt: 'r.checked_in_at' },
  filters: {
    eventId: { kind: 'eq', column: 'r.event_id', type: 'uuid' },
    status: { kind: 'eq', column: 'r.status' },
    personId: { kind: 'eq', column: 'r.person_id', type: 'uuid' },
    q: { kind: 'search', columns: ['r.first_name', 'p.display_name'] },
  },
  defaultSort: ['name', 'ASC'],
  tiebreaker: 'r.id',
  idColumn: 'r.id',
};

type RsvpRow = RsvpEntity & { name: string | null };
const rsvpRow = (e: RsvpEntity, raw: { name: string | null }): RsvpRow => ({ ...e, name: raw.name });
const RSVP_COLUMNS = ['id', 'eventId', 'personId', 'name', 'status', 'checkedInAt', 'createdAt'] as const;

const toRsvpDto = (r: RsvpRow): RsvpDto => ({
  id: r.id,
  eventId: r.eventId,
  hostOrganizationId: r.hostOrganizationId,
  personId: r.personId,
  name: r.name,
  status: r.status,
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  anonymizedAt: r.anonymizedAt?.toISOString() ?? null,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});

const RETENTION_LOCK = 7242003;

/**
 * RSVPs: each host organization registers its own people (or a first name only). Only the host's
 * own users see them — by the service's scope and by row-level security. Capacity counts every
 * host's RSVPs through `event.going_count`, locked per event, so it is never exceeded; beyond it
 * people go on a waitlist that moves up (oldest first) when a place frees.
 */
@Injectable()
export class RsvpsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /** Org roles only, their own organization: the alliance sees counts, never who is coming. */
  private ownOrganization(actor: Actor, write: boolean): string {
    if (!actor.organizationId) throw new DomainError(403, 'error.forbidden');
    if (write && actor.role !== 'org_coordinator') throw new DomainError(403, 'error.forbidden');
    return actor.organizationId;
  }

  private rows(m: EntityManager, organizationId: string) {
    return m
      .getRepository(RsvpEntity)
      .createQueryBuilder('r')
      .leftJoin('person', 'p', 'p.id = r.person_id')
      .addSelect('COALESCE(p.display_name, r.first_name)', 'name')
      .where('r.host_organization_id = :host', { host: organizationId });
  }

  private async fetch(qb: ReturnType<RsvpsService['rows']>): Promise<RsvpRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ name: string | null }>();
    return entities.map((e, i) => rsvpRow(e, raw[i]));
  }

  /**
   * The host's own RSVPs as CSV (names: audited before any row is sent, in the snapshot the rows
   * come from). The alliance never sees who is coming, so it has nothing to export.
   */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const host = this.ownOrganization(actor, false);
    const query = parseExportQuery(raw, RSVP_LIST);
    await streamCsv<RsvpDto>(res, 'rsvps.csv', RSVP_COLUMNS, (csv) =>
      this.tx.snapshot(actor, async (m) => {
        const qb = this.rows(m, host);
        applyFilters(qb, query, RSVP_LIST);
        await this.audit.recordExport(m, actor, 'rsvp', await countRows(qb));
        applySort(qb, query, RSVP_LIST);
        await csv.entities(m, qb, (e, row: { name: string | null }) => toRsvpDto(rsvpRow(e, row)));
      }),
    );
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<RsvpDto>> {
    const query = parseListQuery(raw, RSVP_LIST);
    // The alliance sees counts on the event, never who is coming: an empty list.
    if (!actor.organizationId) return { resource: RSVP_LIST.resource, rows: [], offset: query.offset, total: 0 };
    const host = this.ownOrganization(actor, false);
    return this.tx.run(actor, async (m) => {
      const qb = this.rows(m, host);
      applyFilters(qb, query, RSVP_LIST);
      const total = await countRows(qb);
      applySort(qb, query, RSVP_LIST);
      const rows = await this.fetch(qb.offset(query.offset).limit(query.limit));
      return { resource: RSVP_LIST.resource, rows: rows.map(toRsvpDto), offset: query.offset, total };
    });
  }

  async findOne(actor: Actor, id: string): Promise<RsvpDto> {
    if (!actor.organizationId) throw notFound();
    const host = this.ownOrganization(actor, false);
    return this.tx.run(actor, async (m) => {
      const [row] = await this.fetch(this.rows(m, host).andWhere('r.id = :id', { id }));
      if (!row) throw notFound();
      return toRsvpDto(row);
    });
  }

  /** The event, locked, if it takes RSVPs and the caller's organization is an accepted host. */
  private async openEventForHost(m: EntityManager, actor: Actor, eventId: string, host: string): Promise<EventEntity> {
    const visible = await this.events.visibleEvent(m, actor, eventId).catch(() => {
      throw fieldError('eventId', 'error.unknownEvent');
    });
    const [hostRow] = (await m.query(`SELECT 1 FROM event_host WHERE event_id = $1 AND organization_id = $2 AND status = 'accepted'`, [eventId, host])) as unknown[];
    if (!hostRow) throw fieldError('eventId', 'error.notAHost');
    const event = await m.getRepository(EventEntity).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id: visible.id }).getOneOrFail();
    if (event.status !== 'published' || event.endsAt.getTime() < Date.now()) {
      throw new DomainError(422, 'error.eventNotOpen', { status: event.status }, 'eventId');
    }
    return event;
  }

  /** Locks the event row, then the RSVP (row-level security keeps it the caller's own). */
  private async lockInEvent(m: EntityManager, eventId: string, id: string): Promise<RsvpEntity> {
    await m.getRepository(EventEntity).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :eventId', { eventId }).getOne();
    const rsvp = await m.getRepository(RsvpEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    if (!rsvp) throw notFound();
    return rsvp;
  }

  /** Going while there is room (the event row is locked, so concurrent sign-ups queue), else waitlisted. */
  private placeFor(event: EventEntity, wanted: RsvpEntity['status']): RsvpEntity['status'] {
    if (wanted !== 'going') return wanted;
    return event.capacity !== null && event.goingCount >= event.capacity ? 'waitlisted' : 'going';
  }

  async create(actor: Actor, dto: CreateRsvpDto): Promise<RsvpDto> {
    const host = this.ownOrganization(actor, true);
    if (Boolean(dto.personId) === Boolean(dto.firstName)) throw fieldError('personId', 'error.personOrFirstName');
    const id = await this.tx.run(actor, async (m) => {
      const event = await this.openEventForHost(m, actor, dto.eventId, host);
      if (dto.personId) {
        const [person] = (await m.query('SELECT 1 FROM person WHERE id = $1 AND organization_id = $2', [dto.personId, host])) as unknown[];
        if (!person) throw fieldError('personId', 'error.unknownPerson');
        const [dup] = (await m.query('SELECT 1 FROM rsvp WHERE event_id = $1 AND person_id = $2', [dto.eventId, dto.personId])) as unknown[];
        if (dup) throw new DomainError(409, 'error.alreadyRsvped', {}, 'personId');
      }
      const status = this.placeFor(event, dto.status ?? 'going');
      const rsvp = await m.save(
        m.create(RsvpEntity, { eventId: dto.eventId, hostOrganizationId: host, personId: dto.personId ?? null, firstName: dto.firstName ?? null, status }),
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'rsvp.create',
        entityType: 'rsvp',
        entityId: rsvp.id,
        changedFields: ['eventId', 'status'],
        after: { eventId: dto.eventId, status },
      });
      return rsvp.id;
    });
    return this.findOne(actor, id);
  }

  /** Changes an RSVP's answer. Freeing a place moves the waitlist up. */
  async update(actor: Actor, id: string, dto: UpdateRsvpDto): Promise<RsvpDto> {
    const host = this.ownOrganization(actor, true);
    await this.tx.run(actor, async (m) => {
      const [visible] = await this.fetch(this.rows(m, host).andWhere('r.id = :id', { id }));
      if (!visible) throw notFound();
      const event = await this.openEventForHost(m, actor, visible.eventId, host);
      const rsvp = await lockVersioned(m, RsvpEntity, id, dto.version);
      if (rsvp.status === dto.status) return;
      const freesPlace = rsvp.status === 'going' || rsvp.status === 'attended';
      const status = freesPlace ? dto.status : this.placeFor(event, dto.status);
      await m.update(RsvpEntity, { id }, { status, checkedInAt: status === 'attended' ? rsvp.checkedInAt : null });
      if (freesPlace && status !== 'going') await m.query('SELECT rsvp_promote_waitlist($1)', [event.id]);
      await this.audit.record(m, auditWho(actor), {
        action: 'rsvp.update',
        entityType: 'rsvp',
        entityId: id,
        changedFields: ['status'],
        before: { status: rsvp.status },
        after: { status },
      });
    });
    return this.findOne(actor, id);
  }

  /** Checks someone in: only an RSVP of the caller's own organization (anything else is 404). */
  async checkIn(actor: Actor, id: string, undo = false): Promise<RsvpDto> {
    const host = this.ownOrganization(actor, true);
    await this.tx.run(actor, async (m) => {
      const found = await m.findOneBy(RsvpEntity, { id, hostOrganizationId: host });
      if (!found) throw notFound();
      const event = await this.events.visibleEvent(m, actor, found.eventId);
      if (event.status !== 'published') throw new DomainError(422, 'error.eventNotPublished', { status: event.status });
      // The event first, then the RSVP: the order every status change takes (sign-ups, declines and
      // the waitlist hold the event row), so a check-in never deadlocks with a promotion.
      const rsvp = await this.lockInEvent(m, found.eventId, id);
      if (undo) {
        if (rsvp.status !== 'attended') return;
        await m.update(RsvpEntity, { id }, { status: 'going', checkedInAt: null });
      } else {
        if (rsvp.status === 'attended') throw new DomainError(409, 'error.alreadyCheckedIn');
        if (rsvp.status !== 'going' && rsvp.status !== 'waitlisted' && rsvp.status !== 'maybe') throw new DomainError(422, 'error.notCheckedInStatus');
        await m.update(RsvpEntity, { id }, { status: 'attended', checkedInAt: new Date() });
      }
      await this.audit.record(m, auditWho(actor), {
        action: undo ? 'rsvp.undo_check_in' : 'rsvp.check_in',
        entityType: 'rsvp',
        entityId: id,
        changedFields: ['status', 'checkedInAt'],
        before: { status: rsvp.status },
        after: { status: undo ? 'going' : 'attended' },
      });
    });
    return this.findOne(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<RsvpDto> {
    const before = await this.findOne(actor, id);
    this.ownOrganization(actor, true);
    await this.tx.run(actor, async (m) => {
      const found = await m.findOneBy(RsvpEntity, { id });
      if (!found) throw notFound();
      const rsvp = await this.lockInEvent(m, found.eventId, id);
      await m.delete(RsvpEntity, { id });
      if (rsvp.status === 'going' || rsvp.status === 'attended') await m.query('SELECT rsvp_promote_waitlist($1)', [rsvp.eventId]);
      await this.audit.record(m, auditWho(actor), { action: 'rsvp.delete', entityType: 'rsvp', entityId: id, before: { eventId: rsvp.eventId, status: rsvp.status } });
    });
    return before;
  }

  /**
   * Removes RSVP details past each host's retention period (the counts stay). One replica at a
   * time (advisory lock); audited with the number of RSVPs it touched.
   */
  async applyRetention(requestId = 'retention'): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = (await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RETENTION_LOCK])) as { locked: boolean }[];
      if (!locked) return 0;
      const [{ n }] = (await m.query('SELECT rsvp_apply_retention() AS n')) as { n: number }[];
      if (n > 0) {
        await this.audit.record(m, { userId: null, organizationId: null, requestId }, { action: 'system.rsvp_retention', entityType: 'rsvp', entityId: null, after: { anonymized: n } });
      }
      return n;
    });
  }

  onApplicationBootstrap(): void {
    const everyMs = Number(process.env.UNIDOS_RETENTION_INTERVAL_MS ?? 3_600_000);
    if (!(everyMs > 0)) return;
    this.timer = setInterval(() => {
      this.applyRetention().then(
        (n) => n > 0 && this.logger.log(`RSVP details removed past retention: ${n}`),
        (e: unknown) => this.logger.error({ error: e instanceof Error ? e.name : 'unknown' }),
      );
    }, everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
