import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '@api/database/data-source';
import { schemaDiff } from './schema-diff';

/**
 * `node dist/apps/api/tools/db/generate-migration.js <Name>` with DATABASE_MIGRATION_URL pointing at
 * a scratch database: applies the existing migrations, then writes what the entities still need as
 * a new migration in migrations/ to read, edit and list in migrations/index.ts.
 */
async function main() {
  const name = process.argv[2];
  const url = process.env.DATABASE_MIGRATION_URL;
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name) || !url) {
    process.stderr.write('usage: DATABASE_MIGRATION_URL=postgres://… node generate-migration.js PascalCaseName\n');
    process.exit(2);
  }
  await runMigrations(url);
  const diff = await schemaDiff(url);
  if (diff.up.length === 0) {
    process.stdout.write('The entities and the migrations agree; nothing to generate.\n');
    return;
  }
  const stamp = Date.now();
  const literal = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/ {2}\(/g, '(').trim() + '`';
  const indent = (qs: string[]) => qs.map((q) => `    await q.query(${literal(q)});`).join('\n');
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${indent(diff.up)}
  }

  async down(q: QueryRunner): Promise<void> {
${indent(diff.down.reverse())}
  }
}
`;
  const file = join(process.cwd(), 'migrations', `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
  writeFileSync(file, body);
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
