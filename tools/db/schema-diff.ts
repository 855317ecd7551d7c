import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@api/database/data-source';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What TypeORM would change to make the database match the entities. Empty when the migrations
 * and the entities agree (the drift check in `npm test` asserts exactly that).
 */
export async function schemaDiff(url: string): Promise<SchemaDiff> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query + (q.parameters?.length ? ` -- ${JSON.stringify(q.parameters)}` : '')),
      down: sql.downQueries.map((q) => q.query),
    };
  } finally {
    await ds.destroy();
  }
}
