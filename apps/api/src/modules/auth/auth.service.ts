import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Locale, MeDto, SessionDto, UserRole } from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { NO_CONTEXT, TenantTransaction, setContext } from '@api/common/database/tenant-transaction';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { AuditService, auditWho } from '@api/modules/audit/audit.service';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { UsersService, hasTotp, hashPassword } from '@api/modules/users/users.service';
import { ChangePasswordDto, UpdateMeDto } from './dto/auth.dto';
import { SessionEntity } from './entities/session.entity';
import { TotpService } from './totp.service';

export const SESSION_COOKIE = 'unidos_session';
/** A session ends 12 hours after sign-in, or after 2 hours without a request. */
export const SESSION_HOURS = 12;
const IDLE_HOURS = 2;
/** Five wrong passwords in a row lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** SQL for "this session still works" (alias `s`): not ended, not past its end, not idle too long. */
const ACTIVE_SESSION = `s.revoked_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(hours => ${IDLE_HOURS})`;

type LoginOutcome =
  | { ok: true; token: string; expiresAt: Date; me: MeDto }
  | { ok: false; reason: 'invalid' | 'totpRequired' | 'wrongTotp' }
  | { ok: false; reason: 'locked'; minutes: number };

@Injectable()
export class AuthService {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly totp: TotpService,
  ) {}

  toMe(u: UserEntity): MeDto {
    const totpEnabled = hasTotp(u);
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      organizationId: u.organizationId,
      preferredLanguage: u.preferredLanguage,
      totpEnabled,
      totpEnrollmentRequired: this.totp.enrollmentRequired(u.role, totpEnabled),
      totpRequired: this.totp.enrollmentRequired(u.role, false),
    };
  }

  /**
   * Checks the password (and, when two-factor sign-in is on, the code) and opens a session. The
   * failure counter is committed even when the answer is "no" — the outcome is decided inside the
   * transaction and thrown after it. A wrong code counts like a wrong password; a missing code only
   * asks for one (401 `error.totpRequired`) and changes nothing.
   */
  async login(
    caller: PublicCaller,
    email: string,
    password: string,
    totp?: string,
  ): Promise<{ token: string; expiresAt: Date; me: MeDto }> {
    const outcome = await this.dataSource.transaction(async (m): Promise<LoginOutcome> => {
      await setContext(m, NO_CONTEXT);
      const user = await this.users.findByEmail(m, email);
      const who = { userId: user?.id ?? null, organizationId: user?.organizationId ?? null, requestId: caller.requestId };
      if (!user || user.status !== 'active') {
        // Spend the same time as a real check, so the answer does not tell which emails exist.
        await argon2.verify(await this.getDummyHash(), password).catch(() => false);
        if (user) await this.audit.record(m, who, { action: 'auth.login_refused', entityType: 'user', entityId: user.id });
        return { ok: false, reason: 'invalid' };
      }
      const now = new Date();
      if (user.lockedUntil && user.lockedUntil > now) {
        return { ok: false, reason: 'locked', minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) };
      }
      // Sign-in bookkeeping is not an edit of the account: it keeps `version` (TypeORM bumps it
      // unless it is set), so an admin's open form does not turn stale each time someone signs in.
      const fail = async (action: 'auth.login_failed' | 'auth.totp_failed'): Promise<LoginOutcome> => {
        const failed = user.failedLoginCount + 1;
        const lock = failed >= MAX_FAILED_LOGINS;
        await m.update(
          UserEntity,
          { id: user.id },
          {
            failedLoginCount: lock ? 0 : failed,
            lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
            version: user.version,
          },
        );
        await this.audit.record(m, who, {
          action: lock ? 'auth.account_locked' : action,
          entityType: 'user',
          entityId: user.id,
          changedFields: lock ? ['failedLoginCount', 'lockedUntil'] : ['failedLoginCount'],
        });
        if (lock) return { ok: false, reason: 'locked', minutes: LOCK_MINUTES };
        return { ok: false, reason: action === 'auth.totp_failed' ? 'wrongTotp' : 'invalid' };
      };
      if (!(await argon2.verify(user.passwordHash, password).catch(() => false))) return fail('auth.login_failed');
      let totpLastStep = user.totpLastStep;
      if (hasTotp(user)) {
        // Neither a failure nor a success: the counter stays as it is, so leaving the code out
        // cannot reset it between guesses.
        if (!totp) return { ok: false, reason: 'totpRequired' };
        const step = this.totp.acceptCode(user, totp);
        if (step === null) return fail('auth.totp_failed');
        totpLastStep = String(step);
      }
      await m.update(
        UserEntity,
        { id: user.id },
        { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, totpLastStep, version: user.version },
      );
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
      const session = await m.save(m.create(SessionEntity, { userId: user.id, tokenHash: hashToken(token), expiresAt }));
      await this.audit.record(m, who, { action: 'auth.login', entityType: 'session', entityId: session.id });
      return { ok: true, token, expiresAt, me: this.toMe(user) };
    });
    if (outcome.ok) return outcome;
    if (outcome.reason === 'locked') throw new DomainError(429, 'error.accountLocked', { minutes: outcome.minutes });
    if (outcome.reason === 'totpRequired') throw new DomainError(401, 'error.totpRequired');
    if (outcome.reason === 'wrongTotp') throw new DomainError(401, 'error.wrongTotpCode');
    throw new DomainError(401, 'error.invalidCredentials');
  }

  /** The actor behind a session cookie, or null. Checks the user is still active on every request. */
  async authenticate(token: string, requestId: string, headerLocale: Locale | null): Promise<Actor | null> {
    if (!token || token.length > 100) return null;
    const rows = (await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at < now() - interval '1 minute' AS stale,
              u.id AS user_id, u.role, u.organization_id, u.preferred_language,
              (u.totp_enabled_at IS NOT NULL AND u.totp_secret IS NOT NULL) AS totp_enabled
         FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND ${ACTIVE_SESSION} AND u.status = 'active'`,
      [hashToken(token)],
    )) as {
      session_id: string;
      stale: boolean;
      user_id: string;
      role: UserRole;
      organization_id: string | null;
      preferred_language: Locale;
      totp_enabled: boolean;
    }[];
    const row = rows[0];
    if (!row) return null;
    if (row.stale) await this.dataSource.query('UPDATE session SET last_seen_at = now() WHERE id = $1', [row.session_id]);
    return {
      userId: row.user_id,
      sessionId: row.session_id,
      role: row.role,
      organizationId: row.organization_id,
      locale: headerLocale ?? row.preferred_language,
      requestId,
      totpEnrollmentRequired: this.totp.enrollmentRequired(row.role, row.totp_enabled),
    };
  }

  async logout(actor: Actor): Promise<void> {
    await this.tx.run(actor, async (m) => {
      await m.update(SessionEntity, { id: actor.sessionId }, { revokedAt: new Date() });
      await this.audit.record(m, auditWho(actor), { action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
    });
  }

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.tx.run(actor, (m) => m.findOneBy(UserEntity, { id: actor.userId }));
    if (!user) throw notFound();
    return this.toMe(user);
  }

  async updateMe(actor: Actor, dto: UpdateMeDto): Promise<MeDto> {
    return this.tx.run(actor, async (m) => {
      const user = await m.findOneByOrFail(UserEntity, { id: actor.userId });
      const patch: Partial<UserEntity> = {};
      if (dto.preferredLanguage !== undefined && dto.preferredLanguage !== user.preferredLanguage) patch.preferredLanguage = dto.preferredLanguage;
      if (dto.displayName !== undefined && dto.displayName !== user.displayName) patch.displayName = dto.displayName;
      const changed = Object.keys(patch);
      if (changed.length === 0) return this.toMe(user);
      await m.update(UserEntity, { id: user.id }, patch);
      await this.audit.record(m, auditWho(actor), {
        action: 'user.update_self',
        entityType: 'user',
        entityId: user.id,
        changedFields: changed,
        before: patch.preferredLanguage ? { preferredLanguage: user.preferredLanguage } : null,
        after: patch.preferredLanguage ? { preferredLanguage: patch.preferredLanguage } : null,
      });
      return this.toMe({ ...user, ...patch });
    });
  }

  /** Changes the caller's password and ends their other sessions. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.tx.run(actor, (m) => m.findOneByOrFail(UserEntity, { id: actor.userId }));
    if (!(await argon2.verify(user.passwordHash, dto.currentPassword).catch(() => false))) {
      throw new DomainError(422, 'error.wrongPassword', {}, 'currentPassword');
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.tx.run(actor, async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await m
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :u AND id <> :s AND revoked_at IS NULL', { u: user.id, s: actor.sessionId })
        .execute();
      await this.audit.record(m, auditWho(actor), {
        action: 'user.password_change',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['passwordHash'],
      });
    });
  }

  /** The caller's sessions that still work, most recently used first. */
  async listSessions(actor: Actor): Promise<SessionDto[]> {
    const sessions = await this.tx.run(actor, (m) =>
      m
        .getRepository(SessionEntity)
        .createQueryBuilder('s')
        .where(`s.user_id = :userId AND ${ACTIVE_SESSION}`, { userId: actor.userId })
        .orderBy('s.last_seen_at', 'DESC')
        .addOrderBy('s.id', 'ASC')
        .getMany(),
    );
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === actor.sessionId,
    }));
  }

  /**
   * Ends one of the caller's own working sessions (404 for anyone else's, or one already over).
   * Answers whether it was this request's session, whose cookie the browser should then forget.
   */
  async endSession(actor: Actor, sessionId: string): Promise<{ current: boolean }> {
    return this.tx.run(actor, async (m) => {
      const ended = (await m.query(
        `WITH ended AS (
           UPDATE session s SET revoked_at = now() WHERE s.id = $1 AND s.user_id = $2 AND ${ACTIVE_SESSION} RETURNING s.id
         ) SELECT count(*)::int AS n FROM ended`,
        [sessionId, actor.userId],
      )) as { n: number }[];
      if (ended[0].n === 0) throw notFound();
      await this.audit.record(m, auditWho(actor), { action: 'auth.session_end', entityType: 'session', entityId: sessionId });
      return { current: sessionId === actor.sessionId };
    });
  }

  /** Ends every session of the caller, this one included. */
  async logoutEverywhere(actor: Actor): Promise<void> {
    await this.tx.run(actor, async (m) => {
      await m.query('UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [actor.userId]);
      await this.audit.record(m, auditWho(actor), { action: 'auth.logout_everywhere', entityType: 'user', entityId: actor.userId });
    });
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
