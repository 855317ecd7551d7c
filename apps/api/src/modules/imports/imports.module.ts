import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { ImportExecutor } from './import-executor';
import { ImportKinds } from './import-kinds';
import { ImportQueue } from './import-queue';
import { ImportWorker } from './import-worker';
import { ImportMappingsController, ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** CSV import of people (an organization's), organizations and pledges (the alliance's), as background jobs. */
@Module({
  imports: [AuditModule],
  controllers: [ImportsController, ImportMappingsController],
  providers: [ImportsService, ImportKinds, ImportQueue, ImportExecutor, ImportWorker],
})
export class ImportsModule {}
