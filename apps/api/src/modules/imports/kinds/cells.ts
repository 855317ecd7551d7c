import { isEmail, isURL } from 'class-validator';
import type { MessageKey } from '@api/common/i18n/messages';
import { isStorableText } from '@api/common/http/transforms';

/**
 * Plain functions that check one CSV cell by the same rules as the create DTOs' decorators
 * (class-validator's own `isEmail`/`isURL`, the same lengths, lists and phone pattern), at a
 * fraction of the cost of building and validating a DTO per row. `cells.spec.ts` runs both on the
 * same values to keep them in agreement.
 */

/** A problem with one cell: the field and a message code; `value` only for non-personal fields. */
export interface CellProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (key: MessageKey, params?: Record<string, string | number>): Checked<never> => ({
  ok: false,
  problem: { key, params },
});

// The same characters NoControlChars refuses (apps/api/src/common/http/transforms.ts).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
// The same pattern IsPhone accepts.
const PHONE = /^\+?[0-9 ()\-.]{7,25}$/;

/** Required or optional text: trimmed, at most `max` characters, no control characters. */
export function text(raw: string | undefined, max: number, required = false): Checked<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return required ? bad('field.isNotEmpty') : ok(null);
  if (value.length > max) return bad('field.maxLength', { n: max });
  if (CONTROL.test(value) || !isStorableText(value)) return bad('field.noControlChars');
  return ok(value);
}

export function email(raw: string | undefined): Checked<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return ok(null);
  if (!isStorableText(value) || !isEmail(value)) return bad('field.isEmail');
  if (value.length > 254) return bad('field.maxLength', { n: 254 });
  return ok(value);
}

export function phone(raw: string | undefined): Checked<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return ok(null);
  if (!PHONE.test(value) || !/\d{7,}/.test(value.replace(/\D/g, ''))) return bad('field.isPhone');
  if (value.length > 30) return bad('field.maxLength', { n: 30 });
  return ok(value);
}

export function url(raw: string | undefined): Checked<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return ok(null);
  if (!isStorableText(value) || !isURL(value, { protocols: ['http', 'https'], require_protocol: true }))
    return bad('field.isUrl');
  if (value.length > 300) return bad('field.maxLength', { n: 300 });
  if (CONTROL.test(value)) return bad('field.noControlChars');
  return ok(value);
}

/** A word from a list, written in any case, with spaces or dashes for underscores ("Primary contact"). */
export function oneOf<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  synonyms: Record<string, T> = {},
  required = false,
): Checked<T | null> {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return required ? bad('field.isNotEmpty') : ok(null);
  const word = value.replace(/[\s-]+/g, '_');
  if ((allowed as readonly string[]).includes(word)) return ok(word as T);
  const plain = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const synonym = synonyms[value] ?? synonyms[plain];
  if (synonym) return ok(synonym);
  return bad('field.isIn');
}

/** A list separated by ; or | (a comma would split "Chicago, IL"-like values of other columns). */
export function list<T extends string>(raw: string | undefined, allowed: readonly T[], max: number): Checked<T[] | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return ok(null);
  const items = [...new Set(value.split(/[;|]/).map((s) => s.trim().toLowerCase().replace(/[\s-]+/g, '_')).filter(Boolean))];
  if (items.length > max) return bad('field.arrayMaxSize', { n: max });
  if (!items.every((i) => (allowed as readonly string[]).includes(i))) return bad('field.isIn');
  return ok(items as T[]);
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'si', 'sí', 's', 'x']);
const NO = new Set(['no', 'n', 'false', 'f', '0']);

/** yes/no, true/false, 1/0, sí/si/no; empty is "not given". */
export function bool(raw: string | undefined): Checked<boolean | null> {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return ok(null);
  if (YES.has(value)) return ok(true);
  if (NO.has(value)) return ok(false);
  return bad('field.isBoolean');
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD. */
export function day(raw: string | undefined, required = false): Checked<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return required ? bad('field.isNotEmpty') : ok(null);
  const m = ISO_DAY.exec(value);
  if (!m) return bad('field.isIso8601');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return bad('field.isIso8601');
  return ok(value);
}

/** A positive amount with at most two decimals, up to `max`. */
export function quantity(raw: string | undefined, max: number): Checked<number | null> {
  const value = raw?.trim().replace(/,/g, '') ?? '';
  if (value === '') return bad('field.isNotEmpty');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return bad('field.isNumber');
  const n = Number(value);
  if (n < 0.01) return bad('field.min', { n: 0.01 });
  if (n > max) return bad('field.max', { n: max });
  return ok(n);
}

export function positiveInt(raw: string | undefined): Checked<number | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return ok(null);
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) return bad('field.isInt');
  return ok(Number(value));
}
