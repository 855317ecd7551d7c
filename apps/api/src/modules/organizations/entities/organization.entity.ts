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
import type { DuesTier, FocusArea, MembershipStatus, OrganizationKind } from '@unidos/contracts';
import { RegionEntity } from '@api/modules/regions/entities/region.entity';

@Entity('organization')
@Check(
  'organization_kind_check',
  `kind IN ('worker_center','community','union_local','faith','student','legal_services','rapid_response','advocacy','other')`,
)
@Check(
  'organization_membership_status_check',
  `membership_status IN ('applicant','active','rejected','lapsed','suspended','withdrawn')`,
)
@Check('organization_rsvp_retention_days_check', `rsvp_retention_days BETWEEN 1 AND 3650`)
@Check('organization_dues_tier_check', `dues_tier IS NULL OR dues_tier IN ('waived','small','medium','large')`)
@Index('organization_name_lower_key', { synchronize: false })
@Index('organization_name_trgm_idx', { synchronize: false })
@Index('organization_city_trgm_idx', { synchronize: false })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Index('organization_focus_areas_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  focusAreas!: FocusArea[];

  @Index('organization_languages_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Column({ type: 'text' })
  city!: string;

  @Index('organization_state_idx')
  @Column({ type: 'text' })
  state!: string;

  @Index('organization_region_id_idx')
  @Column({ type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'organization_region_id_fkey' })
  region?: Relation<RegionEntity>;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  publicEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  publicPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Index('organization_membership_status_idx')
  @Column({ type: 'text', default: 'applicant' })
  membershipStatus!: MembershipStatus;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** The user who approved the application (a user id; users are never deleted, only disabled). */
  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  /** When and why the application was approved or rejected. */
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'text', nullable: true })
  duesTier!: DuesTier | null;

  @Column({ type: 'date', nullable: true })
  duesPaidThrough!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  principlesSignedAt!: Date | null;

  /** Days after an event that RSVP details (person, first name) are kept; the counts stay. */
  @Column({ type: 'integer', default: 30 })
  rsvpRetentionDays!: number;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
