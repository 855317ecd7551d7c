import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { RegionEntity } from '@api/modules/regions/entities/region.entity';

/**
 * What one organization pledged and reported to one campaign, per metric (cancelled pledges
 * excluded). Maintained by a trigger on `pledge` in the writer's transaction, so the progress page
 * reads a few rows instead of summing every pledge. Read-only for the app role.
 */
@Entity('campaign_org_progress')
@Index('campaign_org_progress_top_idx', { synchronize: false })
export class CampaignOrgProgressEntity {
  @PrimaryColumn({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_org_progress_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @PrimaryColumn({ type: 'uuid' })
  @Index('campaign_org_progress_organization_id_idx')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'campaign_org_progress_organization_id_fkey',
  })
  organization?: Relation<OrganizationEntity>;

  @PrimaryColumn({ type: 'text' })
  metric!: string;

  @Column({ type: 'numeric', precision: 16, scale: 2, default: 0 })
  pledged!: string;

  @Column({ type: 'numeric', precision: 16, scale: 2, default: 0 })
  reported!: string;

  @Column({ type: 'integer', default: 0 })
  pledges!: number;
}

/**
 * The same sums per campaign, region (null: organizations without a region) and metric, with how
 * many organizations contribute. A campaign's totals are the sum of its handful of rows.
 */
@Entity('campaign_region_progress')
@Index('campaign_region_progress_key', { synchronize: false })
export class CampaignRegionProgressEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_region_progress_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Column({ type: 'uuid', nullable: true })
  @Index('campaign_region_progress_region_id_idx')
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'campaign_region_progress_region_id_fkey' })
  region?: Relation<RegionEntity>;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'numeric', precision: 16, scale: 2, default: 0 })
  pledged!: string;

  @Column({ type: 'numeric', precision: 16, scale: 2, default: 0 })
  reported!: string;

  @Column({ type: 'integer', default: 0 })
  pledges!: number;

  @Column({ type: 'integer', default: 0 })
  organizations!: number;
}
