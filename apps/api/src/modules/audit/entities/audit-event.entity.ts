import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of every write: who, what, which record, which fields. `before`/`after`
 * hold non-personal fields only. The app role may insert and read, never update or delete.
 */
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entityType', 'entityId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('audit_event_at_idx')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Index('audit_event_actor_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Index('audit_event_actor_org_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorOrgId!: string | null;

  @Index('audit_event_action_idx')
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  changedFields!: string[];

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;
}
