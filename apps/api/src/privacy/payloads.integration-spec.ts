import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, validate } from 'class-validator';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type TestAgent from 'supertest/lib/agent';
import type { UserRole } from '@unidos/contracts';
import { IS_PUBLIC, ROLES } from '@api/common/auth/decorators';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness';

/**
 * Property tests on every route that takes a JSON body, found from the running app with the DTO
 * class it validates against. For each route, 1,000 generated payloads: a valid-looking base
 * (built from the DTO's own validation metadata, with real ids) with exactly one thing wrong —
 * a wrong type, a huge string, NUL / lone surrogates / control / bidi / zero-width characters,
 * `__proto__` and friends, a field the caller may not set, a nested object where a scalar
 * belongs, a required field missing, or a body that is not an object at all.
 * None may be accepted (2xx), none may be a 500, and no row may change.
 */

const RUNS = 1000;
const PASSWORD = 'correct horse battery staple'; // the harness's password for every test user
const HUGE = 100_001;

// class-transformer keeps @Type() metadata (the class of a nested DTO) in a storage it does not
// export from its entry point; its own declaration file describes it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerMetadata;
};

/** Hidden fields that bots fill: a filled honeypot is answered 201 and stores nothing, by design. */
const HONEYPOTS = new Set(['homepage']);

/**
 * Known gaps, reported and not fixed here (see the `it.failing` tests at the end): the fuzzer does
 * not generate these corruptions, and the failing tests turn red once the gap is closed.
 */
const KNOWN_GAPS: {
  route: RegExp;
  field: RegExp;
  decorations: 'bidiAndControls' | 'invisible';
  reason: string;
}[] = [
  {
    route: /./,
    field: /./,
    decorations: 'invisible',
    reason:
      "validator.js's isEmail and isURL accept zero-width and BOM characters inside addresses (isEmail bidi controls too)",
  },
];

// What may be slipped into a string, by how bad it is where.
const BROKEN = ['\u0000', '\ud800', '\udfff', 'a\udc00'];
const CONTROLS = ['\u0007', '\u001b', '\u0008', '\u007f'];
const BIDI = ['\u202e', '\u202d', '\u202a', '\u2066', '\u2067'];
const INVISIBLE = ['\u200b', '\u200f', '\u200e', '\u2060', '\ufeff'];

const EXTRA_KEYS = [
  'organizationId',
  'role',
  'version',
  'id',
  'createdAt',
  'updatedAt',
  'passwordHash',
  'totpSecret',
  'emailHash',
  'emailCiphertext',
  'isAdmin',
  'status',
  'visibility',
  'membershipStatus',
  'approvedBy',
  'decisionReason',
  'userId',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

type Kind =
  | 'text'
  | 'plain'
  | 'enum'
  | 'uuid'
  | 'email'
  | 'url'
  | 'phone'
  | 'date'
  | 'int'
  | 'number'
  | 'bool'
  | 'array'
  | 'nested'
  | 'unknown';

interface Field {
  name: string;
  optional: boolean;
  kind: Kind;
  checks: Map<string, unknown[]>;
  /** For arrays: the kind and allowed values of the elements. */
  element?: { kind: Kind; values?: unknown[] };
  values?: unknown[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  minSize?: number;
  maxSize?: number;
  unique?: boolean;
  nested?: Field[];
  nestedType?: new () => object;
}

interface BodyRoute {
  method: string;
  path: string;
  key: string;
  dto: new () => object;
  roles: UserRole[] | null;
  isPublic: boolean;
  fields: Field[];
}

const FREE_TEXT = /name|note|description|reason|city|title|summary|text|address|venue|comment/i;

/** Reads what class-validator knows of a DTO into a field model the generators use. */
function fieldsOf(dto: new () => object): Field[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byName = new Map<string, Field>();
  for (const m of metas) {
    const f = byName.get(m.propertyName) ?? {
      name: m.propertyName,
      optional: false,
      kind: 'unknown' as Kind,
      checks: new Map(),
    };
    byName.set(m.propertyName, f);
    if (m.type === 'conditionalValidation') f.optional = true;
    if (m.type === 'nestedValidation') f.checks.set('nested', []);
    if (m.type === 'customValidation' && m.name)
      f.checks.set(m.each ? `${m.name}:each` : m.name, (m.constraints ?? []) as unknown[]);
  }
  for (const f of byName.values()) {
    const c = f.checks;
    const first = (name: string) => c.get(name)?.[0];
    f.maxLength = first('maxLength') as number | undefined;
    f.minLength = first('minLength') as number | undefined;
    f.min = first('min') as number | undefined;
    f.max = first('max') as number | undefined;
    f.minSize = first('arrayMinSize') as number | undefined;
    f.maxSize = first('arrayMaxSize') as number | undefined;
    f.unique = c.has('arrayUnique');
    if (c.has('isArray')) {
      f.kind = 'array';
      if (c.has('isIn:each')) f.element = { kind: 'enum', values: c.get('isIn:each')![0] as unknown[] };
      else if (c.has('isUuid:each')) f.element = { kind: 'uuid' };
      else if (c.has('isString:each')) f.element = { kind: 'plain' };
      else if (c.has('nested')) {
        const type = defaultMetadataStorage.findTypeMetadata(dto, f.name);
        f.nestedType = type?.typeFunction() as (new () => object) | undefined;
        if (f.nestedType) f.nested = fieldsOf(f.nestedType);
        f.element = { kind: 'nested' };
      } else f.element = { kind: 'unknown' };
    } else if (c.has('nested') || c.has('isObject')) {
      const type = defaultMetadataStorage.findTypeMetadata(dto, f.name);
      f.nestedType = type?.typeFunction() as (new () => object) | undefined;
      f.kind = 'nested';
      if (f.nestedType) f.nested = fieldsOf(f.nestedType);
    } else if (c.has('isIn')) {
      f.kind = 'enum';
      f.values = c.get('isIn')![0] as unknown[];
    } else if (c.has('isUuid')) f.kind = 'uuid';
    else if (c.has('isEmail')) f.kind = 'email';
    else if (c.has('isUrl')) f.kind = 'url';
    else if (c.has('isPhone')) f.kind = 'phone';
    else if (c.has('isDateString') || c.has('isIso8601')) f.kind = 'date';
    else if (c.has('isInt')) f.kind = 'int';
    else if (c.has('isNumber') || c.has('isPositive')) f.kind = 'number';
    else if (c.has('isBoolean')) f.kind = 'bool';
    else if (c.has('isString') || c.has('isNotEmpty'))
      f.kind = c.has('noControlChars') || FREE_TEXT.test(f.name) ? 'text' : 'plain';
  }
  return [...byName.values()];
}

const STRINGY: Kind[] = ['text', 'plain', 'enum', 'uuid', 'email', 'url', 'phone', 'date'];

describe('bad payloads, generated for every route with a body', () => {
  let t: TestContext;
  let routes: BodyRoute[];
  const agents = {} as Record<'admin' | 'coordinator' | 'public', TestAgent>;
  const ids: Record<string, string> = {};
  let admin: TestUser;
  let coordinator: TestUser;

  /** A real id for a path parameter: the first path segment names the resource. */
  async function idFor(path: string, param: string): Promise<string> {
    const resource = path.split('/')[2];
    if (param === 'slug') {
      const table =
        resource === 'public'
          ? path.split('/')[3].replace(/s$/, '')
          : resource.replace(/-/g, '_').replace(/s$/, '');
      const found = await t.sql.query(`SELECT to_regclass($1) AS t`, [`public.${table}`]);
      if (found.rows[0].t) {
        const { rows } = await t.sql.query<{ slug: string }>(`SELECT slug FROM "${table}" LIMIT 1`);
        if (rows[0]) return rows[0].slug;
      }
      return 'no-such-slug';
    }
    const known: Record<string, string | undefined> = {
      people: ids.person,
      organizations: ids.orgA,
      applications: ids.applicant,
      users: ids.decoyUser,
      regions: ids.region,
    };
    if (known[resource]) return known[resource]!;
    const table = resource.replace(/-/g, '_').replace(/s$/, '');
    const found = await t.sql.query(`SELECT to_regclass($1) AS t`, [`public.${table}`]);
    if (found.rows[0].t) {
      const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM "${table}" LIMIT 1`);
      if (rows[0]) return rows[0].id;
    }
    return randomUUID();
  }

  /** A value that passes the field's own validation, real ids where the name says what they are. */
  function validValue(f: Field, routeKey: string): unknown {
    switch (f.kind) {
      case 'enum':
        return f.values![0];
      case 'uuid':
        if (/^organizationId$/.test(f.name)) return ids.orgA;
        if (/^regionId$/.test(f.name)) return ids.region;
        return ids[f.name.replace(/Id$/, '')] ?? randomUUID();
      case 'email':
        return routeKey === 'POST /api/auth/login' ? admin.email : 'base.value@example.org';
      case 'url':
        return 'https://example.org/base';
      case 'phone':
        return '+1 312 555 0100';
      case 'date':
        // A plain date is valid for date and date-time fields alike, and is where validator.js's
        // isISO8601 is loosest (it takes "2030-01 -15").
        return '2030-01-15';
      case 'int':
      case 'number':
        return Math.min(Math.max(f.min ?? 1, 1), f.max ?? Number.MAX_SAFE_INTEGER);
      case 'bool':
        return true;
      case 'array': {
        if (f.element?.kind === 'nested') {
          return [Object.fromEntries((f.nested ?? []).map((n) => [n.name, validValue(n, routeKey)]))];
        }
        const one =
          f.element?.kind === 'enum'
            ? f.element.values![0]
            : f.element?.kind === 'uuid'
              ? randomUUID()
              : 'Base value';
        return [one];
      }
      case 'nested':
        return Object.fromEntries(
          (f.nested ?? [])
            .filter((n) => !HONEYPOTS.has(n.name))
            .map((n) => [n.name, validValue(n, routeKey)]),
        );
      case 'text':
      case 'plain':
      case 'unknown': {
        if (/password/i.test(f.name))
          return /^(current)?password$/i.test(f.name) ? PASSWORD : 'another long passphrase 2';
        if (/code|totp/i.test(f.name)) return '123456';
        const text = 'Base value';
        return f.minLength && text.length < f.minLength ? text.padEnd(f.minLength, 'x') : text;
      }
    }
  }

  const baseOf = (route: BodyRoute): Record<string, unknown> =>
    Object.fromEntries(
      route.fields.filter((f) => !HONEYPOTS.has(f.name)).map((f) => [f.name, validValue(f, route.key)]),
    );

  /** Puts `d` inside a value (not at its ends, which Trim() would strip). */
  const inside = (value: unknown, d: string, at: number) => {
    const s = typeof value === 'string' && value.length > 1 ? value : 'Base value';
    const k = 1 + (at % (s.length - 1));
    return s.slice(0, k) + d + s.slice(k);
  };

  /** The characters that must be refused in a field of this kind. */
  function badCharacters(route: BodyRoute, f: Field): string[] {
    const gap = (d: 'bidiAndControls' | 'invisible') =>
      KNOWN_GAPS.some((g) => g.decorations === d && g.route.test(route.key) && g.field.test(f.name));
    switch (f.kind) {
      case 'text':
        return gap('bidiAndControls') ? BROKEN : [...BROKEN, ...CONTROLS, ...BIDI];
      case 'plain':
        return BROKEN;
      case 'email':
        return gap('invisible') ? [...BROKEN, ...CONTROLS] : [...BROKEN, ...CONTROLS, ...BIDI, ...INVISIBLE];
      case 'url':
        return gap('invisible')
          ? [...BROKEN, ...CONTROLS, ...BIDI]
          : [...BROKEN, ...CONTROLS, ...BIDI, ...INVISIBLE];
      default:
        return [...BROKEN, ...CONTROLS, ...BIDI, ...INVISIBLE];
    }
  }

  interface Corruption {
    what: string;
    body: unknown;
  }

  /** Values of the wrong type (or out of range) for a field. */
  function wrongValues(f: Field, routeKey: string): fc.Arbitrary<unknown> {
    const scalarsAndShapes = [
      fc.constant({}),
      fc.constant({ $ne: null }),
      fc.constant({ toString: 'x', valueOf: 1 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { minKeys: 1, maxKeys: 3 }),
      fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }),
      fc.constant([validValue(f, routeKey)]),
    ];
    const requiredNull = f.optional ? [] : [fc.constant(null)];
    switch (f.kind) {
      case 'int':
      case 'number': {
        const safe = (n: number) => Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n));
        const below =
          f.min !== undefined && f.min > -1e12
            ? [fc.integer({ min: safe(Math.ceil(f.min) - 1_000_000), max: safe(Math.ceil(f.min) - 1) })]
            : [];
        const above =
          f.max !== undefined && f.max < 1e12
            ? [fc.integer({ min: safe(Math.floor(f.max) + 1), max: safe(Math.floor(f.max) + 1_000_000) })]
            : [];
        const fractions =
          f.kind === 'int'
            ? [
                fc
                  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
                  .filter((n) => !Number.isInteger(n)),
              ]
            : [];
        return fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.constantFrom('1', '1e3', '0x10', ''),
          fc.boolean(),
          ...below,
          ...above,
          ...fractions,
          ...scalarsAndShapes,
          ...requiredNull,
        );
      }
      case 'bool':
        return fc.oneof(
          fc.constantFrom('true', 'false', '1', '', 'yes'),
          fc.constantFrom(0, 1, 2),
          ...scalarsAndShapes,
          ...requiredNull,
        );
      case 'array': {
        const element = (validValue(f, routeKey) as unknown[])[0];
        const options: fc.Arbitrary<unknown>[] = [
          fc.string({ maxLength: 10 }),
          fc.integer(),
          fc.constant({}),
          fc.constant({ 0: element }),
          fc.constant([[element]]),
          fc.constant([{ value: element }]),
          fc.constant([1, 2]),
          fc.constant([`${String(element)}\u200b`]),
          fc.constant([`${String(element)}\u0000`]),
          ...requiredNull,
        ];
        if (f.unique) options.push(fc.constant([element, element]));
        if (f.maxSize !== undefined)
          options.push(
            fc.constant(
              Array.from({ length: f.maxSize + 1 }, (_, i) =>
                f.element?.values ? f.element.values[i % f.element.values.length] : `v${i}`,
              ),
            ),
          );
        if (f.minSize) options.push(fc.constant([]));
        if (f.element?.kind === 'enum') options.push(fc.constant(['not-an-allowed-value']));
        return fc.oneof(...options);
      }
      case 'nested':
        return fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.integer(),
          fc.boolean(),
          fc.constant([]),
          fc.constant([validValue(f, routeKey)]),
          ...requiredNull,
        );
      default:
        return fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          ...scalarsAndShapes,
          ...requiredNull,
        );
    }
  }

  /** One field made wrong: a wrong type, a huge string, a bad character, an unknown enum value… */
  function fieldCorruptions(
    route: BodyRoute,
    base: Record<string, unknown>,
    f: Field,
    prefix = '',
  ): fc.Arbitrary<Corruption>[] {
    const set = (value: unknown, what: string): Corruption => {
      const body = structuredClone(base);
      if (prefix) (body[prefix] as Record<string, unknown>)[f.name] = value;
      else body[f.name] = value;
      return { what: `${prefix ? `${prefix}.` : ''}${f.name}: ${what}`, body };
    };
    const out: fc.Arbitrary<Corruption>[] = [
      wrongValues(f, route.key).map((v) => set(v, `wrong value ${JSON.stringify(v)?.slice(0, 40)}`)),
    ];
    if (STRINGY.includes(f.kind) && !HONEYPOTS.has(f.name)) {
      const valid = validValue(f, route.key);
      out.push(
        fc
          .tuple(fc.constantFrom(...badCharacters(route, f)), fc.nat())
          .map(([d, at]) => set(inside(valid, d, at), `contains ${JSON.stringify(d)}`)),
      );
      if (f.kind === 'enum')
        out.push(
          fc
            .constantFrom(` ${String(valid)}`, String(valid).toUpperCase(), `${String(valid)}x`, 'other')
            .filter((v) => !f.values!.includes(v))
            .map((v) => set(v, `not allowed ${v}`)),
        );
      if (f.kind === 'uuid')
        out.push(
          fc
            .constantFrom('not-a-uuid', randomUUID().slice(0, 35), `${randomUUID()}0`, "' OR 1=1 --")
            .map((v) => set(v, `bad id ${v}`)),
        );
      if (f.kind === 'email')
        out.push(
          fc
            .constantFrom(
              'no-at-sign',
              'a@b',
              '@example.org',
              'a b@example.org',
              'a@example.org\nBcc: x@example.org',
            )
            .map((v) => set(v, `bad email ${JSON.stringify(v)}`)),
        );
      if (f.kind === 'phone')
        out.push(
          fc
            .constantFrom('12', 'call me', '+1 312 555 0100 ext. 9', '555-CALL-NOW')
            .map((v) => set(v, `bad phone ${v}`)),
        );
      if (f.kind === 'date')
        out.push(
          fc
            .constantFrom('2030-02-30', '2030-13-01', 'tomorrow', '30/01/2030', '2030-01-15T25:00:00Z')
            .map((v) => set(v, `bad date ${v}`)),
        );
      if (f.kind === 'url')
        out.push(
          fc
            .constantFrom('javascript:alert(1)', 'ftp://example.org', 'example.org', 'http://')
            .map((v) => set(v, `bad url ${v}`)),
        );
      if (f.maxLength !== undefined)
        out.push(fc.constant(set(String(valid).padEnd(f.maxLength + 1, 'x'), `one over ${f.maxLength}`)));
      if (f.minLength !== undefined && f.minLength > 0)
        out.push(fc.constant(set(''.padEnd(f.minLength - 1, 'x'), `one under ${f.minLength}`)));
      // Only '': spaces are a valid password or sign-in string, and would cost an argon2 check.
      if (f.checks.has('isNotEmpty') || (f.minLength ?? 0) > 0) out.push(fc.constant(set('', 'empty')));
    }
    if (!f.optional) {
      out.push(
        fc.constant(null).map(() => {
          const body = structuredClone(base);
          if (prefix) delete (body[prefix] as Record<string, unknown>)[f.name];
          else delete body[f.name];
          return { what: `${prefix ? `${prefix}.` : ''}${f.name}: missing`, body };
        }),
      );
    }
    if (f.kind === 'nested' && f.nested && !prefix) {
      for (const n of f.nested) out.push(...fieldCorruptions(route, base, n, f.name));
      out.push(
        fc.tuple(fc.constantFrom(...EXTRA_KEYS, ...PROTO_KEYS), fc.string({ maxLength: 8 })).map(([k, v]) => {
          const body = structuredClone(base);
          Object.defineProperty(body[f.name], k, {
            value: v,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          return { what: `${f.name}.${k}: not a field`, body };
        }),
      );
    }
    return out;
  }

  /** One string field made longer than 100 KB (the body limit is 256 KB, so validation sees it). */
  function hugeCorruptions(route: BodyRoute, base: Record<string, unknown>): fc.Arbitrary<Corruption>[] {
    return route.fields
      .filter((f) => STRINGY.includes(f.kind) && !HONEYPOTS.has(f.name))
      .map((f) =>
        fc.integer({ min: HUGE, max: HUGE + 30_000 }).map((n) => {
          const body = structuredClone(base);
          body[f.name] = `${String(base[f.name])}${'x'.repeat(n)}`;
          return { what: `${f.name}: ${String(body[f.name]).length} characters`, body };
        }),
      );
  }

  function corruptions(route: BodyRoute): fc.Arbitrary<Corruption> {
    const base = baseOf(route);
    const own = new Set(route.fields.map((f) => f.name));
    const extraValue = fc.oneof(
      fc.constant(ids.orgB),
      fc.constant(randomUUID()),
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.constant({ admin: true }),
      fc.constant(['x']),
    );
    const extras = EXTRA_KEYS.filter((k) => !own.has(k));
    const withKey = (key: string, value: unknown): Corruption => {
      const body = structuredClone(base);
      // defineProperty, so that '__proto__' becomes a key of the JSON and not the prototype.
      Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
      return { what: `${key}: not a field`, body };
    };
    const byField = route.fields.flatMap((f) => fieldCorruptions(route, base, f));
    const bodies: unknown[] = [
      [],
      [base],
      'text',
      42,
      true,
      null,
      { a: Array.from({ length: 50 }).reduce<unknown>((acc) => ({ a: acc }), 1) },
    ];
    const huge = hugeCorruptions(route, base);
    return fc.oneof(
      { weight: 12, arbitrary: fc.oneof(...byField) },
      ...(huge.length > 0 ? [{ weight: 1, arbitrary: fc.oneof(...huge) }] : []),
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...(extras.length > 0 ? extras : ['unexpected'])), extraValue)
          .map(([k, v]) => withKey(k, v)),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...PROTO_KEYS),
            fc.oneof(
              fc.constant({ isAdmin: true }),
              fc.constant({ polluted: 'yes' }),
              fc.string({ maxLength: 5 }),
            ),
          )
          .map(([k, v]) => withKey(k, v)),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...bodies)
          .map((body) => ({ what: `body ${JSON.stringify(body).slice(0, 30)}`, body })),
      },
    );
  }

  /**
   * Every table, hashed: before and after must be equal. Not `rate_limit_bucket`: the throttler
   * counts every request to a throttled route before validation, by design.
   */
  async function snapshot(): Promise<Record<string, string>> {
    const { rows: tables } = await t.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limit_bucket' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { table_name } of tables) {
      // A session's last_seen_at moves on every request after a minute: that is the session working.
      const row = table_name === 'session' ? `(to_jsonb(x) - 'last_seen_at')` : 'to_jsonb(x)';
      const { rows } = await t.sql.query<{ h: string | null; n: number }>(
        `SELECT md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)) AS h, count(*)::int AS n FROM "${table_name}" x`,
      );
      out[table_name] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  }

  beforeAll(async () => {
    t = await startTestApp({ limits: { login: 1_000_000, publicForms: 1_000_000 } });
    await t.app.listen(0, '127.0.0.1');
    ids.orgA = await t.createOrganization({ name: 'Payload Org A' });
    ids.orgB = await t.createOrganization({ name: 'Payload Org B' });
    ids.organization = ids.orgA;
    ids.applicant = await t.createOrganization({ name: 'Payload Applicant', membershipStatus: 'applicant' });
    admin = await t.createUser('alliance_admin');
    coordinator = await t.createUser('org_coordinator', ids.orgA);
    ids.decoyUser = (await t.createUser('org_viewer', ids.orgA)).id;
    agents.admin = await t.as(admin);
    agents.coordinator = await t.as(coordinator);
    agents.public = t.http();
    const region = await agents.admin.post('/api/regions').send({ name: 'Payload Region', states: ['IL'] });
    expect(region.status).toBe(201);
    ids.region = region.body.id;
    const person = await agents.coordinator
      .post('/api/people')
      .send({ displayName: 'Payload Person', email: 'payload.person@example.org' });
    expect(person.status).toBe(201);
    ids.person = person.body.id;

    // Every route with a @Body() parameter, and the class it is validated against.
    const reflector = t.app.get(Reflector);
    routes = [];
    for (const mod of t.app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        const basePath = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
        const proto = controller.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (sub === undefined || method === undefined) continue;
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
            string,
            { index: number }
          >;
          const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as (new () => object)[];
          const body = Object.entries(args).find(([k]) => k.startsWith(`${RouteParamtypes.BODY}:`));
          if (!body) continue;
          const path = `/api/${[basePath, sub]
            .map((p) => p.replace(/^\/+|\/+$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          const dto = types[body[1].index];
          routes.push({
            method: RequestMethod[method],
            path,
            key: `${RequestMethod[method]} ${path}`,
            dto,
            roles: reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [handler, controller]) ?? null,
            isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) === true,
            fields: fieldsOf(dto),
          });
        }
      }
    }
  });
  afterAll(() => t.close());

  it('finds every create and update route with its DTO, and builds a base each DTO accepts', async () => {
    const keys = routes.map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/people',
        'PUT /api/people/:id',
        'POST /api/organizations',
        'PUT /api/organizations/:id',
        'POST /api/regions',
        'PUT /api/regions/:id',
        'POST /api/users',
        'PUT /api/users/:id',
        'POST /api/public/applications',
        'POST /api/applications/:id/approve',
        'POST /api/applications/:id/reject',
        'POST /api/auth/password',
        'PUT /api/auth/me',
        'POST /api/auth/login',
      ]),
    );
    for (const route of routes) {
      expect({ route: route.key, dto: typeof route.dto, fields: route.fields.length > 0 }).toEqual({
        route: route.key,
        dto: 'function',
        fields: true,
      });
      // The base passes the DTO's validation as the global pipe runs it: whatever is refused later
      // is refused for the one thing the generator broke.
      const errors = await validate(plainToInstance(route.dto, baseOf(route)), {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
      });
      expect({
        route: route.key,
        errors: errors.map((e) => `${e.property}: ${Object.keys(e.constraints ?? {}).join(',')}`),
      }).toEqual({ route: route.key, errors: [] });
    }
  });

  // All routes at once, each route's runs one after the other. The requests are CPU-bound in this
  // one process (client and server): 40 routes take about 80 s on an idle 2-core machine.
  it(`refuses ${RUNS} generated bad payloads per route: none accepted, none a 500, no row changed`, async () => {
    const { port } = t.app.getHttpServer().address() as { port: number };
    // Plain node:http on kept-alive connections: 30,000 requests are CPU-bound in this one process,
    // and this client costs a fraction of supertest's or fetch's.
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const send = (method: string, path: string, cookie: string, json: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path,
            method,
            agent: keepAlive,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(json),
              cookie,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(json);
      });
    const origin = `http://127.0.0.1:${port}`;
    const cookieOf = async (user: TestUser) => {
      const res = await fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    };
    const cookies = { admin: await cookieOf(admin), coordinator: await cookieOf(coordinator) };
    // A real record behind every :id (ids are looked up one after the other: one superuser client).
    const urls = new Map<string, string>();
    for (const route of routes) {
      let url = route.path;
      for (const param of route.path.match(/:[A-Za-z]+/g) ?? [])
        url = url.replace(param, await idFor(route.path, param.slice(1)));
      urls.set(route.key, url);
    }
    const before = await snapshot();
    const stats: string[] = [];
    const results = await Promise.allSettled(
      routes.map(async (route) => {
        const cookie = route.isPublic
          ? ''
          : route.roles === null || route.roles.includes('alliance_admin')
            ? cookies.admin
            : cookies.coordinator;
        const url = urls.get(route.key)!;
        const statuses = new Map<number, number>();
        const started = Date.now();
        let namedTheField = 0;
        await fc
          .assert(
            fc.asyncProperty(corruptions(route), async ({ what, body }) => {
              const res = await send(route.method, url, cookie, JSON.stringify(body));
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              const field = what.split(':')[0];
              const errors =
                res.status === 422 ? ((JSON.parse(res.text) as { errors?: object }).errors ?? {}) : {};
              if (
                Object.keys(errors).some(
                  (k) =>
                    k === field ||
                    k.endsWith(`.${field}`) ||
                    k.startsWith(`${field}.`) ||
                    field.startsWith(`${k}.`),
                )
              ) {
                namedTheField++;
              }
              if (res.status < 300 || res.status >= 500) {
                throw new Error(
                  `${route.key} answered ${res.status} to a payload with ${what}: ${res.text.slice(0, 200)}`,
                );
              }
            }),
            { numRuns: RUNS, includeErrorInReport: true },
          )
          .catch((e: unknown) => {
            throw new Error(`${route.key}: ${String((e as Error).message)}`);
          });
        stats.push(
          `${route.key}: ${RUNS} payloads in ${Date.now() - started} ms, ${namedTheField} refused naming the broken field, ${JSON.stringify(Object.fromEntries(statuses))}`,
        );
      }),
    );
    keepAlive.destroy();
    console.log(`payloads: ${routes.length} routes × ${RUNS}\n${stats.sort().join('\n')}`);
    const failures = results.flatMap((r) =>
      r.status === 'rejected'
        ? [
            String((r.reason as Error).message)
              .split('\n')
              .slice(0, 12)
              .join('\n'),
          ]
        : [],
    );
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 400_000);

  // validator.js's isISO8601 (behind @IsDateString) takes "2030-01 -15" and "2030-01\uFEFF-15": not
  // dates, and PostgreSQL refuses them. Too rare for the fuzzer to draw reliably, so every date
  // field of every route is asked directly.
  it('refuses the strings isISO8601 takes for dates but are not dates, on every date field', async () => {
    const problems: string[] = [];
    let asked = 0;
    for (const route of routes) {
      const agent = route.isPublic
        ? agents.public
        : route.roles === null || route.roles.includes('alliance_admin')
          ? agents.admin
          : agents.coordinator;
      let url = route.path;
      for (const param of route.path.match(/:[A-Za-z]+/g) ?? [])
        url = url.replace(param, await idFor(route.path, param.slice(1)));
      for (const f of route.fields.filter((x) => x.kind === 'date')) {
        for (const bad of ['2030-01 -15', '2030-01\ufeff-15', '2030-01\u00a0-15']) {
          // The whole base with the bad date, and (for updates) the bad date alone with the version.
          const bodies = [
            { ...baseOf(route), [f.name]: bad },
            ...(route.fields.some((x) => x.name === 'version') ? [{ version: 1, [f.name]: bad }] : []),
          ];
          for (const body of bodies) {
            const res = await (route.method === 'PUT' ? agent.put(url) : agent.post(url)).send(body);
            asked++;
            if (res.status < 300 || res.status >= 500)
              problems.push(`${route.key} ${JSON.stringify(body).slice(0, 80)}: ${res.status}`);
          }
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  // KNOWN GAPS (reported, not fixed here). Each gap's requests are sent once; a normal test checks
  // that none of them is a 500, and an `it.failing` test states what should happen: it passes while
  // the gap is open and fails once it is closed — then drop `.failing` and the KNOWN_GAPS entry.
  const gaps: Record<string, () => Promise<number[]>> = {
    'zero-width and bidi characters inside an email address': async () => {
      const out: number[] = [];
      for (const d of [...INVISIBLE, ...BIDI]) {
        const res = await agents.coordinator
          .post('/api/people')
          .send({ displayName: 'Invisible', email: `in${d}visible@example.org` });
        out.push(res.status);
      }
      return out;
    },
    'zero-width characters inside a web address': async () => {
      const out: number[] = [];
      for (const d of INVISIBLE) {
        const res = await agents.admin.post('/api/organizations').send({
          name: `Invisible ${d.charCodeAt(0)}`,
          kind: 'other',
          city: 'Chicago',
          state: 'IL',
          website: `https://exa${d}mple.org/`,
        });
        out.push(res.status);
      }
      return out;
    },
  };
  const gapAnswers: Record<string, number[]> = {};

  it('answers the known gaps without a server error', async () => {
    for (const [gap, ask] of Object.entries(gaps)) gapAnswers[gap] = await ask();
    expect(Object.entries(gapAnswers).filter(([, statuses]) => statuses.some((s) => s >= 500))).toEqual([]);
  });

  for (const gap of Object.keys(gaps)) {
    it.failing(`refuses ${gap}`, () => {
      expect(gapAnswers[gap]).toEqual(gapAnswers[gap].map(() => 422));
    });
  }
});
