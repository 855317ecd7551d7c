/**
 * Validators react-admin inputs take (`validate={...}`); they return a translation key, or a key
 * with its arguments, when the value is wrong. Limits mirror the API's DTOs.
 */

/** http(s) addresses only. */
export const webAddress = (value: unknown) =>
  typeof value === 'string' && value !== '' && !/^https?:\/\/\S+$/i.test(value)
    ? 'unidos.validation.website'
    : undefined;

/** A multi-choice input needs at least one choice. */
export const atLeastOne = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'unidos.validation.at_least_one';

/** A multi-choice input takes at most `max` choices. */
export const atMost = (max: number) => (value: unknown) =>
  Array.isArray(value) && value.length > max
    ? { message: 'unidos.validation.at_most', args: { max } }
    : undefined;

/** A phone number as the API accepts it: 7 to 25 of `+ digits spaces ( ) - .`, at least 7 digits. */
export const phoneNumber = (value: unknown) =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  !(/^\+?[0-9 ()\-.]{7,25}$/.test(value.trim()) && /\d{7,}/.test(value.replace(/\D/g, '')))
    ? 'unidos.validation.phone'
    : undefined;

/** The 6 digits of an authenticator app's code (spaces allowed, as some apps show "123 456"). */
export const totpCode = (value: unknown) =>
  typeof value === 'string' && value !== '' && !/^\d{6}$/.test(value.replace(/\s/g, ''))
    ? 'unidos.validation.totp_code'
    : undefined;

/** What the API gets from a code field: the digits only. */
export const cleanCode = (value: unknown) => (typeof value === 'string' ? value.replace(/\s/g, '') : '');
