import { AuditEventEntity } from '@api/modules/audit/entities/audit-event.entity';
import { SessionEntity } from '@api/modules/auth/entities/session.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { PersonEntity } from '@api/modules/people/entities/person.entity';
import { RegionEntity } from '@api/modules/regions/entities/region.entity';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { RateLimitBucketEntity } from '@api/common/rate-limit/rate-limit-bucket.entity';

/** Every entity, listed explicitly: a bundled app finds nothing through globs. */
export const ENTITIES = [
  RegionEntity,
  OrganizationEntity,
  PersonEntity,
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  RateLimitBucketEntity,
];
