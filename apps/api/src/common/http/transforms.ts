import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Trims strings; an empty string becomes undefined for optional fields ("not given"). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const t = value.trim();
    return t === '' ? null : t;
  });

/**
 * Text that cannot be stored as written: NUL (PostgreSQL text refuses it) and a lone UTF-16
 * surrogate (not Unicode at all; it would turn into U+FFFD, or make a validator throw).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

// Control characters other than tab and newlines have no place in names or descriptions, nor do
// the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
// name display as something else. Marks and joiners (RLM, LRM, ZWJ, ZWNJ) stay allowed: Arabic,
// Persian, Urdu and the Indic scripts need them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Refuses control characters (NUL and friends), bidi overrides and broken (lone-surrogate) text. */
export function NoControlChars(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'noControlChars',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          value === undefined ||
          value === null ||
          (typeof value === 'string' && !CONTROL.test(value) && isStorableText(value)) ||
          (Array.isArray(value) && value.every((v) => typeof v !== 'string' || (!CONTROL.test(v) && isStorableText(v)))),
      },
    });
}

const PHONE = /^\+?[0-9 ()\-.]{7,25}$/;

export function IsPhone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPhone',
      target: object.constructor,
      propertyName,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && PHONE.test(value) && /\d{7,}/.test(value.replace(/\D/g, '')) },
    });
}
