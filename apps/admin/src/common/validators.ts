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
