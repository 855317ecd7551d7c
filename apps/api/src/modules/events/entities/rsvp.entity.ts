import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RsvpStatus } from '@unidos/contracts';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { PersonEntity } from '@api/modules/people/entities/person.entity';
import { EventEntity } from './event.entity';

/**
 * Someone a host organization brings to an event: one of its people, or a first name only.
 * Organization-private (row-level security on `host_organization_id`): no other host, and not
 * the alliance, sees who is coming — only the counts on `event_host`. After the organization's
 * retention period the person and the name are removed, the status (the count) stays.
 */
@Entity('rsvp')
@Index('rsvp_event_id_host_organization_id_idx', ['eventId', 'hostOrganizationId'])
@Check('rsvp_status_check', `status IN ('going','maybe','declined','waitlisted','attended','no_show')`)
export class RsvpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'rsvp_event_id_fkey' })
  event?: Relation<EventEntity>;

  @Index('rsvp_host_organization_id_idx')
  @Column({ type: 'uuid' })
  hostOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'host_organization_id', foreignKeyConstraintName: 'rsvp_host_organization_id_fkey' })
  hostOrganization?: Relation<OrganizationEntity>;

  @Index('rsvp_person_id_idx')
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'rsvp_person_id_fkey' })
  person?: Relation<PersonEntity>;

  /** For someone who is not among the organization's people: a first name only. */
  @Column({ type: 'text', nullable: true })
  firstName!: string | null;

  @Column({ type: 'text', default: 'going' })
  status!: RsvpStatus;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  /** When the RSVP joined the waitlist (kept by a trigger; NULL when not waitlisted): the line moves up in this order. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt!: Date | null;

  /** Set when the retention period removed the person's details (the count stays). */
  @Column({ type: 'timestamptz', nullable: true })
  anonymizedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
