import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EventEntity } from '@api/modules/events/entities/event.entity';
import { PledgeEntity } from './pledge.entity';

/**
 * Fulfilment reported against a pledge. Append-only: a correction is a new entry (it may be
 * negative, never taking the pledge's total below zero), never an edit.
 */
@Entity('pledge_report')
@Check('pledge_report_quantity_check', `quantity <> 0`)
export class PledgeReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('pledge_report_pledge_id_idx')
  @Column({ type: 'uuid' })
  pledgeId!: string;

  @ManyToOne(() => PledgeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'pledge_report_pledge_id_fkey' })
  pledge?: Relation<PledgeEntity>;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  quantity!: string;

  @Index('pledge_report_reported_on_idx')
  @Column({ type: 'date' })
  reportedOn!: string;

  @Column({ type: 'uuid', nullable: true })
  reportedBy!: string | null;

  /** The event the action came from, if any. */
  @Index('pledge_report_event_id_idx')
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'pledge_report_event_id_fkey' })
  event?: Relation<EventEntity>;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
