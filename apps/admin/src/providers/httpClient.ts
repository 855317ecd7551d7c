import { fetchUtils, HttpError } from 'react-admin';
import { currentLocale } from './i18nProvider';

export const API_URL = '/api';

/**
 * `fetchJson` with the session cookie (same origin only) and the UI locale as `Accept-Language`.
 * No token is ever read from or written to storage: the session is an HttpOnly cookie.
 * Errors are react-admin `HttpError`s whose `body` is the API's JSON (`{message, errors}` on 422).
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? undefined);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', currentLocale());
  return fetchUtils
    .fetchJson(url, { ...options, headers, credentials: 'same-origin' })
    .catch((error: unknown) => {
      // fetch() rejects with a TypeError when the server cannot be reached; aborts stay as they are.
      if (error instanceof TypeError) throw new HttpError('unidos.errors.network', 0);
      throw error;
    });
};

/** POSTs JSON and returns the parsed answer. */
export const postJson = async <T>(path: string, body: unknown): Promise<T> => {
  const response = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return response.json as T;
};
