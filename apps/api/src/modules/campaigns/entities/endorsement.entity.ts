import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import type { EndorsementRole } from '@unidos/contracts';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { CampaignEntity } from './campaign.entity';

/** An organization stands behind a campaign. Withdrawing deletes the row (the audit log remembers). */
@Entity('endorsement')
@Unique('endorsement_campaign_id_organization_id_key', ['campaignId', 'organizationId'])
@Check('endorsement_role_check', `role IN ('lead','partner','endorser')`)
export class EndorsementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'endorsement_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Index('endorsement_organization_id_idx')
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'endorsement_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text', default: 'endorser' })
  role!: EndorsementRole;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  endorsedAt!: Date;
}
