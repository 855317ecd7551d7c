import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { TotpSetupDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { AllowWithoutTotp, CurrentActor } from '@api/common/auth/decorators';
import { DisableTotpDto, EnableTotpDto } from './dto/auth.dto';
import { TotpService } from './totp.service';

/** Two-factor sign-in for the caller's own account. Open to admins who still have to enroll. */
@ApiTags('auth')
@Controller('auth/totp')
@AllowWithoutTotp()
export class TotpController {
  constructor(private readonly totp: TotpService) {}

  /** A new secret (not yet on): the only answer that ever shows it, so no cache may keep it. */
  @Post('setup')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  setup(@CurrentActor() actor: Actor): Promise<TotpSetupDto> {
    return this.totp.setup(actor);
  }

  @Post('enable')
  @HttpCode(204)
  enable(@CurrentActor() actor: Actor, @Body() dto: EnableTotpDto): Promise<void> {
    return this.totp.enable(actor, dto);
  }

  /** Needs the password and a code; limited like sign-in, since it checks both. */
  @Post('disable')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ public: true })
  disable(@CurrentActor() actor: Actor, @Body() dto: DisableTotpDto): Promise<void> {
    return this.totp.disable(actor, dto);
  }
}
