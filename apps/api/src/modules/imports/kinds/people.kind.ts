import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { LANGUAGE_CODES, PERSON_ROLES, PERSON_VISIBILITIES, type PersonRole, type PersonVisibility } from '@unidos/contracts';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import type { OnDuplicate } from '../entities/import-job.entity';
import { bool, email, oneOf, phone, text } from './cells';
import { affected, copyBool, copyBytes, copyLines, copyText } from './copy';
import type { BatchOutcome, FieldSpec, ImportCounts, ImportRow, ImportScope, KindHandler, KindRun, RowError } from './kind';
import { take } from './take';

export const PEOPLE_FIELDS: FieldSpec[] = [
  { name: 'displayName', required: true, aliases: ['name', 'display name', 'full name', 'nombre', 'nombre completo', 'alias'] },
  { name: 'email', aliases: ['email', 'e-mail', 'email address', 'correo', 'correo electronico', 'correo-e'] },
  { name: 'phone', aliases: ['phone', 'phone number', 'mobile', 'cell', 'cell phone', 'telefono', 'celular', 'movil', 'numero de telefono'] },
  { name: 'preferredLanguage', echo: true, aliases: ['language', 'preferred language', 'idioma', 'idioma preferido', 'lengua'] },
  { name: 'role', echo: true, aliases: ['role', 'rol', 'papel'] },
  { name: 'visibility', echo: true, aliases: ['visibility', 'visibilidad'] },
  { name: 'okToText', echo: true, aliases: ['ok to text', 'text ok', 'sms ok', 'acepta mensajes', 'mensajes de texto'] },
  { name: 'okToCall', echo: true, aliases: ['ok to call', 'call ok', 'acepta llamadas', 'llamadas'] },
  { name: 'okToEmail', echo: true, aliases: ['ok to email', 'email ok', 'acepta correo', 'correos'] },
  { name: 'signalOnly', echo: true, aliases: ['signal only', 'solo signal'] },
  { name: 'noVoicemail', echo: true, aliases: ['no voicemail', 'sin buzon de voz', 'no dejar mensaje'] },
  { name: 'note', aliases: ['note', 'notes', 'comment', 'comments', 'nota', 'notas', 'comentario', 'comentarios'] },
];

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', ingles: 'en', spanish: 'es', espanol: 'es', portuguese: 'pt', portugues: 'pt', french: 'fr', frances: 'fr',
  'haitian creole': 'ht', 'kreyol': 'ht', chinese: 'zh', vietnamese: 'vi', korean: 'ko', tagalog: 'tl', arabic: 'ar',
};
const ROLE_NAMES: Record<string, PersonRole> = {
  miembro: 'member', 'contacto principal': 'primary_contact', vocero: 'spokesperson', vocera: 'spokesperson',
  delegado: 'delegate', delegada: 'delegate', personal: 'staff',
};
const VISIBILITY_NAMES: Record<string, PersonVisibility> = { organizacion: 'organization', coalicion: 'coalition', public: 'coalition', private: 'organization' };

interface PersonRow {
  row: number;
  displayName: string;
  email: string | null;
  phone: string | null;
  preferredLanguage: string | null;
  role: PersonRole | null;
  visibility: PersonVisibility | null;
  okToText: boolean | null;
  okToCall: boolean | null;
  okToEmail: boolean | null;
  signalOnly: boolean | null;
  noVoicemail: boolean | null;
  note: string | null;
  emailHash: Buffer | null;
  phoneHash: Buffer | null;
  existingId?: string;
}

const STAGE = 'import_stage_person';
const STAGE_COLUMNS = [
  'row_no', 'existing_id', 'display_name', 'preferred_language', 'email_ciphertext', 'email_hash', 'phone_ciphertext', 'phone_hash',
  'ok_to_text', 'ok_to_call', 'ok_to_email', 'signal_only', 'no_voicemail', 'role', 'visibility', 'note',
];

/**
 * People of the importing coordinator's organization, under row-level security. A row is the same
 * person as an existing one when its email's keyed hash matches, else its phone's; a row with
 * neither matches a person with the same name and no email or phone. Two rows of one file that are
 * the same person are an error (the file decides nothing twice). Empty cells leave an existing
 * person's field as it is.
 */
export class PeopleKind implements KindHandler {
  readonly kind = 'people' as const;
  readonly fields = PEOPLE_FIELDS;

  constructor(private readonly crypto: FieldCrypto) {}

  async begin(m: EntityManager, client: PoolClient, scope: ImportScope, writing: boolean): Promise<KindRun> {
    const organizationId = scope.organizationId;
    if (!organizationId) throw new Error('people are imported into an organization');
    if (writing) {
      await m.query(`CREATE TEMP TABLE ${STAGE} (row_no int, existing_id uuid, display_name text, preferred_language text,
        email_ciphertext bytea, email_hash bytea, phone_ciphertext bytea, phone_hash bytea, ok_to_text boolean, ok_to_call boolean,
        ok_to_email boolean, signal_only boolean, no_voicemail boolean, role text, visibility text, note text) ON COMMIT DROP`);
    }
    return new PeopleRun(this.crypto, m, client, organizationId);
  }
}

class PeopleRun implements KindRun {
  /** Keys seen in this file (email hash, phone hash, or a contactless name) → first row. */
  private readonly seen = new Map<string, number>();
  /** Existing people matched so far → the row that matched them. */
  private readonly matched = new Map<string, number>();
  private staged = 0;

  constructor(
    private readonly crypto: FieldCrypto,
    private readonly m: EntityManager,
    private readonly client: PoolClient,
    private readonly organizationId: string,
  ) {}

  private parse(row: number, v: Record<string, string | undefined>, errors: RowError[]): PersonRow | null {
    const before = errors.length;
    const displayName = take('displayName', row, text(v.displayName, 120, true), errors, v.displayName, false);
    const mail = take('email', row, email(v.email), errors, v.email, false);
    const tel = take('phone', row, phone(v.phone), errors, v.phone, false);
    const p: PersonRow = {
      row,
      displayName: displayName ?? '',
      email: mail,
      phone: tel,
      preferredLanguage: take('preferredLanguage', row, oneOf(v.preferredLanguage, LANGUAGE_CODES, LANGUAGE_NAMES), errors, v.preferredLanguage, true),
      role: take('role', row, oneOf(v.role, PERSON_ROLES, ROLE_NAMES), errors, v.role, true),
      visibility: take('visibility', row, oneOf(v.visibility, PERSON_VISIBILITIES, VISIBILITY_NAMES), errors, v.visibility, true),
      okToText: take('okToText', row, bool(v.okToText), errors, v.okToText, true),
      okToCall: take('okToCall', row, bool(v.okToCall), errors, v.okToCall, true),
      okToEmail: take('okToEmail', row, bool(v.okToEmail), errors, v.okToEmail, true),
      signalOnly: take('signalOnly', row, bool(v.signalOnly), errors, v.signalOnly, true),
      noVoicemail: take('noVoicemail', row, bool(v.noVoicemail), errors, v.noVoicemail, true),
      note: take('note', row, text(v.note, 2000), errors, v.note, false),
      emailHash: mail ? this.crypto.lookupHash('email', mail) : null,
      phoneHash: tel ? this.crypto.lookupHash('phone', tel) : null,
    };
    return errors.length === before ? p : null;
  }

  /** The same person twice in one file: the second row is the error, naming the first. */
  private repeatedInFile(p: PersonRow, errors: RowError[]): boolean {
    const keys: [string, string][] = [];
    if (p.emailHash) keys.push(['email', `e:${p.emailHash.toString('base64')}`]);
    if (p.phoneHash) keys.push(['phone', `p:${p.phoneHash.toString('base64')}`]);
    if (keys.length === 0) keys.push(['displayName', `n:${p.displayName.toLowerCase()}`]);
    for (const [field, key] of keys) {
      const first = this.seen.get(key);
      if (first !== undefined) {
        errors.push({ row: p.row, field, key: 'import.duplicateInFile', params: { row: first } });
        return true;
      }
    }
    for (const [, key] of keys) this.seen.set(key, p.row);
    return false;
  }

  /** Existing people of the organization with these keys: one query per kind of key and batch. */
  private async findExisting(people: PersonRow[]): Promise<void> {
    const byEmail = people.filter((p) => p.emailHash);
    if (byEmail.length > 0) {
      const rows = (await this.m.query(
        `SELECT DISTINCT ON (email_hash) id, email_hash FROM person
          WHERE organization_id = $1 AND email_hash = ANY($2::bytea[]) ORDER BY email_hash, created_at, id`,
        [this.organizationId, byEmail.map((p) => p.emailHash)],
      )) as { id: string; email_hash: Buffer }[];
      const ids = new Map(rows.map((r) => [r.email_hash.toString('base64'), r.id]));
      for (const p of byEmail) p.existingId = ids.get(p.emailHash!.toString('base64'));
    }
    const byPhone = people.filter((p) => !p.existingId && p.phoneHash);
    if (byPhone.length > 0) {
      const rows = (await this.m.query(
        `SELECT DISTINCT ON (phone_hash) id, phone_hash FROM person
          WHERE organization_id = $1 AND phone_hash = ANY($2::bytea[]) ORDER BY phone_hash, created_at, id`,
        [this.organizationId, byPhone.map((p) => p.phoneHash)],
      )) as { id: string; phone_hash: Buffer }[];
      const ids = new Map(rows.map((r) => [r.phone_hash.toString('base64'), r.id]));
      for (const p of byPhone) p.existingId = ids.get(p.phoneHash!.toString('base64'));
    }
    const byName = people.filter((p) => !p.emailHash && !p.phoneHash);
    if (byName.length > 0) {
      const rows = (await this.m.query(
        `SELECT DISTINCT ON (lower(display_name)) id, lower(display_name) AS name FROM person
          WHERE organization_id = $1 AND email_hash IS NULL AND phone_hash IS NULL AND lower(display_name) = ANY($2::text[])
          ORDER BY lower(display_name), created_at, id`,
        [this.organizationId, byName.map((p) => p.displayName.toLowerCase())],
      )) as { id: string; name: string }[];
      const ids = new Map(rows.map((r) => [r.name, r.id]));
      for (const p of byName) p.existingId = ids.get(p.displayName.toLowerCase());
    }
  }

  async checkBatch(rows: ImportRow[], errors: RowError[], stage: boolean): Promise<BatchOutcome> {
    const people: PersonRow[] = [];
    for (const { row, values } of rows) {
      const p = this.parse(row, values, errors);
      if (p && !this.repeatedInFile(p, errors)) people.push(p);
    }
    await this.findExisting(people);
    const outcome: BatchOutcome = { duplicates: 0, duplicateOf: new Map() };
    const fresh: PersonRow[] = [];
    for (const p of people) {
      if (!p.existingId) {
        fresh.push(p);
        continue;
      }
      // Two rows (one by email, one by phone) that are the same existing person.
      const first = this.matched.get(p.existingId);
      if (first !== undefined) {
        errors.push({ row: p.row, field: p.emailHash ? 'email' : p.phoneHash ? 'phone' : 'displayName', key: 'import.duplicateInFile', params: { row: first } });
        continue;
      }
      this.matched.set(p.existingId, p.row);
      outcome.duplicates += 1;
      outcome.duplicateOf.set(p.row, p.existingId);
      fresh.push(p);
    }
    // Once a row has failed nothing will be written: stop spending time on encryption and COPY.
    if (stage && errors.length === 0) await this.stage(fresh);
    return outcome;
  }

  private async stage(people: PersonRow[]): Promise<void> {
    const lines = people.map((p) =>
      [
        String(p.row),
        copyText(p.existingId ?? null),
        copyText(p.displayName),
        copyText(p.preferredLanguage),
        copyBytes(p.email ? this.crypto.encrypt(p.email, 'person.email') : null),
        copyBytes(p.emailHash),
        copyBytes(p.phone ? this.crypto.encrypt(p.phone, 'person.phone') : null),
        copyBytes(p.phoneHash),
        copyBool(p.okToText),
        copyBool(p.okToCall),
        copyBool(p.okToEmail),
        copyBool(p.signalOnly),
        copyBool(p.noVoicemail),
        copyText(p.role),
        copyText(p.visibility),
        copyText(p.note),
      ].join('\t'),
    );
    await copyLines(this.client, STAGE, STAGE_COLUMNS, lines);
    this.staged += lines.length;
  }

  async write(onDuplicate: OnDuplicate): Promise<ImportCounts> {
    const created = await affected(
      this.m,
      `INSERT INTO person (organization_id, display_name, preferred_language, email_ciphertext, email_hash, phone_ciphertext, phone_hash,
              ok_to_text, ok_to_call, ok_to_email, signal_only, no_voicemail, role, visibility, note)
       SELECT $1, display_name, COALESCE(preferred_language, 'en'), email_ciphertext, email_hash, phone_ciphertext, phone_hash,
              COALESCE(ok_to_text, false), COALESCE(ok_to_call, false), COALESCE(ok_to_email, false), COALESCE(signal_only, false),
              COALESCE(no_voicemail, false), COALESCE(role, 'member'), COALESCE(visibility, 'organization'), note
         FROM ${STAGE} WHERE existing_id IS NULL ORDER BY row_no`,
      [this.organizationId],
    );
    const existing = this.staged - created;
    if (onDuplicate === 'skip') return { created, updated: 0, skipped: existing };
    const updated = await affected(
      this.m,
      `UPDATE person p SET
          display_name = s.display_name,
          preferred_language = COALESCE(s.preferred_language, p.preferred_language),
          email_ciphertext = COALESCE(s.email_ciphertext, p.email_ciphertext),
          email_hash = COALESCE(s.email_hash, p.email_hash),
          phone_ciphertext = COALESCE(s.phone_ciphertext, p.phone_ciphertext),
          phone_hash = COALESCE(s.phone_hash, p.phone_hash),
          ok_to_text = COALESCE(s.ok_to_text, p.ok_to_text),
          ok_to_call = COALESCE(s.ok_to_call, p.ok_to_call),
          ok_to_email = COALESCE(s.ok_to_email, p.ok_to_email),
          signal_only = COALESCE(s.signal_only, p.signal_only),
          no_voicemail = COALESCE(s.no_voicemail, p.no_voicemail),
          role = COALESCE(s.role, p.role),
          visibility = COALESCE(s.visibility, p.visibility),
          note = COALESCE(s.note, p.note),
          version = p.version + 1,
          updated_at = now()
         FROM ${STAGE} s
        WHERE s.existing_id = p.id AND p.organization_id = $1`,
      [this.organizationId],
    );
    return { created, updated, skipped: existing - updated };
  }
}
