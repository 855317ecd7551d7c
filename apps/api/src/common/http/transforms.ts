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

// Control characters other than tab and newlines have no place in names or descriptions.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Refuses control characters (NUL and friends), which PostgreSQL text cannot even store. */
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
          (typeof value === 'string' && !CONTROL.test(value)) ||
          (Array.isArray(value) && value.every((v) => typeof v !== 'string' || !CONTROL.test(v))),
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
