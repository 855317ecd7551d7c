import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import {
  MEMBERSHIP_TRANSITIONS,
  type MembershipHistoryEntryDto,
  type MembershipStatus,
  type OrganizationDetailDto,
  type OrganizationDto,
} from '@unidos/contracts';
import { type Actor, isAllianceAdmin, isAllianceRole } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, FieldErrors, fieldError, notFound } from '@api/common/errors/domain-error';
import {
  applyFilters,
  applySort,
  fetchPage,
  type ListSpec,
  type Page,
  parseExportQuery,
  parseListQuery,
  type RawListQuery,
} from '@api/common/list/list-query';
import { AuditService, auditWho, auditable, changedFields } from '@api/modules/audit/audit.service';
import { PeopleService } from '@api/modules/people/people.service';
import { RegionsService } from '@api/modules/regions/regions.service';
import { CreateOrganizationDto, PROFILE_FIELDS, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { slugify } from './slug';
import { streamCsv } from '@api/common/http/csv';

/** Every field of an organization is about the organization, not a person: all may be audited. */
export const ORGANIZATION_AUDITED = [
  'name',
  'slug',
  'kind',
  'focusAreas',
  'languages',
  'city',
  'state',
  'regionId',
  'website',
  'publicEmail',
  'publicPhone',
  'description',
  'membershipStatus',
  'appliedAt',
  'approvedAt',
  'approvedBy',
  'decidedAt',
  'duesTier',
  'duesPaidThrough',
  'principlesSignedAt',
  'rsvpRetentionDays',
] as const;

const ADMIN_FIELDS = [
  'regionId',
  'membershipStatus',
  'duesTier',
  'duesPaidThrough',
  'principlesSignedAt',
] as const;
const UPDATABLE = [...PROFILE_FIELDS, ...ADMIN_FIELDS] as const;

export const ORGANIZATION_LIST: ListSpec = {
  resource: 'organizations',
  sortable: {
    name: 'o.name',
    city: 'o.city',
    state: 'o.state',
    kind: 'o.kind',
    membershipStatus: 'o.membership_status',
    appliedAt: 'o.applied_at',
    approvedAt: 'o.approved_at',
    createdAt: 'o.created_at',
  },
  filters: {
    q: { kind: 'search', columns: ['o.name', 'o.city'] },
    membershipStatus: { kind: 'eq', column: 'o.membership_status' },
    kind: { kind: 'eq', column: 'o.kind' },
    state: { kind: 'eq', column: 'o.state' },
    regionId: { kind: 'eq', column: 'o.region_id', type: 'uuid' },
    focusArea: { kind: 'arrayContains', column: 'o.focus_areas' },
    language: { kind: 'arrayContains', column: 'o.languages' },
  },
  defaultSort: ['name', 'ASC'],
  tiebreaker: 'o.id',
  idColumn: 'o.id',
};

const ORGANIZATION_COLUMNS = [
  'id',
  'name',
  'kind',
  'membershipStatus',
  'city',
  'state',
  'regionId',
  'focusAreas',
  'languages',
  'website',
  'publicEmail',
  'publicPhone',
  'appliedAt',
  'approvedAt',
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Dues details are shown to alliance roles and to the organization's own users only. */
export function toOrganizationDto(o: OrganizationEntity, actor: Actor | null): OrganizationDto {
  const dto: OrganizationDto = {
    id: o.id,
    name: o.name,
    slug: o.slug,
    kind: o.kind,
    focusAreas: o.focusAreas,
    languages: o.languages,
    city: o.city,
    state: o.state,
    regionId: o.regionId,
    website: o.website,
    publicEmail: o.publicEmail,
    publicPhone: o.publicPhone,
    description: o.description,
    membershipStatus: o.membershipStatus,
    appliedAt: iso(o.appliedAt),
    approvedAt: iso(o.approvedAt),
    approvedBy: o.approvedBy,
    decidedAt: iso(o.decidedAt),
    decisionReason: actor && isAllianceRole(actor) ? o.decisionReason : null,
    principlesSignedAt: iso(o.principlesSignedAt),
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
  if (actor && (isAllianceRole(actor) || actor.organizationId === o.id)) {
    dto.duesTier = o.duesTier;
    dto.duesPaidThrough = o.duesPaidThrough;
    dto.rsvpRetentionDays = o.rsvpRetentionDays;
  }
  return dto;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
    private readonly regions: RegionsService,
  ) {}

  private base(m: EntityManager) {
    return m.getRepository(OrganizationEntity).createQueryBuilder('o');
  }

  async list(
    actor: Actor,
    raw: RawListQuery,
    spec: ListSpec = ORGANIZATION_LIST,
  ): Promise<Page<OrganizationDto>> {
    const query = parseListQuery(raw, spec);
    return this.tx.run(actor, (m) =>
      fetchPage(this.base(m), query, spec, (o) => toOrganizationDto(o, actor)),
    );
  }

  async findOne(actor: Actor, id: string): Promise<OrganizationDetailDto> {
    return this.tx.run(actor, async (m) => {
      const org = await m.findOneBy(OrganizationEntity, { id });
      if (!org) throw notFound();
      return { ...toOrganizationDto(org, actor), publicContacts: await this.people.publicContacts(m, id) };
    });
  }

  async membershipHistory(actor: Actor, id: string): Promise<MembershipHistoryEntryDto[]> {
    await this.findOne(actor, id);
    const events = await this.audit.membershipHistory(id);
    return events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      from: (e.before?.membershipStatus as MembershipStatus | undefined) ?? null,
      to: e.after?.membershipStatus as MembershipStatus,
      actorUserId: e.actorUserId,
    }));
  }

  async create(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationDetailDto> {
    const id = await this.tx.run(actor, async (m) => {
      if (dto.regionId && !(await this.regions.exists(m, dto.regionId)))
        throw fieldError('regionId', 'error.unknownRegion');
      const now = new Date();
      const active = (dto.membershipStatus ?? 'active') === 'active';
      const org = await m.save(
        m.create(OrganizationEntity, {
          ...sentFields(dto, UPDATABLE),
          regionId:
            dto.regionId === undefined ? await this.regions.regionForState(m, dto.state) : dto.regionId,
          focusAreas: dto.focusAreas ?? [],
          languages: dto.languages ?? [],
          slug: slugify(dto.name),
          membershipStatus: active ? 'active' : 'applicant',
          appliedAt: now,
          approvedAt: active ? now : null,
          approvedBy: active ? actor.userId : null,
          decidedAt: active ? now : null,
          principlesSignedAt: dto.principlesSignedAt ? new Date(dto.principlesSignedAt) : null,
        }),
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'organization.create',
        entityType: 'organization',
        entityId: org.id,
        changedFields: [...ORGANIZATION_AUDITED],
        after: auditable(org, ORGANIZATION_AUDITED),
      });
      return org.id;
    });
    return this.findOne(actor, id);
  }

  /**
   * Alliance admins change any field; an organization's coordinator changes only its own profile.
   * Anyone else is answered 404, as if the record were not there.
   */
  async update(actor: Actor, id: string, dto: UpdateOrganizationDto): Promise<OrganizationDetailDto> {
    const admin = isAllianceAdmin(actor);
    const ownCoordinator = actor.role === 'org_coordinator' && actor.organizationId === id;
    if (!admin && !ownCoordinator) throw notFound();
    if (!admin) {
      const refused = ADMIN_FIELDS.filter((f) => dto[f] !== undefined);
      if (refused.length > 0) {
        throw new FieldErrors(
          Object.fromEntries(refused.map((f) => [f, { key: 'field.whitelistValidation' as const }])),
        );
      }
    }
    await this.tx.run(actor, async (m) => {
      const org = await lockVersioned(m, OrganizationEntity, id, dto.version);
      const patch = sentFields(dto, UPDATABLE);
      const next: OrganizationEntity = {
        ...org,
        ...patch,
        principlesSignedAt:
          patch.principlesSignedAt === undefined
            ? org.principlesSignedAt
            : patch.principlesSignedAt
              ? new Date(patch.principlesSignedAt)
              : null,
      };
      if (patch.name !== undefined && patch.name !== org.name) next.slug = slugify(patch.name);
      if (patch.membershipStatus !== undefined && patch.membershipStatus !== org.membershipStatus) {
        if (!MEMBERSHIP_TRANSITIONS[org.membershipStatus].includes(patch.membershipStatus)) {
          throw new DomainError(
            422,
            'error.invalidTransition',
            { from: org.membershipStatus, to: patch.membershipStatus },
            'membershipStatus',
          );
        }
        if (patch.membershipStatus === 'active' && !org.approvedAt) {
          next.approvedAt = new Date();
          next.approvedBy = actor.userId;
        }
        next.decidedAt = org.decidedAt ?? new Date();
      }
      if (
        patch.regionId &&
        patch.regionId !== org.regionId &&
        !(await this.regions.exists(m, patch.regionId))
      ) {
        throw fieldError('regionId', 'error.unknownRegion');
      }
      const changed = changedFields(org, next, ORGANIZATION_AUDITED);
      if (changed.length === 0) return;
      const values: Partial<OrganizationEntity> = {};
      for (const f of changed)
        (values as Record<string, unknown>)[f] = (next as unknown as Record<string, unknown>)[f];
      await m.update(OrganizationEntity, { id }, values);
      await this.audit.record(m, auditWho(actor), {
        action: 'organization.update',
        entityType: 'organization',
        entityId: id,
        changedFields: changed,
        before: auditable(org, changed),
        after: auditable(next, changed),
      });
    });
    return this.findOne(actor, id);
  }

  /** Streams the directory as CSV with the list's filters and sort, through a database cursor. */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response, spec: ListSpec = ORGANIZATION_LIST): Promise<void> {
    const query = parseExportQuery(raw, spec);
    await streamCsv<OrganizationDto>(res, spec === ORGANIZATION_LIST ? 'organizations.csv' : `${spec.resource}.csv`, ORGANIZATION_COLUMNS, (csv) =>
      this.tx.run(actor, (m) => {
        const qb = this.base(m);
        applyFilters(qb, query, spec);
        applySort(qb, query, spec);
        return csv.entities(m, qb, (o) => toOrganizationDto(o, actor));
      }),
    );
  }
}
