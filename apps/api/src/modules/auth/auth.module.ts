import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@api/modules/audit/audit.module';
import { UsersModule } from '@api/modules/users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionStrategy } from './session.strategy';

@Module({
  imports: [PassportModule, UsersModule, AuditModule],
  controllers: [AuthController],
  providers: [AuthService, SessionStrategy],
  exports: [AuthService],
})
export class AuthModule {}
