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
import type { Locale, UserRole, UserStatus } from '@unidos/contracts';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

@Entity('user')
@Check('user_role_check', `role IN ('alliance_admin','alliance_organizer','org_coordinator','org_viewer')`)
@Check('user_status_check', `status IN ('active','disabled')`)
@Check(
  'user_role_organization_check',
  `(role IN ('alliance_admin','alliance_organizer') AND organization_id IS NULL) OR (role IN ('org_coordinator','org_viewer') AND organization_id IS NOT NULL)`,
)
@Check('user_preferred_language_check', `preferred_language IN ('en','es')`)
@Index('user_email_lower_key', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: UserRole;

  @Index('user_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'user_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text', default: 'active' })
  status!: UserStatus;

  @Column({ type: 'text', default: 'en' })
  preferredLanguage!: Locale;

  @Column({ type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** The TOTP secret, encrypted like people's contacts; null until two-factor sign-in is set up. */
  @Column({ type: 'bytea', nullable: true })
  totpSecret!: Buffer | null;

  /** When the user proved the authenticator works; two-factor sign-in is on from then. */
  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** The last time step a code was accepted for: a code is good once (no replay). */
  @Column({ type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
