import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { CampaignsModule } from '@api/modules/campaigns/campaigns.module';
import {
  CampaignProgressController,
  PledgeOffersController,
  PledgeReportsController,
  PledgesController,
  PublicCampaignsController,
} from './pledges.controller';
import { PledgeOffersService } from './pledge-offers.service';
import { PledgesService } from './pledges.service';

@Module({
  imports: [AuditModule, CampaignsModule],
  controllers: [PledgesController, PledgeReportsController, CampaignProgressController, PledgeOffersController, PublicCampaignsController],
  providers: [PledgesService, PledgeOffersService],
  exports: [PledgesService],
})
export class PledgesModule {}
