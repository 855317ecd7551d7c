import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { CampaignsModule } from '@api/modules/campaigns/campaigns.module';
import { EventsModule } from '@api/modules/events/events.module';
import { OrganizationsModule } from '@api/modules/organizations/organizations.module';
import { PledgesModule } from '@api/modules/pledges/pledges.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [AuditModule, CampaignsModule, EventsModule, OrganizationsModule, PledgesModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
