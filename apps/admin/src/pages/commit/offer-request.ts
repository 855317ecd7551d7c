import type { PledgeMetric, PledgeOfferRequest } from '@unidos/contracts';

/** The commitment form's values (react-admin turns emptied text inputs into `null`). */
export interface CommitValues {
  organizationName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  metric: PledgeMetric | '' | null;
  quantity: number | string | null;
  note: string | null;
  homepage: string | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** Adds `key` only when the text is not empty: optional fields are left out, never sent as "". */
const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> => {
  const trimmed = text(value);
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
};

/** The body of `POST /api/public/campaigns/:slug/pledges`. */
export function toPledgeOfferRequest(values: Partial<CommitValues>): PledgeOfferRequest {
  return {
    organizationName: text(values.organizationName),
    contactName: text(values.contactName),
    ...optional('contactEmail', values.contactEmail),
    ...optional('contactPhone', values.contactPhone),
    // Left empty only if the form's own validation was bypassed; the API then answers 422.
    metric: (values.metric ?? '') as PledgeMetric,
    quantity: Number(values.quantity),
    ...optional('note', values.note),
    // The honeypot travels only when a bot filled it; the API then accepts and stores nothing.
    ...optional('homepage', values.homepage),
  };
}

/** Validator: an email or a phone (at least one). */
export const emailOrPhone = (_value: unknown, values: Partial<CommitValues>) =>
  text(values.contactEmail) || text(values.contactPhone) ? undefined : 'unidos.commit.email_or_phone';
