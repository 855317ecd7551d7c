/**
 * A real API process for the import kill test: the whole Nest app (and so the import worker) on
 * the database in DATABASE_URL, with the key in UNIDOS_ENCRYPTION_KEY. It prints "ready" and runs
 * until killed. Run with `node -r ./apps/api/test/swc-register.cjs apps/api/test/import-child.ts`.
 */
import 'reflect-metadata';
import { createApp } from '@api/bootstrap';
import { createLogger } from '@api/common/logging/logger';
import { testConfig } from './harness';

async function main(): Promise<void> {
  const config = testConfig({ encryptionKey: Buffer.from(process.env.UNIDOS_ENCRYPTION_KEY ?? '', 'base64') });
  await createApp(config, { databaseUrl: process.env.DATABASE_URL ?? '', logger: createLogger('silent') });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`import child failed: ${String(error)}\n`);
  process.exit(1);
});
