import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const APP_ROLE = 'unidos_app';

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migration',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // PostgreSQL >= 13 has gen_random_uuid() built in; the app role may not create extensions.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: false,
    ...extra,
  } as DataSourceOptions;
}

/** Runs every pending migration as the owner role, each in its own transaction. */
export async function runMigrations(migrationUrl: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(migrationUrl));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
