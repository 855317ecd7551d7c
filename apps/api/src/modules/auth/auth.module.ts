import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@api/modules/audit/audit.module';
import { UsersModule } from '@api/modules/users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionStrategy } from './session.strategy';
import { TotpController } from './totp.controller';
import { TotpService } from './totp.service';

@Module({
  imports: [PassportModule, UsersModule, AuditModule],
  controllers: [AuthController, TotpController],
  providers: [AuthService, TotpService, SessionStrategy],
  exports: [AuthService, TotpService],
})
export class AuthModule {}
