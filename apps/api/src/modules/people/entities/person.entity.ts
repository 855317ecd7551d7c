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
import type { PersonRole, PersonVisibility } from '@unidos/contracts';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

/**
 * A person an organization keeps in Unidos. Organization-private: row-level security lets only the
 * organization's own users read it, except `coalition` contacts (an organization's public
 * contacts). Phone and email are stored encrypted (AES-256-GCM) with a keyed hash for exact-match
 * lookup. There is deliberately no field for immigration status, documents or country of birth.
 */
@Entity('person')
@Index('person_organization_name_idx', { synchronize: false })
@Index('person_coalition_contacts_idx', { synchronize: false })
@Check('person_role_check', `role IN ('primary_contact','spokesperson','delegate','staff','member')`)
@Check('person_visibility_check', `visibility IN ('organization','coalition')`)
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('person_organization_id_idx')
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'person_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', default: 'en' })
  preferredLanguage!: string;

  @Column({ type: 'bytea', nullable: true })
  emailCiphertext!: Buffer | null;

  @Index('person_email_hash_idx')
  @Column({ type: 'bytea', nullable: true })
  emailHash!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  phoneCiphertext!: Buffer | null;

  @Index('person_phone_hash_idx')
  @Column({ type: 'bytea', nullable: true })
  phoneHash!: Buffer | null;

  @Column({ type: 'boolean', default: false })
  okToText!: boolean;

  @Column({ type: 'boolean', default: false })
  okToCall!: boolean;

  @Column({ type: 'boolean', default: false })
  okToEmail!: boolean;

  @Column({ type: 'boolean', default: false })
  signalOnly!: boolean;

  @Column({ type: 'boolean', default: false })
  noVoicemail!: boolean;

  @Column({ type: 'text', default: 'member' })
  role!: PersonRole;

  @Column({ type: 'text', default: 'organization' })
  visibility!: PersonVisibility;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
