import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { ALLIANCE_ROLES, type EndedSessionsDto, type UserDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { lockVersioned, sentFields } from '@api/common/database/versioned';
import { DomainError, fieldError, notFound } from '@api/common/errors/domain-error';
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
import { AuditService, auditWho, auditable, changedFields } from '@api/modules/audit/audit.service';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';

/** argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended family. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** Fields whose old and new values may go into the audit log (no email, no name, no hash). */
const AUDITED = ['role', 'organizationId', 'status', 'preferredLanguage'] as const;
const UPDATABLE = ['email', 'displayName', 'role', 'organizationId', 'status', 'preferredLanguage'] as const;

export const USER_LIST: ListSpec = {
  resource: 'users',
  sortable: {
    email: 'u.email',
    displayName: 'u.display_name',
    role: 'u.role',
    status: 'u.status',
    lastLoginAt: 'u.last_login_at',
    createdAt: 'u.created_at',
  },
  filters: {
    q: { kind: 'search', columns: ['u.email', 'u.display_name'] },
    role: { kind: 'eq', column: 'u.role' },
    status: { kind: 'eq', column: 'u.status' },
    organizationId: { kind: 'eq', column: 'u.organization_id', type: 'uuid' },
  },
  defaultSort: ['email', 'ASC'],
  tiebreaker: 'u.id',
  idColumn: 'u.id',
};

const USER_COLUMNS = [
  'id',
  'email',
  'displayName',
  'role',
  'organizationId',
  'status',
  'preferredLanguage',
  'lastLoginAt',
  'totpEnabled',
  'createdAt',
] as const;

/** Two-factor sign-in is on: the user proved their authenticator works, and the secret is stored. */
export const hasTotp = (u: Pick<UserEntity, 'totpEnabledAt' | 'totpSecret'>): boolean =>
  u.totpEnabledAt !== null && u.totpSecret !== null;

export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    organizationId: u.organizationId,
    status: u.status,
    preferredLanguage: u.preferredLanguage,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    totpEnabled: hasTotp(u),
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, raw: RawListQuery): Promise<Page<UserDto>> {
    const query = parseListQuery(raw, USER_LIST);
    return this.tx.run(actor, (m) => fetchPage(m.getRepository(UserEntity).createQueryBuilder('u'), query, USER_LIST, toUserDto));
  }

  /** The users list as CSV (names and emails: the export is audited before any row is sent). */
  async exportCsv(actor: Actor, raw: RawListQuery, res: Response): Promise<void> {
    const query = parseExportQuery(raw, USER_LIST);
    await streamCsv<UserDto>(res, 'users.csv', USER_COLUMNS, (csv) =>
      this.tx.snapshot(actor, async (m) => {
        const qb = m.getRepository(UserEntity).createQueryBuilder('u');
        applyFilters(qb, query, USER_LIST);
        await this.audit.recordExport(m, actor, 'user', await countRows(qb));
        applySort(qb, query, USER_LIST);
        await csv.entities(m, qb, toUserDto);
      }),
    );
  }

  async findOne(actor: Actor, id: string): Promise<UserDto> {
    const user = await this.tx.run(actor, (m) => m.findOneBy(UserEntity, { id }));
    if (!user) throw notFound();
    return toUserDto(user);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    const organizationId = this.checkRoleAndOrganization(dto.role, dto.organizationId ?? null);
    const passwordHash = await hashPassword(dto.password);
    return this.tx.run(actor, async (m) => {
      await this.checkOrganizationExists(m, organizationId);
      const user = await m.save(
        m.create(UserEntity, {
          email: dto.email,
          displayName: dto.displayName,
          role: dto.role,
          organizationId,
          preferredLanguage: dto.preferredLanguage ?? 'en',
          passwordHash,
        }),
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['email', 'displayName', ...AUDITED],
        after: auditable(user, AUDITED),
      });
      return toUserDto(user);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.tx.run(actor, async (m) => {
      const user = await lockVersioned(m, UserEntity, id, dto.version);
      const patch = sentFields(dto, UPDATABLE);
      const next = { ...user, ...patch };
      if (patch.role !== undefined && patch.organizationId === undefined && ALLIANCE_ROLES.includes(patch.role)) {
        next.organizationId = null; // moving to an alliance role leaves the organization
      }
      next.organizationId = this.checkRoleAndOrganization(next.role, next.organizationId);
      if (id === actor.userId && (next.status !== 'active' || next.role !== user.role)) {
        throw new DomainError(422, 'error.cannotDisableSelf', {}, next.status !== 'active' ? 'status' : 'role');
      }
      if (next.organizationId !== user.organizationId) await this.checkOrganizationExists(m, next.organizationId);
      const changed = changedFields(user, next, UPDATABLE);
      if (changed.length === 0) return toUserDto(user);
      await m.update(
        UserEntity,
        { id },
        {
          email: next.email,
          displayName: next.displayName,
          role: next.role,
          organizationId: next.organizationId,
          status: next.status,
          preferredLanguage: next.preferredLanguage,
        },
      );
      const disabling = next.status === 'disabled' && user.status !== 'disabled';
      if (disabling) {
        // Disabling ends every session for good: enabling the account again must not revive them.
        await m.query('UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      }
      await this.audit.record(m, auditWho(actor), {
        action: disabling ? 'user.disable' : 'user.update',
        entityType: 'user',
        entityId: id,
        changedFields: changed,
        before: auditable(user, AUDITED),
        after: auditable(next, AUDITED),
      });
      return toUserDto(await m.findOneByOrFail(UserEntity, { id }));
    });
  }

  /** An admin ends every session of a user (a lost phone, a shared computer): they must sign in again. */
  /**
   * For a user who lost their authenticator: turns two-factor sign-in off and ends their sessions,
   * so they sign in with their password and set it up again. Alliance admins only; audited.
   */
  async resetTotp(actor: Actor, id: string): Promise<EndedSessionsDto> {
    if (id === actor.userId) throw new DomainError(422, 'error.cannotResetOwnTotp');
    return this.tx.run(actor, async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      await m.update(UserEntity, { id }, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, version: user.version });
      const [{ n }] = (await m.query(
        `WITH ended AS (UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
         SELECT count(*)::int AS n FROM ended`,
        [id],
      )) as { n: number }[];
      await this.audit.record(m, auditWho(actor), {
        action: 'user.reset_totp',
        entityType: 'user',
        entityId: id,
        changedFields: ['totpSecret', 'totpEnabledAt'],
      });
      return { ended: n };
    });
  }

  async endSessions(actor: Actor, id: string): Promise<EndedSessionsDto> {
    return this.tx.run(actor, async (m) => {
      const user = await m.findOneBy(UserEntity, { id });
      if (!user) throw notFound();
      const [{ n }] = (await m.query(
        `WITH ended AS (UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
         SELECT count(*)::int AS n FROM ended`,
        [id],
      )) as { n: number }[];
      await this.audit.record(m, auditWho(actor), { action: 'user.end_sessions', entityType: 'user', entityId: id });
      return { ended: n };
    });
  }

  /** For login: the account behind an email, whatever its status. */
  findByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  private checkRoleAndOrganization(role: UserEntity['role'], organizationId: string | null): string | null {
    const alliance = ALLIANCE_ROLES.includes(role);
    if (alliance && organizationId) throw fieldError('organizationId', 'error.organizationNotAllowed');
    if (!alliance && !organizationId) throw fieldError('organizationId', 'error.organizationRequired');
    return organizationId;
  }

  private async checkOrganizationExists(m: EntityManager, organizationId: string | null): Promise<void> {
    if (!organizationId) return;
    const [row] = (await m.query('SELECT 1 FROM organization WHERE id = $1', [organizationId])) as unknown[];
    if (!row) throw fieldError('organizationId', 'error.unknownOrganization');
  }
}
