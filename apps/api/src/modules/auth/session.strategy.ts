import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import type { Actor } from '@api/common/auth/actor';
import { localeFromHeader } from '@api/common/i18n/messages';
import { AuthService, SESSION_COOKIE } from './auth.service';

/** Passport strategy for the server-side session behind the HttpOnly cookie. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(req: Request): Promise<Actor | false> {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token) return false;
    const header = req.headers['accept-language'];
    const actor = await this.auth.authenticate(token, String(req.id), header ? localeFromHeader(header) : null);
    return actor ?? false;
  }
}
