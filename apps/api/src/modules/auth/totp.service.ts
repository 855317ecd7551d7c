import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import * as QRCode from 'qrcode';
import type { EntityManager } from 'typeorm';
import type { TotpSetupDto, UserRole } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { DomainError } from '@api/common/errors/domain-error';
import type { AppConfig } from '@api/config/config';
import { APP_CONFIG } from '@api/config/config.module';
import { AuditService, auditWho } from '@api/modules/audit/audit.service';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { hasTotp } from '@api/modules/users/users.service';
import type { DisableTotpDto, EnableTotpDto } from './dto/auth.dto';
import { acceptTotpCode, newTotpSecret, totpUri } from './totp';

/** Bound into the secret's encryption: a secret copied onto another user's row does not decrypt. */
const secretContext = (userId: string) => `user.totp_secret:${userId}`;

/**
 * Two-factor sign-in with an authenticator app (TOTP). The secret is stored encrypted, shown once
 * (in the setup answer) and never written to a log or an audit row: audit rows carry ids only.
 * Enrolling and turning it off are the user's own account changes, not edits an admin's open form
 * should conflict with, so they keep the user's `version`.
 */
@Injectable()
export class TotpService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An alliance admin without two-factor sign-in while the configuration requires it. */
  enrollmentRequired(role: UserRole, enabled: boolean): boolean {
    return this.config.requireAdminTotp && role === 'alliance_admin' && !enabled;
  }

  /**
   * Checks a code against the user's secret (pending or enabled) and answers the time step it
   * was accepted for, or null. Codes at or before the last accepted step are refused (no replay);
   * the caller stores the answer in `totpLastStep`.
   */
  acceptCode(user: UserEntity, code: string): number | null {
    if (!user.totpSecret) return null;
    const secret = this.crypto.decrypt(user.totpSecret, secretContext(user.id));
    return acceptTotpCode(secret, code, user.totpLastStep === null ? null : Number(user.totpLastStep));
  }

  /** A new secret, replacing one not yet enabled. 409 when two-factor sign-in is already on. */
  async setup(actor: Actor): Promise<TotpSetupDto> {
    const secret = newTotpSecret();
    const email = await this.tx.run(actor, async (m) => {
      const user = await this.lockSelf(m, actor);
      if (hasTotp(user)) throw new DomainError(409, 'error.totpAlreadyEnabled');
      await m.update(
        UserEntity,
        { id: user.id },
        {
          totpSecret: this.crypto.encrypt(secret, secretContext(user.id)),
          totpEnabledAt: null,
          totpLastStep: null,
          version: user.version,
        },
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'auth.totp_setup',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['totpSecret'],
      });
      return user.email;
    });
    const otpauthUrl = totpUri(secret, email);
    return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
  }

  /** Turns two-factor sign-in on once a code from the pending secret proves the authenticator works. */
  async enable(actor: Actor, dto: EnableTotpDto): Promise<void> {
    await this.tx.run(actor, async (m) => {
      const user = await this.lockSelf(m, actor);
      if (hasTotp(user)) throw new DomainError(409, 'error.totpAlreadyEnabled');
      if (!user.totpSecret) throw new DomainError(422, 'error.totpNotSetUp', {}, 'code');
      const step = this.acceptCode(user, dto.code);
      if (step === null) throw new DomainError(422, 'error.wrongTotpCode', {}, 'code');
      await m.update(
        UserEntity,
        { id: user.id },
        { totpEnabledAt: new Date(), totpLastStep: String(step), version: user.version },
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'auth.totp_enabled',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['totpEnabledAt'],
      });
    });
  }

  /**
   * Turns two-factor sign-in off for the user themself, with their password and a current code.
   * Refused (422) for alliance admins while the configuration requires it.
   */
  async disable(actor: Actor, dto: DisableTotpDto): Promise<void> {
    if (this.enrollmentRequired(actor.role, false)) throw new DomainError(422, 'error.totpRequiredForAdmins');
    await this.tx.run(actor, async (m) => {
      const user = await this.lockSelf(m, actor);
      if (!hasTotp(user)) throw new DomainError(409, 'error.totpNotEnabled');
      if (!(await argon2.verify(user.passwordHash, dto.password).catch(() => false))) {
        throw new DomainError(422, 'error.wrongPassword', {}, 'password');
      }
      if (this.acceptCode(user, dto.code) === null)
        throw new DomainError(422, 'error.wrongTotpCode', {}, 'code');
      await m.update(
        UserEntity,
        { id: user.id },
        { totpSecret: null, totpEnabledAt: null, totpLastStep: null, version: user.version },
      );
      await this.audit.record(m, auditWho(actor), {
        action: 'auth.totp_disabled',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['totpSecret', 'totpEnabledAt'],
      });
    });
  }

  /**
   * Confirms a sensitive action (an emergency purge) with a fresh code from the caller's
   * authenticator, inside the caller's transaction; the code is then spent (no replay).
   */
  async confirm(m: EntityManager, actor: Actor, code: string): Promise<'ok' | 'not_enabled' | 'wrong'> {
    const user = await this.lockSelf(m, actor);
    if (!hasTotp(user)) return 'not_enabled';
    const step = this.acceptCode(user, code);
    if (step === null) return 'wrong';
    await m.update(UserEntity, { id: user.id }, { totpLastStep: String(step), version: user.version });
    return 'ok';
  }

  /** The caller's own row, locked so two enrollments (or a sign-in) cannot interleave. */
  private lockSelf(m: EntityManager, actor: Actor): Promise<UserEntity> {
    return m.findOneOrFail(UserEntity, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
  }
}
