import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import type { MeDto, SessionDto } from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { AllowWithoutTotp, Caller, CurrentActor, Public } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { APP_CONFIG } from '@api/config/config.module';
import type { AppConfig } from '@api/config/config';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { ChangePasswordDto, LoginDto, UpdateMeDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ public: true })
  async login(@Caller() caller: PublicCaller, @Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const session = await this.auth.login(caller, dto.email, dto.password, dto.totp);
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    return session.me;
  }

  @Post('logout')
  @HttpCode(204)
  @AllowWithoutTotp()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    this.forgetCookie(res);
  }

  /** Ends every session of the caller, this one included. */
  @Post('logout-everywhere')
  @AllowWithoutTotp()
  @HttpCode(204)
  async logoutEverywhere(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logoutEverywhere(actor);
    this.forgetCookie(res);
  }

  @Get('me')
  @AllowWithoutTotp()
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Put('me')
  @AllowWithoutTotp()
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.auth.updateMe(actor, dto);
  }

  @Post('password')
  @HttpCode(204)
  @AllowWithoutTotp()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto);
  }

  /** The caller's active sessions (a plain array, not a paged list: there are only a few). */
  @Get('sessions')
  @AllowWithoutTotp()
  sessions(@CurrentActor() actor: Actor): Promise<SessionDto[]> {
    return this.auth.listSessions(actor);
  }

  /** Ends one of the caller's own sessions; another user's session is 404. */
  @Delete('sessions/:id')
  @HttpCode(204)
  @AllowWithoutTotp()
  async endSession(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const { current } = await this.auth.endSession(actor, id);
    if (current) this.forgetCookie(res);
  }

  private forgetCookie(res: Response): void {
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.secureCookies });
  }
}
