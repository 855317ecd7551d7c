import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { UserRole } from '@unidos/contracts';
import type { Actor, PublicCaller } from './actor';
import { localeFromHeader } from '@api/common/i18n/messages';

export const IS_PUBLIC = 'unidos:public';
export const ROLES = 'unidos:roles';
export const ALLOW_WITHOUT_TOTP = 'unidos:allow-without-totp';

/** The route needs no session. Every other route does (a test walks them all). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route stays open to an alliance admin who still has to turn on two-factor sign-in (their own
 * account, sign-out, password and the enrollment routes). Every other route answers them 403.
 */
export const AllowWithoutTotp = () => SetMetadata(ALLOW_WITHOUT_TOTP, true);

/** Only these roles may use the route at all (403 for others). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request>();
  if (!req.actor) throw new Error('CurrentActor used on a route without a session');
  return req.actor;
});

export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): PublicCaller => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { requestId: String(req.id), locale: localeFromHeader(req.headers['accept-language']), ip: req.ip ?? 'unknown' };
});
