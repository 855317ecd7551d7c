import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { PledgeMetric, PledgeStatus } from '@unidos/contracts';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { DemandEntity } from '@api/modules/campaigns/entities/demand.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

/**
 * An organization's commitment to an amount of action for a campaign. `reported` is the sum of
 * its append-only reports, kept by the database in the same transaction as each report.
 */
@Entity('pledge')
@Index('pledge_organization_due_on_idx', { synchronize: false })
@Index('pledge_campaign_id_organization_id_idx', ['campaignId', 'organizationId'])
@Check('pledge_metric_check', `metric IN ('calls','doors','turnout','volunteer_hours','signatures','dollars','meetings','other')`)
@Check('pledge_status_check', `status IN ('open','fulfilled','cancelled')`)
@Check('pledge_quantity_check', `quantity > 0 AND (metric = 'dollars' OR quantity = trunc(quantity))`)
@Check('pledge_reported_check', `reported >= 0`)
@Index('pledge_open_due_on_idx', { synchronize: false })
@Index('pledge_campaign_open_due_on_idx', { synchronize: false })
export class PledgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'pledge_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Index('pledge_organization_id_idx')
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'pledge_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Index('pledge_demand_id_idx')
  @Column({ type: 'uuid', nullable: true })
  demandId!: string | null;

  @ManyToOne(() => DemandEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'pledge_demand_id_fkey' })
  demand?: Relation<DemandEntity>;

  @Column({ type: 'text' })
  metric!: PledgeMetric;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  quantity!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  reported!: string;

  @Index('pledge_due_on_idx')
  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: PledgeStatus;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
