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
import type { CampaignStatus } from '@unidos/contracts';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

@Entity('campaign')
@Check('campaign_status_check', `status IN ('draft','active','won','closed')`)
@Check('campaign_dates_check', `ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on`)
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Index('campaign_status_idx')
  @Column({ type: 'text', default: 'draft' })
  status!: CampaignStatus;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Index('campaign_lead_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  leadOrganizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_organization_id', foreignKeyConstraintName: 'campaign_lead_organization_id_fkey' })
  leadOrganization?: Relation<OrganizationEntity>;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
