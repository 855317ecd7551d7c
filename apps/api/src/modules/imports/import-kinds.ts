import { Injectable } from '@nestjs/common';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import type { ImportKind } from './entities/import-job.entity';
import type { KindHandler } from './kinds/kind';
import { OrganizationsKind } from './kinds/organizations.kind';
import { PeopleKind } from './kinds/people.kind';
import { PledgesKind } from './kinds/pledges.kind';

/** The handler of each kind of import. */
@Injectable()
export class ImportKinds {
  private readonly handlers: Record<ImportKind, KindHandler>;

  constructor(crypto: FieldCrypto) {
    this.handlers = { people: new PeopleKind(crypto), organizations: new OrganizationsKind(), pledges: new PledgesKind() };
  }

  get(kind: ImportKind): KindHandler {
    return this.handlers[kind];
  }
}
