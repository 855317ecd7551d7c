import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from './capture';
import { withClient } from './database';

const CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i;
const CONTEXT = /set_config\('app\./;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement a scenario runs, under the same organization
 * context (set_config) as the API, as the app role. Each transaction is rolled back.
 */
export async function explainScenario(appUrl: string, transactions: Transaction[], dir: string, name: string, header: string): Promise<string> {
  const parts: string[] = [header, ''];
  await withClient(appUrl, async (c) => {
    for (const [i, tx] of transactions.entries()) {
      await c.query('BEGIN');
      try {
        for (const s of tx.statements) {
          if (CONTROL.test(s.sql)) continue;
          if (CONTEXT.test(s.sql)) {
            await c.query(s.sql, s.params);
            continue;
          }
          const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
          const params = s.params.length ? `\n-- parameters: ${JSON.stringify(s.params)}` : '';
          parts.push(`-- transaction ${i + 1}${params}`, s.sql, '', ...rows.map((r) => r['QUERY PLAN']), '');
        }
      } finally {
        await c.query('ROLLBACK');
      }
    }
  });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, `${parts.join('\n')}\n`);
  return file;
}
