import { useCallback } from 'react';
import { useNotify } from 'react-admin';
import { errorBody, errorStatus } from '../../providers/payload';

/** The API's message (already in the UI language), or react-admin's generic one. */
export const apiMessage = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'ra.notification.http_error';

/**
 * Turns an API error into what a form shows: field errors (422, or a 409 on a field) for the
 * fields the form has, returned so react-admin puts them inline; everything else as a notification
 * (a stale version, a field the form does not show, a server error).
 */
export const useSubmissionErrors = () => {
  const notify = useNotify();
  return useCallback(
    (error: unknown, fields: readonly string[]): Record<string, string> | undefined => {
      const status = errorStatus(error);
      const errors = errorBody(error)?.errors ?? {};
      const entries = Object.entries(errors);
      const known = Object.fromEntries(entries.filter(([field]) => fields.includes(field)));
      const others = entries.filter(([field]) => !fields.includes(field)).map(([, message]) => message);
      if (others.length > 0 || Object.keys(known).length === 0) {
        const message =
          others.length > 0 && (status === 422 || status === 409) ? others.join(' ') : apiMessage(error);
        notify(message, { type: 'error', messageArgs: { _: message } });
      }
      return Object.keys(known).length > 0 ? known : undefined;
    },
    [notify],
  );
};

/** Notifies an API error (its own message, translated by the API). */
export const useNotifyError = () => {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      const errors = Object.values(errorBody(error)?.errors ?? {});
      const message = errors.length > 0 ? errors.join(' ') : apiMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    [notify],
  );
};
