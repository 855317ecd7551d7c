import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { AuthModule } from '@api/modules/auth/auth.module';
import { PeopleController, PeopleCountsController } from './people.controller';
import { PeopleCountsService } from './people-counts.service';
import { PeopleService } from './people.service';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [PeopleController, PeopleCountsController],
  providers: [PeopleService, PeopleCountsService],
  exports: [PeopleService],
})
export class PeopleModule {}
