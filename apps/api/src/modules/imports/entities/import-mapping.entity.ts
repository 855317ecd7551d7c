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
import type { ImportKind, ImportMapping } from './import-job.entity';

/** A saved column mapping for files from one source (e.g. "Action Network export"). */
@Entity('import_mapping')
@Check('import_mapping_kind_check', `kind IN ('people','organizations','pledges')`)
@Index('import_mapping_source_key', { synchronize: false })
export class ImportMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('import_mapping_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'import_mapping_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  kind!: ImportKind;

  /** '' when the files name no source. */
  @Column({ type: 'text', default: '' })
  source!: string;

  @Column({ type: 'jsonb' })
  mapping!: ImportMapping;

  @Index('import_mapping_created_by_idx')
  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'import_mapping_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
