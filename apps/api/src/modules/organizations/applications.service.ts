import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { OrganizationDetailDto, OrganizationDto } from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { NO_CONTEXT, TenantTransaction, setContext } from '@api/common/database/tenant-transaction';
import { DomainError, notFound, staleVersion } from '@api/common/errors/domain-error';
import type { ListSpec, Page, RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho, auditable } from '@api/modules/audit/audit.service';
import { PeopleService } from '@api/modules/people/people.service';
import { ApplicationDto, RejectDto } from './dto/organization.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { ORGANIZATION_AUDITED, ORGANIZATION_LIST, OrganizationsService } from './organizations.service';
import { slugify } from './slug';
import { RegionsService } from '@api/modules/regions/regions.service';

export interface ApplicationReceipt {
  id: string;
  name: string;
  slug: string;
  membershipStatus: 'applicant';
}

/** Applications list: organizations waiting for a decision (or rejected, when filtered so). */
const APPLICATION_LIST: ListSpec = { ...ORGANIZATION_LIST, resource: 'applications', defaultSort: ['appliedAt', 'ASC'] };
/** Applicants, or the rejected ones when filtered so. A filter that is not JSON stays as sent: answered with a 422. */
function applicationsOnly(raw: RawListQuery): RawListQuery {
  let filter: Record<string, unknown>;
  try {
    const parsed: unknown = typeof raw.filter === 'string' && raw.filter ? JSON.parse(raw.filter) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    filter = parsed as Record<string, unknown>;
  } catch {
    return raw;
  }
  const status = filter.membershipStatus === 'rejected' ? 'rejected' : 'applicant';
  return { ...raw, filter: JSON.stringify({ ...filter, membershipStatus: status }) };
}
const DECISION_FIELDS = ['membershipStatus', 'approvedAt', 'approvedBy', 'decidedAt'] as const;

/**
 * The membership journey: a group applies on the public form, an alliance admin approves or
 * rejects. Each step is one transaction that writes its audit row with the change.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly regions: RegionsService,
  ) {}

  async submit(caller: PublicCaller, dto: ApplicationDto): Promise<ApplicationReceipt> {
    const slug = slugify(dto.name);
    if (dto.homepage) {
      // A bot filled the hidden field: answer as if it worked, store nothing.
      return { id: '00000000-0000-4000-8000-000000000000', name: dto.name, slug, membershipStatus: 'applicant' };
    }
    if (!dto.contact.email && !dto.contact.phone) {
      throw new DomainError(422, 'field.emailOrPhone', {}, 'contact.email');
    }
    return this.dataSource.transaction(async (m) => {
      await setContext(m, NO_CONTEXT);
      const org = await m.save(
        m.create(OrganizationEntity, {
          name: dto.name,
          slug,
          kind: dto.kind,
          city: dto.city,
          state: dto.state,
          focusAreas: dto.focusAreas,
          languages: dto.languages,
          website: dto.website ?? null,
          description: dto.description ?? null,
          membershipStatus: 'applicant',
          appliedAt: new Date(),
          regionId: await this.regions.regionForState(m, dto.state),
        }),
      );
      // The contact belongs to the new organization: write it under that organization's context.
      await setContext(m, { organizationId: org.id, userId: null, role: null });
      const contact = await this.people.createPublicContact(m, org.id, { ...dto.contact, role: 'primary_contact' });
      const who = { userId: null, organizationId: null, requestId: caller.requestId };
      await this.audit.record(m, who, {
        action: 'organization.apply',
        entityType: 'organization',
        entityId: org.id,
        changedFields: [...ORGANIZATION_AUDITED],
        after: auditable(org, ORGANIZATION_AUDITED),
      });
      await this.audit.record(m, who, { action: 'person.create', entityType: 'person', entityId: contact.id });
      return { id: org.id, name: org.name, slug: org.slug, membershipStatus: 'applicant' };
    });
  }

  list(actor: Actor, raw: RawListQuery): Promise<Page<OrganizationDto>> {
    return this.organizations.list(actor, applicationsOnly(raw), APPLICATION_LIST);
  }

  /** The applications list as CSV: the same filter and sort, every page. */
  exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    return this.organizations.exportCsv(actor, applicationsOnly(raw), res, APPLICATION_LIST);
  }

  async findOne(actor: Actor, id: string): Promise<OrganizationDetailDto> {
    const org = await this.organizations.findOne(actor, id);
    if (org.membershipStatus !== 'applicant' && org.membershipStatus !== 'rejected') throw notFound();
    return org;
  }

  approve(actor: Actor, id: string, version: number): Promise<OrganizationDetailDto> {
    return this.decide(actor, id, version, 'approve', null);
  }

  reject(actor: Actor, id: string, dto: RejectDto): Promise<OrganizationDetailDto> {
    return this.decide(actor, id, dto.version, 'reject', dto.reason);
  }

  private async decide(actor: Actor, id: string, version: number, decision: 'approve' | 'reject', reason: string | null) {
    await this.tx.run(actor, async (m) => {
      const org = await m
        .getRepository(OrganizationEntity)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.id = :id', { id })
        .getOne();
      if (!org) throw notFound();
      // Someone else decided first: say so, whatever version the caller holds.
      if (org.membershipStatus !== 'applicant') {
        throw new DomainError(409, 'error.alreadyDecided', { status: org.membershipStatus });
      }
      if (org.version !== version) throw staleVersion();
      const now = new Date();
      const next: OrganizationEntity =
        decision === 'approve'
          ? { ...org, membershipStatus: 'active', approvedAt: now, approvedBy: actor.userId, decidedAt: now }
          : { ...org, membershipStatus: 'rejected', decidedAt: now, decisionReason: reason };
      await m.update(
        OrganizationEntity,
        { id },
        {
          membershipStatus: next.membershipStatus,
          approvedAt: next.approvedAt,
          approvedBy: next.approvedBy,
          decidedAt: next.decidedAt,
          decisionReason: next.decisionReason,
        },
      );
      const changed = decision === 'approve' ? [...DECISION_FIELDS] : ['membershipStatus', 'decidedAt', 'decisionReason'];
      await this.audit.record(m, auditWho(actor), {
        action: `organization.${decision}`,
        entityType: 'organization',
        entityId: id,
        changedFields: changed,
        before: auditable(org, DECISION_FIELDS),
        after: auditable(next, DECISION_FIELDS),
      });
    });
    return this.organizations.findOne(actor, id);
  }
}
