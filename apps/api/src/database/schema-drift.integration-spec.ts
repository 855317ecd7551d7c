import { schemaDiff } from '@tools/db/schema-diff';
import { createTestDatabase, dropTestDatabase } from '../../test/harness';

/** Entities and migrations must describe the same schema (`npm run migration:check` runs this file). */
describe('schema drift', () => {
  it('finds nothing TypeORM would change after the real migrations', async () => {
    const db = await createTestDatabase();
    try {
      const diff = await schemaDiff(db.ownerUrl);
      // Printed in full so a failure says which entity and which migration disagree.
      expect(diff.up.join(';\n')).toBe('');
    } finally {
      await dropTestDatabase(db.name);
    }
  });
});
