import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonRole, PublicContactDto } from '@unidos/contracts';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { PersonEntity } from './entities/person.entity';

export const FIELD_CRYPTO = Symbol('FIELD_CRYPTO');

export interface NewContact {
  displayName: string;
  email?: string | null;
  phone?: string | null;
  preferredLanguage: string;
  role: PersonRole;
}

/**
 * People are organization-private. This service is the only way to them; every query runs in a
 * transaction whose organization context row-level security checks again.
 */
@Injectable()
export class PeopleService {
  constructor(@Inject(FIELD_CRYPTO) private readonly crypto: FieldCrypto) {}

  /** Adds an organization's public contact (visible to the coalition), e.g. an applicant's primary contact. */
  async createPublicContact(m: EntityManager, organizationId: string, contact: NewContact): Promise<PersonEntity> {
    const email = contact.email || null;
    const phone = contact.phone || null;
    return m.save(
      m.create(PersonEntity, {
        organizationId,
        displayName: contact.displayName,
        preferredLanguage: contact.preferredLanguage,
        role: contact.role,
        visibility: 'coalition',
        emailCiphertext: email ? this.crypto.encrypt(email, 'person.email') : null,
        emailHash: email ? this.crypto.lookupHash('email', email) : null,
        phoneCiphertext: phone ? this.crypto.encrypt(phone, 'person.phone') : null,
        phoneHash: phone ? this.crypto.lookupHash('phone', phone) : null,
        okToEmail: Boolean(email),
        okToCall: Boolean(phone),
      }),
    );
  }

  /** An organization's coalition-visible contacts. */
  async publicContacts(m: EntityManager, organizationId: string): Promise<PublicContactDto[]> {
    const people = await m
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where('p.organization_id = :organizationId AND p.visibility = :v', { organizationId, v: 'coalition' })
      .orderBy('p.role', 'ASC')
      .addOrderBy('p.display_name', 'ASC')
      .getMany();
    return people.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      preferredLanguage: p.preferredLanguage,
      email: p.emailCiphertext ? this.crypto.decrypt(p.emailCiphertext, 'person.email') : null,
      phone: p.phoneCiphertext ? this.crypto.decrypt(p.phoneCiphertext, 'person.phone') : null,
    }));
  }
}
