import { runMigrations } from '@api/database/data-source';

/** `node dist/apps/api/tools/db/migrate.js`: applies pending migrations as the owner role (DATABASE_MIGRATION_URL). */
async function main() {
  const url = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_MIGRATION_URL (the owner role) is required to migrate\n');
    process.exit(78);
  }
  const applied = await runMigrations(url);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`migration failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
