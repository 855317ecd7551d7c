import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { EventHostRole, EventHostStatus } from '@unidos/contracts';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { EventEntity } from './event.entity';

/**
 * An organization hosting an event: its turnout goal and what it reports, and the counts of its
 * RSVPs (kept by a trigger on `rsvp`) — the totals everyone sees instead of names.
 */
@Entity('event_host')
@Unique('event_host_event_id_organization_id_key', ['eventId', 'organizationId'])
@Check('event_host_role_check', `role IN ('lead','co_host')`)
@Check('event_host_status_check', `status IN ('invited','accepted','declined')`)
@Check('event_host_counts_check', `going >= 0 AND maybe >= 0 AND declined >= 0 AND waitlisted >= 0 AND checked_in >= 0 AND walk_ins >= 0`)
@Check('event_host_numbers_check', `(turnout_goal IS NULL OR turnout_goal >= 0) AND (reported_attendance IS NULL OR reported_attendance >= 0)`)
export class EventHostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_host_event_id_fkey' })
  event?: Relation<EventEntity>;

  @Index('event_host_organization_id_idx')
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'event_host_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text', default: 'co_host' })
  role!: EventHostRole;

  @Column({ type: 'text', default: 'invited' })
  status!: EventHostStatus;

  @Column({ type: 'integer', nullable: true })
  turnoutGoal!: number | null;

  @Column({ type: 'integer', nullable: true })
  reportedAttendance!: number | null;

  @Column({ type: 'integer', default: 0 })
  going!: number;

  @Column({ type: 'integer', default: 0 })
  maybe!: number;

  @Column({ type: 'integer', default: 0 })
  declined!: number;

  @Column({ type: 'integer', default: 0 })
  waitlisted!: number;

  @Column({ type: 'integer', default: 0 })
  checkedIn!: number;

  /** People counted at the door without any personal data. */
  @Column({ type: 'integer', default: 0 })
  walkIns!: number;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
