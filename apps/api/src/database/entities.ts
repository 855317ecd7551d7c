import { CampaignGoalEntity } from '@api/modules/campaigns/entities/campaign-goal.entity';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { DemandEntity } from '@api/modules/campaigns/entities/demand.entity';
import { EndorsementEntity } from '@api/modules/campaigns/entities/endorsement.entity';
import { PledgeOfferEntity } from '@api/modules/pledges/entities/pledge-offer.entity';
import { PledgeReportEntity } from '@api/modules/pledges/entities/pledge-report.entity';
import { PledgeEntity } from '@api/modules/pledges/entities/pledge.entity';
import { PledgeDueCountEntity } from '@api/modules/pledges/entities/pledge-due-count.entity';
import { CampaignOrgProgressEntity, CampaignRegionProgressEntity } from '@api/modules/pledges/entities/campaign-progress.entity';
import { EventHostEntity } from '@api/modules/events/entities/event-host.entity';
import { EventEntity } from '@api/modules/events/entities/event.entity';
import { RsvpEntity } from '@api/modules/events/entities/rsvp.entity';
import { AuditEventEntity } from '@api/modules/audit/entities/audit-event.entity';
import { SessionEntity } from '@api/modules/auth/entities/session.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { PersonCountEntity } from '@api/modules/people/entities/person-count.entity';
import { PersonEntity } from '@api/modules/people/entities/person.entity';
import { RegionEntity } from '@api/modules/regions/entities/region.entity';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { RateLimitBucketEntity } from '@api/common/rate-limit/rate-limit-bucket.entity';
import { ImportFileEntity } from '@api/modules/imports/entities/import-file.entity';
import { ImportJobEntity } from '@api/modules/imports/entities/import-job.entity';
import { ImportMappingEntity } from '@api/modules/imports/entities/import-mapping.entity';

/** Every entity, listed explicitly: a bundled app finds nothing through globs. */
export const ENTITIES = [
  RegionEntity,
  OrganizationEntity,
  PersonEntity,
  PersonCountEntity,
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  RateLimitBucketEntity,
  CampaignEntity,
  CampaignGoalEntity,
  DemandEntity,
  EndorsementEntity,
  PledgeEntity,
  PledgeReportEntity,
  PledgeOfferEntity,
  CampaignOrgProgressEntity,
  CampaignRegionProgressEntity,
  PledgeDueCountEntity,
  EventEntity,
  EventHostEntity,
  RsvpEntity,
  ImportJobEntity,
  ImportFileEntity,
  ImportMappingEntity,
];
