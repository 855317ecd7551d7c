import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { PledgeMetric } from '@unidos/contracts';
import { CampaignEntity } from './campaign.entity';

/** A campaign's target for one metric, e.g. 20,000 calls. One goal per metric. */
@Entity('campaign_goal')
@Unique('campaign_goal_campaign_id_metric_key', ['campaignId', 'metric'])
@Check('campaign_goal_metric_check', `metric IN ('calls','doors','turnout','volunteer_hours','signatures','dollars','meetings','other')`)
@Check('campaign_goal_target_check', `target > 0`)
export class CampaignGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Indexed by the (campaign_id, metric) unique constraint. */
  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_goal_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Column({ type: 'text' })
  metric!: PledgeMetric;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  target!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
