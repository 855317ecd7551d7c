import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { CampaignGoalsController, CampaignsController, DemandsController, EndorsementsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [AuditModule],
  controllers: [CampaignsController, CampaignGoalsController, DemandsController, EndorsementsController],
  providers: [CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
