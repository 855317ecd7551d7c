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
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { UserEntity } from '@api/modules/users/entities/user.entity';

export const IMPORT_KINDS = ['people', 'organizations', 'pledges'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type OnDuplicate = 'update' | 'skip';
/** CSV header → target field, or null to ignore the column. */
export type ImportMapping = Record<string, string | null>;

/**
 * One uploaded CSV file and what became of it. Row-level security: an organization's imports
 * (people) are its own; the alliance's (organizations, pledges, `organization_id` NULL) are its
 * admins'. Holds no personal data: counts, header names, row numbers, message codes.
 */
@Entity('import_job')
@Check('import_job_kind_check', `kind IN ('people','organizations','pledges')`)
@Check('import_job_status_check', `status IN ('uploaded','queued','running','succeeded','failed')`)
@Check('import_job_on_duplicate_check', `on_duplicate IS NULL OR on_duplicate IN ('update','skip')`)
@Check(
  'import_job_counts_check',
  `row_count >= 0 AND processed >= 0 AND created >= 0 AND updated >= 0 AND skipped >= 0 AND error_count >= 0`,
)
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('import_job_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'import_job_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  kind!: ImportKind;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ type: 'text', default: 'uploaded' })
  status!: ImportStatus;

  @Column({ type: 'integer', default: 0 })
  rowCount!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  headers!: string[];

  @Column({ type: 'jsonb', nullable: true })
  mapping!: ImportMapping | null;

  @Column({ type: 'text', nullable: true })
  onDuplicate!: OnDuplicate | null;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  skipped!: number;

  @Column({ type: 'integer', default: 0 })
  errorCount!: number;

  /** A message code (translated when read), never a value from the file. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The first rows (1-based, header excluded) that failed, when the file was refused. */
  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  errorRows!: number[];

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Index('import_job_created_by_idx')
  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'import_job_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  queuedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
