import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES } from '@api/database/entities';

/**
 * Unidos never collects immigration status, document numbers or country of birth: there is no
 * column, entity property, DTO field or API field for them, and this spec fails the day one
 * appears — under any spelling, in English or Spanish. It matches names (split into words), not
 * text: `membershipStatus` is fine, `immigrationStatus` is not; a comment or a description that
 * says "never write immigration status here" is fine too.
 */

const ROOT = join(__dirname, '../../../..');

/** Word sequences that name what must never be collected. Each entry is matched against the words of a name. */
const FORBIDDEN: { words: RegExp[]; means: string }[] = [
  { words: [/^(immigration|inmigracion|inmigratorio|immigrant|immigrants)$/], means: 'immigration status' },
  {
    words: [/^(migratorio|migratoria|migration)$/, /^(status|estatus|estado|situacion)$/],
    means: 'immigration status',
  },
  {
    words: [/^(status|estatus|estado|situacion)$/, /^(migratorio|migratoria|migracion|migration)$/],
    means: 'immigration status',
  },
  {
    words: [/^(legal|residency|residence|visa|asylum|refugee|tps|daca|parole)$/, /^(status|estatus|estado)$/],
    means: 'immigration status',
  },
  {
    words: [
      /^(documented|undocumented|indocumentado|indocumentada|indocumentados|sinpapeles|illegal|alien|aliens)$/,
    ],
    means: 'immigration status',
  },
  { words: [/^(sin)$/, /^(papeles|documentos)$/], means: 'immigration status' },
  {
    words: [/^(citizenship|ciudadania|nationality|nacionalidad|naturalization|naturalized|greencard)$/],
    means: 'citizenship or nationality',
  },
  { words: [/^(green)$/, /^(card)$/], means: 'immigration status (green card)' },
  {
    words: [/^(a|alien|uscis|ice|ead|i94|i9)$/, /^(number|no|num|numero|id)$/],
    means: 'a document number (A-number, USCIS, EAD…)',
  },
  { words: [/^(anumber|anum|aliennumber|uscisnumber)$/], means: 'a document number (A-number)' },
  {
    words: [/^(passport|pasaporte|visa|visas|ssn|ssns|itin|itins|i94|matricula|cedula|curp|dni)$/],
    means: 'a document number (passport, visa, SSN, ITIN…)',
  },
  { words: [/^(social)$/, /^(security)$/], means: 'a social security number' },
  {
    words: [/^(document|documento|id|identity|identification)$/, /^(number|no|num|numero|type|tipo)$/],
    means: 'a document number',
  },
  {
    words: [/^(birth|born|nacimiento|natal)$/, /^(country|place|pais|lugar|nation)$/],
    means: 'country of birth',
  },
  {
    words: [/^(country|place|pais|lugar)$/, /^(of|de)$/, /^(birth|nacimiento|origin|origen)$/],
    means: 'country of birth or origin',
  },
  {
    words: [/^(birthplace|birthcountry|countryofbirth|paisdenacimiento|origincountry)$/],
    means: 'country of birth',
  },
  { words: [/^(country|pais)$/, /^(origin|origen)$/], means: 'country of origin' },
  { words: [/^(origin|origen)$/, /^(country|pais)$/], means: 'country of origin' },
  {
    words: [/^(deportation|deported|removal|detention|detained|deportacion)$/],
    means: 'immigration enforcement history',
  },
];

/** Splits a name into lower-case words: camelCase, PascalCase, snake_case, kebab-case, digits. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** What a name stands for, if it is one of the forbidden things; null otherwise. */
export function forbiddenMeaning(name: string): string | null {
  const w = words(name);
  for (const rule of FORBIDDEN) {
    for (let i = 0; i + rule.words.length <= w.length; i++) {
      if (rule.words.every((re, j) => re.test(w[i + j]))) return rule.means;
    }
  }
  return null;
}

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') continue;
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

describe('never collected: immigration status, document numbers, country of birth', () => {
  it('knows the names it must refuse, and leaves ordinary names alone (the control)', () => {
    const refused = [
      'immigrationStatus',
      'immigration_status',
      'status_migratorio',
      'estatusMigratorio',
      'aNumber',
      'a_number',
      'ANumber',
      'alienNumber',
      'alien_registration',
      'passportNumber',
      'passport_no',
      'visaType',
      'visa_status',
      'ssn',
      'ssnLast4',
      'SSN',
      'socialSecurityNumber',
      'itin',
      'itinNumber',
      'birthCountry',
      'birth_country',
      'countryOfBirth',
      'country_of_birth',
      'placeOfBirth',
      'paisDeNacimiento',
      'nationality',
      'citizenship',
      'documented',
      'isUndocumented',
      'undocumented',
      'legalStatus',
      'legal_status',
      'indocumentado',
      'documentNumber',
      'idNumber',
      'greenCard',
      'dacaStatus',
      'tpsStatus',
      'asylumStatus',
      'uscisNumber',
      'countryOfOrigin',
      'deportationDate',
      'sinPapeles',
    ];
    const allowed = [
      'membershipStatus',
      'status',
      'pledgeStatus',
      'visibility',
      'displayName',
      'preferredLanguage',
      'decisionReason',
      'signalOnly',
      'itinerary',
      'visitor',
      'division',
      'advisable',
      'passage',
      'organizationId',
      'focusAreas',
      'noVoicemail',
      'okToText',
      'phoneNumber',
      'totpSecret',
      'emailHash',
      'documentation',
      'documents_url',
      'salient',
      'originalName',
      'languages',
      'state',
      'city',
      'green',
      'ein',
      'priceId',
    ];
    expect(refused.filter((n) => forbiddenMeaning(n) === null)).toEqual([]);
    expect(
      allowed.filter((n) => forbiddenMeaning(n) !== null).map((n) => `${n}: ${forbiddenMeaning(n)}`),
    ).toEqual([]);
  });

  it('has no entity property or column for them', () => {
    const storage = getMetadataArgsStorage();
    const targets = new Set<unknown>(ENTITIES);
    const names = [
      ...storage.columns
        .filter((c) => targets.has(c.target))
        .flatMap((c) => [c.propertyName, c.options.name ?? snake(c.propertyName)]),
      ...storage.relations.filter((r) => targets.has(r.target)).map((r) => r.propertyName),
      ...storage.tables.filter((t) => targets.has(t.target)).map((t) => String(t.name)),
    ];
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n) => forbiddenMeaning(n)).map((n) => `${n}: ${forbiddenMeaning(n)}`)).toEqual([]);
  });

  it('has no DTO field for them (every class in every dto/ folder, as class-validator sees it)', () => {
    const files = walk(
      join(ROOT, 'apps/api/src'),
      (f) => /[/\\]dto[/\\][^/\\]+\.ts$/.test(f) || /\.dto\.ts$/.test(f),
    );
    expect(files.length).toBeGreaterThanOrEqual(5);
    const storage = getMetadataStorage();
    const fields: string[] = [];
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads every DTO module found on disk
      const mod = require(file) as Record<string, unknown>;
      for (const exported of Object.values(mod)) {
        if (typeof exported !== 'function') continue;
        for (const m of storage.getTargetValidationMetadatas(exported, '', true, false))
          fields.push(`${exported.name}.${m.propertyName}`);
      }
    }
    expect(fields.length).toBeGreaterThan(50);
    expect(
      [...new Set(fields)]
        .filter((f) => forbiddenMeaning(f.split('.')[1]))
        .map((f) => `${f}: ${forbiddenMeaning(f.split('.')[1])}`),
    ).toEqual([]);
  });

  it('has no column in any migration, nor any field in the API contracts', () => {
    const found: string[] = [];
    const migrations = walk(join(ROOT, 'migrations'), (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    for (const file of migrations) {
      const text = readFileSync(file, 'utf8');
      // Every quoted SQL identifier (tables, columns, constraints), and ADD COLUMN / RENAME targets.
      for (const [, name] of text.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g))
        if (forbiddenMeaning(name)) found.push(`${relative(ROOT, file)}: "${name}"`);
      for (const [, name] of text.matchAll(/\b(?:ADD|COLUMN|RENAME TO)\s+([a-z_][a-z0-9_]*)\b/gi))
        if (forbiddenMeaning(name)) found.push(`${relative(ROOT, file)}: ${name}`);
    }
    const contracts = walk(join(ROOT, 'libs/shared/contracts/src'), (f) => f.endsWith('.ts'));
    expect(contracts.length).toBeGreaterThanOrEqual(1);
    let properties = 0;
    for (const file of contracts) {
      const text = readFileSync(file, 'utf8');
      for (const [, name] of text.matchAll(/^\s*(?:readonly\s+)?['"]?([A-Za-z_$][\w$]*)['"]?\??\s*:/gm)) {
        properties++;
        if (forbiddenMeaning(name)) found.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect(properties).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});
