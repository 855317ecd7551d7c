import { Global, Module } from '@nestjs/common';
import { TenantTransaction } from '@api/common/database/tenant-transaction';

/** Cross-cutting providers every domain module uses. */
@Global()
@Module({ providers: [TenantTransaction], exports: [TenantTransaction] })
export class CommonModule {}
