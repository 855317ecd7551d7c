import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import {
  DUES_TIERS,
  FOCUS_AREAS,
  LANGUAGE_CODES,
  MEMBERSHIP_STATUSES,
  MEMBERSHIP_TRANSITIONS,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  US_STATES,
} from '@unidos/contracts';
import { slugify } from '@api/modules/organizations/slug';
import type { OnDuplicate } from '../entities/import-job.entity';
import { day, email, list, oneOf, phone, text, url } from './cells';
import { affected } from './copy';
import type { BatchOutcome, FieldSpec, ImportCounts, ImportRow, ImportScope, KindHandler, KindRun, RowError } from './kind';
import { take } from './take';

export const ORGANIZATION_FIELDS: FieldSpec[] = [
  { name: 'name', required: true, echo: true, aliases: ['name', 'organization', 'organization name', 'nombre', 'organizacion', 'nombre de la organizacion'] },
  { name: 'kind', echo: true, aliases: ['kind', 'type', 'tipo'] },
  { name: 'city', echo: true, aliases: ['city', 'ciudad'] },
  { name: 'state', echo: true, aliases: ['state', 'estado'] },
  { name: 'website', echo: true, aliases: ['website', 'web', 'url', 'sitio web', 'pagina web'] },
  { name: 'publicEmail', echo: true, aliases: ['email', 'public email', 'correo', 'correo publico'] },
  { name: 'publicPhone', echo: true, aliases: ['phone', 'public phone', 'telefono', 'telefono publico'] },
  { name: 'description', aliases: ['description', 'descripcion', 'mission', 'mision'] },
  { name: 'focusAreas', echo: true, aliases: ['focus areas', 'focus', 'areas', 'temas', 'areas de enfoque'] },
  { name: 'languages', echo: true, aliases: ['languages', 'idiomas'] },
  { name: 'membershipStatus', echo: true, aliases: ['membership status', 'status', 'membership', 'estatus', 'membresia'] },
  { name: 'duesTier', echo: true, aliases: ['dues tier', 'dues', 'cuota'] },
  { name: 'duesPaidThrough', echo: true, aliases: ['dues paid through', 'paid through', 'cuota pagada hasta'] },
];

interface OrgRow {
  row: number;
  id?: string;
  name: string;
  slug: string;
  kind: string | null;
  city: string | null;
  state: string | null;
  website: string | null;
  publicEmail: string | null;
  publicPhone: string | null;
  description: string | null;
  focusAreas: string[] | null;
  languages: string[] | null;
  membershipStatus: MembershipStatus | null;
  duesTier: string | null;
  duesPaidThrough: string | null;
}

interface Existing {
  id: string;
  status: MembershipStatus;
}

/**
 * Member organizations, by an alliance admin. The same organization is the same name in any case;
 * a name whose slug another organization already has is refused as the create form refuses it.
 * A new organization needs kind, city and state, and is active unless the file says "applicant".
 */
export class OrganizationsKind implements KindHandler {
  readonly kind = 'organizations' as const;
  readonly fields = ORGANIZATION_FIELDS;

  async begin(m: EntityManager, _client: PoolClient, scope: ImportScope): Promise<KindRun> {
    const rows = (await m.query(`SELECT id, lower(name) AS name, slug, membership_status FROM organization`)) as {
      id: string;
      name: string;
      slug: string;
      membership_status: MembershipStatus;
    }[];
    return new OrganizationsRun(
      m,
      scope,
      new Map(rows.map((r) => [r.name, { id: r.id, status: r.membership_status }])),
      new Map(rows.map((r) => [r.slug, r.name])),
    );
  }
}

const BATCH_SQL_COLUMNS = `id uuid, name text, slug text, kind text, city text, state text, website text, public_email text, public_phone text,
  description text, focus_areas text[], languages text[], membership_status text, dues_tier text, dues_paid_through date`;

class OrganizationsRun implements KindRun {
  private readonly seen = new Map<string, number>();
  private readonly rows: OrgRow[] = [];

  constructor(
    private readonly m: EntityManager,
    private readonly scope: ImportScope,
    private readonly byName: Map<string, Existing>,
    private readonly bySlug: Map<string, string>,
  ) {}

  private parse(row: number, v: Record<string, string | undefined>, errors: RowError[]): OrgRow | null {
    const before = errors.length;
    const name = take('name', row, text(v.name, 160, true), errors, v.name, true) ?? '';
    const o: OrgRow = {
      row,
      name,
      slug: slugify(name),
      kind: take('kind', row, oneOf(v.kind, ORGANIZATION_KINDS), errors, v.kind, true),
      city: take('city', row, text(v.city, 120), errors, v.city, true),
      state: take('state', row, oneOf(v.state?.toUpperCase(), US_STATES.map((s) => s.toLowerCase())), errors, v.state, true)?.toUpperCase() ?? null,
      website: take('website', row, url(v.website), errors, v.website, true),
      publicEmail: take('publicEmail', row, email(v.publicEmail), errors, v.publicEmail, true),
      publicPhone: take('publicPhone', row, phone(v.publicPhone), errors, v.publicPhone, true),
      description: take('description', row, text(v.description, 4000), errors, v.description, false),
      focusAreas: take('focusAreas', row, list(v.focusAreas, FOCUS_AREAS, FOCUS_AREAS.length), errors, v.focusAreas, true),
      languages: take('languages', row, list(v.languages, LANGUAGE_CODES, 20), errors, v.languages, true),
      membershipStatus: take('membershipStatus', row, oneOf(v.membershipStatus, MEMBERSHIP_STATUSES), errors, v.membershipStatus, true),
      duesTier: take('duesTier', row, oneOf(v.duesTier, DUES_TIERS), errors, v.duesTier, true),
      duesPaidThrough: take('duesPaidThrough', row, day(v.duesPaidThrough), errors, v.duesPaidThrough, true),
    };
    return errors.length === before ? o : null;
  }

  /** What only the database knows: is it new, may it be created as written, may its status change so. */
  private resolve(o: OrgRow, errors: RowError[]): boolean {
    const key = o.name.toLowerCase();
    const first = this.seen.get(key) ?? this.seen.get(`slug:${o.slug}`);
    if (first !== undefined) {
      errors.push({ row: o.row, field: 'name', key: 'import.duplicateInFile', params: { row: first } });
      return false;
    }
    this.seen.set(key, o.row);
    this.seen.set(`slug:${o.slug}`, o.row);
    const existing = this.byName.get(key);
    if (existing) {
      o.id = existing.id;
      const to = o.membershipStatus;
      if (to && to !== existing.status && !MEMBERSHIP_TRANSITIONS[existing.status].includes(to)) {
        errors.push({ row: o.row, field: 'membershipStatus', key: 'error.invalidTransition', params: { from: existing.status, to }, value: to });
        return false;
      }
      return true;
    }
    const before = errors.length;
    const owner = this.bySlug.get(o.slug);
    if (owner !== undefined) errors.push({ row: o.row, field: 'name', key: 'error.duplicateName', value: o.name });
    for (const field of ['kind', 'city', 'state'] as const) {
      if (!o[field]) errors.push({ row: o.row, field, key: 'field.isNotEmpty' });
    }
    if (o.membershipStatus && o.membershipStatus !== 'active' && o.membershipStatus !== 'applicant')
      errors.push({ row: o.row, field: 'membershipStatus', key: 'field.isIn', value: o.membershipStatus });
    return errors.length === before;
  }

  async checkBatch(rows: ImportRow[], errors: RowError[], stage: boolean): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { duplicates: 0, duplicateOf: new Map() };
    for (const { row, values } of rows) {
      const o = this.parse(row, values, errors);
      if (!o || !this.resolve(o, errors)) continue;
      if (o.id) {
        outcome.duplicates += 1;
        outcome.duplicateOf.set(o.row, o.id);
      }
      if (stage) this.rows.push(o);
    }
    return Promise.resolve(outcome);
  }

  private json(rows: OrgRow[]): string {
    return JSON.stringify(
      rows.map((o) => ({
        id: o.id ?? null,
        name: o.name,
        slug: o.slug,
        kind: o.kind,
        city: o.city,
        state: o.state,
        website: o.website,
        public_email: o.publicEmail,
        public_phone: o.publicPhone,
        description: o.description,
        focus_areas: o.focusAreas,
        languages: o.languages,
        membership_status: o.membershipStatus,
        dues_tier: o.duesTier,
        dues_paid_through: o.duesPaidThrough,
      })),
    );
  }

  async write(onDuplicate: OnDuplicate): Promise<ImportCounts> {
    const fresh = this.rows.filter((o) => !o.id);
    const existing = this.rows.filter((o) => o.id);
    let created = 0;
    let updated = 0;
    for (let i = 0; i < fresh.length; i += 1000) {
      created += await affected(
        this.m,
        `INSERT INTO organization (name, slug, kind, city, state, region_id, website, public_email, public_phone, description,
                focus_areas, languages, membership_status, applied_at, approved_at, approved_by, decided_at, dues_tier, dues_paid_through)
         SELECT r.name, r.slug, r.kind, r.city, r.state,
                (SELECT g.id FROM region g WHERE r.state = ANY(g.states) ORDER BY g.name LIMIT 1),
                r.website, r.public_email, r.public_phone, r.description, COALESCE(r.focus_areas, '{}'), COALESCE(r.languages, '{}'),
                COALESCE(r.membership_status, 'active'), now(),
                CASE WHEN COALESCE(r.membership_status, 'active') = 'active' THEN now() END,
                CASE WHEN COALESCE(r.membership_status, 'active') = 'active' THEN $2::uuid END,
                CASE WHEN COALESCE(r.membership_status, 'active') = 'active' THEN now() END,
                r.dues_tier, r.dues_paid_through
           FROM jsonb_to_recordset($1::jsonb) AS r(${BATCH_SQL_COLUMNS})`,
        [this.json(fresh.slice(i, i + 1000)), this.scope.userId],
      );
    }
    if (onDuplicate === 'skip') return { created, updated: 0, skipped: existing.length };
    for (let i = 0; i < existing.length; i += 1000) {
      updated += await affected(
        this.m,
        `UPDATE organization o SET
            name = r.name,
            kind = COALESCE(r.kind, o.kind), city = COALESCE(r.city, o.city), state = COALESCE(r.state, o.state),
            website = COALESCE(r.website, o.website), public_email = COALESCE(r.public_email, o.public_email),
            public_phone = COALESCE(r.public_phone, o.public_phone), description = COALESCE(r.description, o.description),
            focus_areas = COALESCE(r.focus_areas, o.focus_areas), languages = COALESCE(r.languages, o.languages),
            membership_status = COALESCE(r.membership_status, o.membership_status),
            approved_at = CASE WHEN r.membership_status = 'active' AND o.approved_at IS NULL THEN now() ELSE o.approved_at END,
            approved_by = CASE WHEN r.membership_status = 'active' AND o.approved_at IS NULL THEN $2::uuid ELSE o.approved_by END,
            decided_at = CASE WHEN r.membership_status IS NOT NULL AND r.membership_status <> o.membership_status
                              THEN COALESCE(o.decided_at, now()) ELSE o.decided_at END,
            dues_tier = COALESCE(r.dues_tier, o.dues_tier), dues_paid_through = COALESCE(r.dues_paid_through, o.dues_paid_through),
            version = o.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS r(${BATCH_SQL_COLUMNS})
          WHERE o.id = r.id`,
        [this.json(existing.slice(i, i + 1000)), this.scope.userId],
      );
    }
    return { created, updated, skipped: existing.length - updated };
  }
}
