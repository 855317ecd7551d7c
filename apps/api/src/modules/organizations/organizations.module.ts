import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { PeopleModule } from '@api/modules/people/people.module';
import { RegionsModule } from '@api/modules/regions/regions.module';
import { ApplicationsController, PublicApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [AuditModule, PeopleModule, RegionsModule],
  controllers: [OrganizationsController, ApplicationsController, PublicApplicationsController],
  providers: [OrganizationsService, ApplicationsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
