import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { PersonDto, PersonRole, PublicContactDto } from '@unidos/contracts';
import { type Actor, isAllianceRole } from '@api/common/auth/actor';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
import {
  applyFilters,
  applySort,
  checkScalar,
  countRows,
  type ListQuery,
  type ListSpec,
  type Page,
  parseExportQuery,
  parseListQuery,
  type RawListQuery,
} from '@api/common/list/list-query';
import { streamCsv } from '@api/common/http/csv';
import { AuditService, auditWho, auditable, changedFields } from '@api/modules/audit/audit.service';
import {
  CreatePersonDto,
  EmergencyPurgeDto,
  PERSON_AUDITED,
  PERSON_FIELDS,
  UpdatePersonDto,
} from './dto/person.dto';
import { TotpService } from '@api/modules/auth/totp.service';
import { PersonEntity } from './entities/person.entity';

export interface NewContact {
  displayName: string;
  email?: string | null;
  phone?: string | null;
  preferredLanguage: string;
  role: PersonRole;
}

const PRIVATE_FLAGS = ['okToText', 'okToCall', 'okToEmail', 'signalOnly', 'noVoicemail'] as const;

const flag = (column: string) => ({ kind: 'eq' as const, column, type: 'bool' as const });

export const PEOPLE_LIST: ListSpec = {
  resource: 'people',
  sortable: {
    displayName: 'p.display_name',
    role: 'p.role',
    preferredLanguage: 'p.preferred_language',
    visibility: 'p.visibility',
    createdAt: 'p.created_at',
    updatedAt: 'p.updated_at',
  },
  filters: {
    q: { kind: 'search', columns: ['p.display_name'] },
    role: { kind: 'eq', column: 'p.role' },
    preferredLanguage: { kind: 'eq', column: 'p.preferred_language' },
    visibility: { kind: 'eq', column: 'p.visibility' },
    organizationId: { kind: 'eq', column: 'p.organization_id', type: 'uuid' },
    okToText: flag('p.ok_to_text'),
    okToCall: flag('p.ok_to_call'),
    okToEmail: flag('p.ok_to_email'),
    signalOnly: flag('p.signal_only'),
    noVoicemail: flag('p.no_voicemail'),
    email: { kind: 'custom' },
    phone: { kind: 'custom' },
  },
  defaultSort: ['displayName', 'ASC'],
  tiebreaker: 'p.id',
  idColumn: 'p.id',
};

const EXPORT_COLUMNS = [
  'id',
  'displayName',
  'role',
  'preferredLanguage',
  'email',
  'phone',
  'okToText',
  'okToCall',
  'okToEmail',
  'signalOnly',
  'noVoicemail',
  'visibility',
  'note',
] as const;

/**
 * People are organization-private. This service is the only way to them. Every query is scoped
 * here by the caller's organization, and runs in a transaction whose organization context
 * row-level security checks again. Alliance roles see only organizations' public contacts.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly crypto: FieldCrypto,
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly totp: TotpService,
  ) {}

  toDto(p: PersonEntity): PersonDto {
    return {
      id: p.id,
      organizationId: p.organizationId,
      displayName: p.displayName,
      preferredLanguage: p.preferredLanguage,
      email: p.emailCiphertext ? this.crypto.decrypt(p.emailCiphertext, 'person.email') : null,
      phone: p.phoneCiphertext ? this.crypto.decrypt(p.phoneCiphertext, 'person.phone') : null,
      role: p.role,
      okToText: p.okToText,
      okToCall: p.okToCall,
      okToEmail: p.okToEmail,
      signalOnly: p.signalOnly,
      noVoicemail: p.noVoicemail,
      visibility: p.visibility,
      note: p.note,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  /** How many people an organization keeps, from person_count (kept exact by the person triggers). */
  private async ownTotal(m: EntityManager, organizationId: string): Promise<number> {
    const [row] = (await m.query(`SELECT COALESCE(sum(n), 0)::int AS n FROM person_count WHERE organization_id = $1`, [
      organizationId,
    ])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The rows this caller may see at all: their own organization's, or (alliance) public contacts. */
  private scoped(m: EntityManager, actor: Actor): SelectQueryBuilder<PersonEntity> {
    const qb = m.getRepository(PersonEntity).createQueryBuilder('p');
    if (isAllianceRole(actor)) qb.where(`p.visibility = 'coalition'`);
    else qb.where('p.organization_id = :scopeOrg', { scopeOrg: actor.organizationId });
    return qb;
  }

  private applyContactFilters(qb: SelectQueryBuilder<PersonEntity>, query: ListQuery): void {
    for (const kind of ['email', 'phone'] as const) {
      const value = query.filter[kind];
      if (value === undefined || value === null || value === '') continue;
      const text = String(checkScalar(kind, value));
      qb.andWhere(`p.${kind}_hash = :${kind}Hash`, { [`${kind}Hash`]: this.crypto.lookupHash(kind, text) });
    }
  }

  /** Outside the organization the contact-safety flags are hidden, so filtering on them is too. */
  private refuseHiddenFilters(actor: Actor, query: ListQuery): void {
    if (actor.organizationId) return;
    const hidden = PRIVATE_FLAGS.find((f) => query.filter[f] !== undefined);
    if (hidden) throw fieldError('filter', 'query.unknownFilter', { field: hidden });
  }

  /**
   * What a caller outside the person's organization may see of a public contact: how to reach
   * them, not the organization's notes or contact-safety settings.
   */
  private forCaller(actor: Actor, p: PersonEntity): PersonDto {
    const dto = this.toDto(p);
    if (actor.organizationId === p.organizationId) return dto;
    return {
      ...dto,
      note: null,
      okToText: false,
      okToCall: false,
      okToEmail: false,
      signalOnly: false,
      noVoicemail: false,
    };
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<PersonDto>> {
    const query = parseListQuery(raw, PEOPLE_LIST);
    this.refuseHiddenFilters(actor, query);
    return this.tx.run(actor, async (m) => {
      const qb = this.scoped(m, actor);
      applyFilters(qb, query, PEOPLE_LIST);
      this.applyContactFilters(qb, query);
      // Unfiltered, an organization's total is its maintained count: counting a large organization's
      // rows one by one (48,000 in the national dataset) cost most of the request.
      const total =
        !isAllianceRole(actor) && actor.organizationId && Object.keys(query.filter).length === 0
          ? await this.ownTotal(m, actor.organizationId)
          : await countRows(qb);
      applySort(qb, query, PEOPLE_LIST);
      const rows = await qb.offset(query.offset).limit(query.limit).getMany();
      return {
        resource: PEOPLE_LIST.resource,
        rows: rows.map((p) => this.forCaller(actor, p)),
        offset: query.offset,
        total,
      };
    });
  }

  /** One person's details; every view is written to the audit log (ids only). */
  async findOne(actor: Actor, id: string): Promise<PersonDto> {
    return this.tx.run(actor, async (m) => {
      const person = await this.scoped(m, actor).andWhere('p.id = :id', { id }).getOne();
      if (!person) throw notFound();
      await this.audit.record(m, auditWho(actor), {
        action: 'person.view',
        entityType: 'person',
        entityId: id,
      });
      return this.forCaller(actor, person);
    });
  }

  private sealed(fields: { email?: string | null; phone?: string | null }): Partial<PersonEntity> {
    const out: Partial<PersonEntity> = {};
    if (fields.email !== undefined) {
      out.emailCiphertext = fields.email ? this.crypto.encrypt(fields.email, 'person.email') : null;
      out.emailHash = fields.email ? this.crypto.lookupHash('email', fields.email) : null;
    }
    if (fields.phone !== undefined) {
      out.phoneCiphertext = fields.phone ? this.crypto.encrypt(fields.phone, 'person.phone') : null;
      out.phoneHash = fields.phone ? this.crypto.lookupHash('phone', fields.phone) : null;
    }
    return out;
  }

  /** Only an organization's coordinators add its people; the organization is the caller's own. */
  async create(actor: Actor, dto: CreatePersonDto): Promise<PersonDto> {
    const organizationId = this.ownOrganization(actor);
    return this.tx.run(actor, async (m) => {
      const { email, phone, ...rest } = dto;
      const person = await m.save(
        m.create(PersonEntity, {
          ...rest,
          organizationId,
          note: dto.note ?? null,
          ...this.sealed({ email, phone }),
        }),
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'person.create',
        entityType: 'person',
        entityId: person.id,
        changedFields: PERSON_FIELDS.filter((f) => dto[f] !== undefined && dto[f] !== null),
        after: auditable(person, PERSON_AUDITED),
      });
      return this.toDto(person);
    });
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<PersonDto> {
    const organizationId = this.ownOrganization(actor);
    return this.tx.run(actor, async (m) => {
      const visible = await this.scoped(m, actor)
        .andWhere('p.id = :id AND p.organization_id = :o', { id, o: organizationId })
        .getExists();
      if (!visible) throw notFound();
      const person = await lockVersioned(m, PersonEntity, id, dto.version);
      const current = this.toDto(person);
      const patch = sentFields(dto, PERSON_FIELDS);
      const changed = changedFields(current, { ...current, ...patch }, PERSON_FIELDS);
      if (changed.length === 0) return current;
      const { email, phone, ...plain } = patch;
      await m.update(PersonEntity, { id }, { ...plain, ...this.sealed({ email, phone }) });
      const next = await m.findOneByOrFail(PersonEntity, { id });
      await this.audit.record(m, auditWho(actor), {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        changedFields: changed,
        before: auditable(
          person,
          PERSON_AUDITED.filter((f) => changed.includes(f)),
        ),
        after: auditable(
          next,
          PERSON_AUDITED.filter((f) => changed.includes(f)),
        ),
      });
      return this.toDto(next);
    });
  }

  /** Erasure: the person's row goes; the audit trail keeps only the id. */
  async erase(actor: Actor, id: string): Promise<PersonDto> {
    const organizationId = this.ownOrganization(actor);
    return this.tx.run(actor, async (m) => {
      const person = await this.scoped(m, actor)
        .andWhere('p.id = :id AND p.organization_id = :o', { id, o: organizationId })
        .setLock('pessimistic_write')
        .getOne();
      if (!person) throw notFound();
      const dto = this.toDto(person);
      await m.delete(PersonEntity, { id });
      await this.audit.record(m, auditWho(actor), {
        action: 'person.erase',
        entityType: 'person',
        entityId: id,
      });
      return dto;
    });
  }

  /**
   * Emergency purge: deletes every person of the caller's organization at once, in one
   * transaction, confirmed by typing the organization's name and a fresh two-factor code. What
   * remains: the counts kept elsewhere (attendance, pledges) and the audit row of the purge.
   */
  async emergencyPurge(actor: Actor, dto: EmergencyPurgeDto): Promise<{ erased: number }> {
    const organizationId = this.ownOrganization(actor);
    return this.tx.run(actor, async (m) => {
      const [org] = (await m.query('SELECT name FROM organization WHERE id = $1', [organizationId])) as {
        name: string;
      }[];
      if (!org) throw notFound();
      if (org.name.trim().toLowerCase() !== dto.confirmName.trim().toLowerCase())
        throw fieldError('confirmName', 'error.confirmNameMismatch');
      const confirmed = await this.totp.confirm(m, actor, dto.code);
      if (confirmed === 'not_enabled') throw fieldError('code', 'error.totpNeededForPurge');
      if (confirmed === 'wrong') throw fieldError('code', 'error.wrongTotpCode');
      const deleted = (await m.query('DELETE FROM person WHERE organization_id = $1', [organizationId])) as [
        unknown[],
        number,
      ];
      const erased = deleted[1];
      // RSVPs lose their person through the foreign key; first names given at the door go too.
      await m.query(
        `UPDATE rsvp SET first_name = NULL, anonymized_at = now(), updated_at = now()
          WHERE host_organization_id = $1 AND first_name IS NOT NULL`,
        [organizationId],
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'organization.emergency_purge',
        entityType: 'organization',
        entityId: organizationId,
        after: { erased },
      });
      return { erased };
    });
  }

  /** Streams the caller's people as CSV, with the list's filters; the export itself is audited. */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    // Count people, don't copy them: only an organization exports its own people.
    if (!actor.organizationId) throw new DomainError(403, 'error.forbidden');
    const query = parseExportQuery(raw, PEOPLE_LIST);
    // The export is recorded before a single row leaves, in the snapshot the rows are read from,
    // and the download ends only once that record is committed.
    await streamCsv<PersonDto>(res, 'people.csv', EXPORT_COLUMNS, (csv) =>
      this.tx.snapshot(actor, async (m) => {
        const qb = this.scoped(m, actor);
        applyFilters(qb, query, PEOPLE_LIST);
        this.applyContactFilters(qb, query);
        const rows = await countRows(qb);
        await this.audit.record(m, auditWho(actor), {
          action: 'person.export',
          entityType: 'person',
          entityId: null,
          after: { rows },
        });
        applySort(qb, query, PEOPLE_LIST);
        await csv.entities(m, qb, (p) => this.toDto(p));
      }),
    );
  }

  /** Adds an organization's public contact (visible to the coalition), e.g. an applicant's primary contact. */
  async createPublicContact(
    m: EntityManager,
    organizationId: string,
    contact: NewContact,
  ): Promise<PersonEntity> {
    return m.save(
      m.create(PersonEntity, {
        organizationId,
        displayName: contact.displayName,
        preferredLanguage: contact.preferredLanguage,
        role: contact.role,
        visibility: 'coalition',
        ...this.sealed({ email: contact.email || null, phone: contact.phone || null }),
        okToEmail: Boolean(contact.email),
        okToCall: Boolean(contact.phone),
      }),
    );
  }

  /** Adds an organization-private person (for the demo and imports), inside the caller's transaction. */
  async createPrivatePerson(
    m: EntityManager,
    organizationId: string,
    p: NewContact &
      Partial<Pick<PersonEntity, 'okToText' | 'okToCall' | 'okToEmail' | 'signalOnly' | 'noVoicemail'>>,
  ): Promise<PersonEntity> {
    const { email, phone, ...rest } = p;
    return m.save(
      m.create(PersonEntity, {
        ...rest,
        organizationId,
        visibility: 'organization',
        ...this.sealed({ email: email || null, phone: phone || null }),
      }),
    );
  }

  /** An organization's coalition-visible contacts (row-level security decides who sees them). */
  async publicContacts(m: EntityManager, organizationId: string): Promise<PublicContactDto[]> {
    const people = await m
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where('p.organization_id = :organizationId AND p.visibility = :v', { organizationId, v: 'coalition' })
      .orderBy('p.role', 'ASC')
      .addOrderBy('p.display_name', 'ASC')
      .getMany();
    return people.map((p) => {
      const dto = this.toDto(p);
      return {
        id: dto.id,
        displayName: dto.displayName,
        role: dto.role,
        preferredLanguage: dto.preferredLanguage,
        email: dto.email,
        phone: dto.phone,
      };
    });
  }

  /** Writes are for an organization's coordinators, in their own organization only. */
  private ownOrganization(actor: Actor): string {
    if (actor.role !== 'org_coordinator' || !actor.organizationId) throw notFound();
    return actor.organizationId;
  }
}
