import type { ApplicationRequest, FocusArea, OrganizationKind } from '@unidos/contracts';

/** The join form's values (react-admin turns emptied text inputs into `null`). */
export interface JoinValues {
  name: string | null;
  kind: OrganizationKind | '' | null;
  city: string | null;
  state: string | null;
  focusAreas: FocusArea[] | null;
  languages: string[] | null;
  website: string | null;
  description: string | null;
  contact: {
    displayName: string | null;
    email: string | null;
    phone: string | null;
    preferredLanguage: string | null;
  } | null;
  homepage: string | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** Adds `key` only when the text is not empty: optional fields are left out, never sent as "". */
const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> => {
  const trimmed = text(value);
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
};

/** The body of `POST /api/public/applications`, contact nested under `contact`. */
export function toApplicationRequest(values: Partial<JoinValues>): ApplicationRequest {
  const contact = values.contact ?? null;
  return {
    name: text(values.name),
    // Left empty only if the form's own validation was bypassed; the API then answers 422.
    kind: (values.kind ?? '') as OrganizationKind,
    city: text(values.city),
    state: text(values.state),
    focusAreas: values.focusAreas ?? [],
    languages: values.languages ?? [],
    ...optional('website', values.website),
    ...optional('description', values.description),
    contact: {
      displayName: text(contact?.displayName),
      ...optional('email', contact?.email),
      ...optional('phone', contact?.phone),
      preferredLanguage: text(contact?.preferredLanguage),
    },
    // The honeypot travels only when a bot filled it; the API then answers 201 and stores nothing.
    ...optional('homepage', values.homepage),
  };
}

/** Validator: the contact needs an email or a phone (at least one). */
export const emailOrPhone = (_value: unknown, values: Partial<JoinValues>) =>
  text(values.contact?.email) || text(values.contact?.phone) ? undefined : 'unidos.join.email_or_phone';
