import type { CommitValues } from './offer-request';

/**
 * What the commitment page must survive a language switch with (react-admin remounts the app on a
 * locale change). Memory only, never storage: it holds a person's contact details.
 */
export const commitDraft: {
  slug: string | null;
  values: Partial<CommitValues> | null;
  sentName: string | null;
  langAppliedFor: string | null;
} = {
  slug: null,
  values: null,
  sentName: null,
  langAppliedFor: null,
};
