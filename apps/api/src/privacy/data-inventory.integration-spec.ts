import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestContext } from '../../test/harness';

/**
 * docs/data-inventory.md says, for every column of every table, whether it holds personal data,
 * who can read it and how long it is kept. This spec holds the document to the migrated schema:
 * a column added without its row, or a documented column that no longer exists, fails.
 */

const DOC = join(__dirname, '../../../../docs/data-inventory.md');
const HEADER = ['column', 'personal data', 'who can read', 'kept'];

interface Documented {
  table: string;
  columns: { name: string; cells: string[]; line: number }[];
  headers: string[][];
}

/** Each `### \`table\`` section and the rows of the Markdown table(s) under it. */
function parse(markdown: string): Documented[] {
  const out: Documented[] = [];
  let current: Documented | null = null;
  markdown.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const heading = /^###\s+`([a-z_][a-z0-9_]*)`\s*$/.exec(line);
    if (heading) {
      current = { table: heading[1], columns: [], headers: [] };
      out.push(current);
      return;
    }
    if (/^#{1,2}\s/.test(line)) current = null;
    if (!current || !line.startsWith('|')) return;
    const cells = line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) return;
    const name = /^`([a-z_][a-z0-9_]*)`$/.exec(cells[0]);
    if (name) current.columns.push({ name: name[1], cells: cells.slice(1), line: i + 1 });
    else current.headers.push(cells);
  });
  return out;
}

describe('docs/data-inventory.md', () => {
  let t: TestContext;
  let schema: Map<string, string[]>;
  let documented: Documented[];

  beforeAll(async () => {
    t = await startTestApp();
    const { rows } = await t.sql.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    schema = new Map();
    for (const r of rows) schema.set(r.table_name, [...(schema.get(r.table_name) ?? []), r.column_name]);
    documented = parse(readFileSync(DOC, 'utf8'));
  });
  afterAll(() => t.close());

  it('reads a schema and a document (the control)', () => {
    expect(schema.get('person')).toEqual(
      expect.arrayContaining(['display_name', 'email_ciphertext', 'note']),
    );
    expect(documented.length).toBeGreaterThanOrEqual(10);
  });

  it('documents every table of the database, and no table that is not there', () => {
    const inDoc = documented.map((d) => d.table);
    expect({
      missingFromDoc: [...schema.keys()].filter((t) => !inDoc.includes(t)),
      notInDatabase: inDoc.filter((t) => !schema.has(t)),
    }).toEqual({
      missingFromDoc: [],
      notInDatabase: [],
    });
    expect(inDoc.filter((t, i) => inDoc.indexOf(t) !== i)).toEqual([]);
  });

  it('documents every column of every table, and no column that is not there', () => {
    const problems: string[] = [];
    for (const [table, columns] of schema) {
      const doc = documented.find((d) => d.table === table);
      if (!doc) continue;
      const names = doc.columns.map((c) => c.name);
      for (const c of columns)
        if (!names.includes(c)) problems.push(`${table}.${c} is in the database but not in the document`);
      for (const c of names)
        if (!columns.includes(c)) problems.push(`${table}.${c} is in the document but not in the database`);
      for (const c of names.filter((n, i) => names.indexOf(n) !== i))
        problems.push(`${table}.${c} is documented twice`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every column its four answers: personal data (yes or no first), who can read it, how long it is kept', () => {
    const problems: string[] = [];
    for (const doc of documented) {
      for (const h of doc.headers)
        if (h.join('|') !== HEADER.join('|')) problems.push(`${doc.table}: header ${h.join(' | ')}`);
      if (doc.headers.length === 0) problems.push(`${doc.table}: no table header`);
      for (const c of doc.columns) {
        if (c.cells.length !== 3 || c.cells.some((x) => x === ''))
          problems.push(`${doc.table}.${c.name} (line ${c.line}): expected 3 filled cells after the column`);
        else if (!/^(yes|no|an id)\b/i.test(c.cells[0]))
          problems.push(
            `${doc.table}.${c.name} (line ${c.line}): personal data must start with yes, no or "an id"`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('marks as personal data the columns that obviously are (names, emails, phones, notes about people)', () => {
    const obviously =
      /(^|_)(display_name|first_name|contact_name|email|phone|password_hash|totp_secret)(_|$)|^person_id$|_ciphertext$|_hash$/;
    const wrong: string[] = [];
    for (const doc of documented) {
      for (const c of doc.columns) {
        if (
          obviously.test(c.name) &&
          !/^yes\b/i.test(c.cells[0]) &&
          !(doc.table === 'session' && c.name === 'token_hash')
        )
          wrong.push(`${doc.table}.${c.name}: ${c.cells[0]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
