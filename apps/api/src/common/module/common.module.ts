import { Global, Module } from '@nestjs/common';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { APP_CONFIG } from '@api/config/config.module';
import type { AppConfig } from '@api/config/config';

/**
 * Cross-cutting providers every domain module uses. `FieldCrypto` (inject it by its class) is the
 * one instance keyed from the configured encryption key, for any module that encrypts a column.
 */
@Global()
@Module({
  providers: [
    TenantTransaction,
    { provide: FieldCrypto, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FieldCrypto(config.encryptionKey) },
  ],
  exports: [TenantTransaction, FieldCrypto],
})
export class CommonModule {}
