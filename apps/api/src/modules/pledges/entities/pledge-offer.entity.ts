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
import type { PledgeMetric, PledgeOfferStatus } from '@unidos/contracts';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { PledgeEntity } from './pledge.entity';

/**
 * A commitment made on a campaign's public form by a group that may not be in Unidos yet. It waits
 * for an alliance reviewer, who matches it to an organization (or registers the group) and turns
 * it into a pledge. The contact's email and phone are encrypted like people's.
 */
@Entity('pledge_offer')
@Check('pledge_offer_metric_check', `metric IN ('calls','doors','turnout','volunteer_hours','signatures','dollars','meetings','other')`)
@Check('pledge_offer_status_check', `status IN ('pending','accepted','rejected')`)
@Check('pledge_offer_quantity_check', `quantity > 0`)
export class PledgeOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('pledge_offer_campaign_id_idx')
  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'pledge_offer_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Column({ type: 'text' })
  organizationName!: string;

  @Column({ type: 'text' })
  contactName!: string;

  @Column({ type: 'bytea', nullable: true })
  contactEmailCiphertext!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  contactPhoneCiphertext!: Buffer | null;

  @Column({ type: 'text' })
  metric!: PledgeMetric;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  quantity!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Index('pledge_offer_status_idx')
  @Column({ type: 'text', default: 'pending' })
  status!: PledgeOfferStatus;

  @Index('pledge_offer_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'pledge_offer_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Index('pledge_offer_pledge_id_idx')
  @Column({ type: 'uuid', nullable: true })
  pledgeId!: string | null;

  @ManyToOne(() => PledgeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'pledge_offer_pledge_id_fkey' })
  pledge?: Relation<PledgeEntity>;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
