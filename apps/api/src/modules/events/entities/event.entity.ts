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
import type { EventKind, EventStatus } from '@unidos/contracts';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { DemandEntity } from '@api/modules/campaigns/entities/demand.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

/**
 * A joint event. Coalition-visible, with its totals; who is coming is each host's private RSVPs.
 * `goingCount` is kept by a trigger on `rsvp` so capacity is checked without reading other
 * hosts' rows.
 */
@Entity('event')
@Index('event_upcoming_idx', { synchronize: false })
@Index('event_length_idx', { synchronize: false })
@Check(
  'event_kind_check',
  `kind IN ('rally','march','forum','kyr_training','political_education','press_conference','assembly','vigil','meeting','phonebank','canvass')`,
)
@Check('event_status_check', `status IN ('draft','published','cancelled','completed')`)
@Check('event_time_check', `ends_at > starts_at`)
@Check('event_capacity_check', `capacity IS NULL OR capacity > 0`)
@Check('event_going_count_check', `going_count >= 0`)
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  kind!: EventKind;

  @Index('event_campaign_id_idx')
  @Column({ type: 'uuid', nullable: true })
  campaignId!: string | null;

  @ManyToOne(() => CampaignEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'event_campaign_id_fkey' })
  campaign?: Relation<CampaignEntity>;

  @Index('event_demand_id_idx')
  @Column({ type: 'uuid', nullable: true })
  demandId!: string | null;

  @ManyToOne(() => DemandEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'event_demand_id_fkey' })
  demand?: Relation<DemandEntity>;

  @Index('event_starts_at_idx')
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** The IANA time zone the event happens in, e.g. America/Chicago. */
  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Index('event_state_idx')
  @Column({ type: 'text', nullable: true })
  state!: string | null;

  @Column({ type: 'text', nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'integer', default: 0 })
  goingCount!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  /** Languages interpretation is offered into. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  interpretation!: string[];

  @Column({ type: 'text', nullable: true })
  accessibilityNotes!: string | null;

  @Index('event_status_idx')
  @Column({ type: 'text', default: 'draft' })
  status!: EventStatus;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Index('event_lead_organization_id_idx')
  @Column({ type: 'uuid' })
  leadOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_organization_id', foreignKeyConstraintName: 'event_lead_organization_id_fkey' })
  leadOrganization?: Relation<OrganizationEntity>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
