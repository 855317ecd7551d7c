import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';

/**
 * How many people an organization keeps, by role and preferred language: what the alliance sees
 * instead of the people. Maintained by a trigger on `person` (exact under concurrent writes), so
 * counting never needs to read an organization's private rows. Read-only for the app role.
 */
@Entity('person_count')
export class PersonCountEntity {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'person_count_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @PrimaryColumn({ type: 'text' })
  role!: string;

  @PrimaryColumn({ type: 'text' })
  preferredLanguage!: string;

  @Column({ type: 'integer', default: 0 })
  n!: number;
}
