import { type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { UserRole } from '@unidos/contracts';
import { DomainError } from '@api/common/errors/domain-error';
import type { Actor } from './actor';
import { ALLOW_WITHOUT_TOTP, IS_PUBLIC, ROLES } from './decorators';

/**
 * Global: every route needs a valid session unless it is marked @Public(). An alliance admin who
 * must still turn on two-factor sign-in is refused (403) everywhere but @AllowWithoutTotp() routes.
 */
@Injectable()
export class SessionGuard extends AuthGuard('session') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T = Actor>(err: unknown, user: T | false, _info: unknown, context: ExecutionContext): T {
    if (err || !user) throw new UnauthorizedException();
    const actor = user as unknown as Actor;
    context.switchToHttp().getRequest<Request>().actor = actor;
    if (actor.totpEnrollmentRequired) {
      const allowed = this.reflector.getAllAndOverride<boolean>(ALLOW_WITHOUT_TOTP, [context.getHandler(), context.getClass()]);
      if (!allowed) throw new DomainError(403, 'error.totpEnrollmentRequired');
    }
    return user;
  }
}

/** Global: a route marked @Roles(...) refuses every other role with 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<Request>().actor;
    if (!actor || !roles.includes(actor.role)) throw new ForbiddenException();
    return true;
  }
}
