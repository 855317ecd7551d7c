import type { JoinValues } from './JoinForm';

/**
 * What the join page must survive a language switch with. react-admin remounts the whole app when
 * the locale changes, which would empty a half-filled form; this keeps it in memory only (never in
 * localStorage/sessionStorage: it holds a person's contact details) until it is sent or the tab closes.
 */
export const joinDraft: {
  values: Partial<JoinValues> | null;
  sentName: string | null;
  langAppliedFor: string | null;
} = {
  values: null,
  sentName: null,
  langAppliedFor: null,
};
