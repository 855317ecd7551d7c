/** Pure helpers of the data provider (no react-admin import, so plain unit tests can load them). */

type Values = Record<string, unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Deep equality for JSON-like values (form values and API records). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue((a as Values)[key], (b as Values)[key]));
  }
  return false;
}

/**
 * The body of an update: only the fields the form changed, plus the `version` the form was based on.
 * The API rejects read-only and unknown fields (id, slug, timestamps…) with 422, so unchanged
 * fields are never sent. A field emptied by the user is sent as `null` (clear it).
 */
export function changedFields(data: Values, previousData: Values | undefined): Values {
  const previous = previousData ?? {};
  const changes: Values = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'version') continue;
    if (!sameValue(value, previous[key])) changes[key] = value === '' || value === undefined ? null : value;
  }
  return changes;
}

/** The body of a create: empty optional fields are left out instead of sent as "" or null. */
export function withoutEmpty(data: Values): Values {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isBlank(value)));
}

interface ApiErrorBody {
  code?: string;
  message?: string;
  errors?: Record<string, string>;
}

/** The JSON body react-admin's `HttpError` carries (`fetchUtils` puts the API's answer there). */
export const errorBody = (error: unknown): ApiErrorBody | undefined =>
  error && typeof error === 'object' && 'body' in error && error.body && typeof error.body === 'object'
    ? error.body
    : undefined;

export const errorStatus = (error: unknown): number | undefined =>
  error && typeof error === 'object' && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;

/**
 * A 409 caused by a stale `version` (someone saved in between), as opposed to a duplicate name or
 * email, which the API reports on its field (`errors.name`…) so the form shows it inline.
 */
export function isStaleVersion(error: unknown): boolean {
  if (errorStatus(error) !== 409) return false;
  const body = errorBody(error);
  if (body?.code === 'error.staleVersion') return true;
  const fields = Object.keys(body?.errors ?? {});
  return fields.length === 0 || (fields.length === 1 && fields[0] === 'version');
}
