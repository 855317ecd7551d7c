import { Module } from '@nestjs/common';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { APP_CONFIG } from '@api/config/config.module';
import type { AppConfig } from '@api/config/config';
import { FIELD_CRYPTO, PeopleService } from './people.service';

@Module({
  providers: [
    PeopleService,
    { provide: FIELD_CRYPTO, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FieldCrypto(config.encryptionKey) },
  ],
  exports: [PeopleService],
})
export class PeopleModule {}
