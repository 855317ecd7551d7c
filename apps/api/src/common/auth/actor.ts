import type { Locale, UserRole } from '@unidos/contracts';
import { ALLIANCE_ROLES } from '@unidos/contracts';

/** The verified caller, built from the session row on every request. Services take it first. */
export interface Actor {
  userId: string;
  sessionId: string;
  role: UserRole;
  organizationId: string | null;
  locale: Locale;
  requestId: string;
  /**
   * An alliance admin who has not turned on two-factor sign-in while it is required: the session
   * guard lets them reach only the routes marked @AllowWithoutTotp().
   */
  totpEnrollmentRequired: boolean;
}

/** What a service knows of a caller without a session (public routes). */
export interface PublicCaller {
  requestId: string;
  locale: Locale;
  ip: string;
}

export const isAllianceRole = (actor: Pick<Actor, 'role'>): boolean => ALLIANCE_ROLES.includes(actor.role);
export const isAllianceAdmin = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'alliance_admin';
