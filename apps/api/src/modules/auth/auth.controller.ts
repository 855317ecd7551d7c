import { Body, Controller, Get, HttpCode, Inject, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import type { MeDto } from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { Caller, CurrentActor, Public } from '@api/common/auth/decorators';
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
    const session = await this.auth.login(caller, dto.email, dto.password);
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
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.secureCookies });
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Put('me')
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.auth.updateMe(actor, dto);
  }

  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto);
  }
}
