import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { ImportJobEntity } from './import-job.entity';

/**
 * The uploaded file while its import is pending: encrypted (AES-256-GCM, FieldCrypto) because it
 * holds personal data, and deleted when the import succeeds or finally fails.
 */
@Entity('import_file')
export class ImportFileEntity {
  @PrimaryColumn({ type: 'uuid' })
  importJobId!: string;

  @OneToOne(() => ImportJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_job_id', foreignKeyConstraintName: 'import_file_import_job_id_fkey' })
  job?: Relation<ImportJobEntity>;

  @Index('import_file_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'import_file_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'bytea' })
  contentCiphertext!: Buffer;

  @Column({ type: 'integer' })
  byteSize!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
