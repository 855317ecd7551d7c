import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DemandStatus } from '@unidos/contracts';
import { CampaignEntity } from './campaign.entity';

/** One of a campaign's demands, in English and Spanish, in the campaign's order. */
@Entity('demand')
@Index('demand_campaign_id_position_idx', ['campaignId', 'position'])
@Check('demand_status_check', `status IN ('open','partially_won','won','dropped')`)
@Check('demand_position_check', `position >= 1`)
export class DemandEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'demand_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  textEn!: string;

  @Column({ type: 'text' })
  textEs!: string;

  /** The decision-maker the demand targets (a public official or body). */
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: DemandStatus;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
