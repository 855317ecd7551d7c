import {
  DUES_TIERS,
  FOCUS_AREAS,
  LANGUAGE_CODES,
  LOCALES,
  MEMBERSHIP_STATUSES,
  MEMBERSHIP_TRANSITIONS,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  PERSON_ROLES,
  PERSON_VISIBILITIES,
  US_STATES,
  USER_ROLES,
  USER_STATUSES,
} from '@unidos/contracts';

/** A react-admin choice whose `name` is a translation key (inputs and fields translate it). */
export interface Choice {
  id: string;
  name: string;
}

/** Translation-key prefixes of the enum labels in `i18n/en.ts` (`enums.<group>.<value>`). */
export type EnumGroup =
  | 'kind'
  | 'focusArea'
  | 'membershipStatus'
  | 'duesTier'
  | 'role'
  | 'userStatus'
  | 'personRole'
  | 'personVisibility'
  | 'locale'
  | 'language'
  | 'state';

export const enumKey = (group: EnumGroup, value: string) => `enums.${group}.${value}`;

const choices = (group: EnumGroup, values: readonly string[]): Choice[] =>
  values.map((id) => ({ id, name: enumKey(group, id) }));

export const KIND_CHOICES = choices('kind', ORGANIZATION_KINDS);
export const FOCUS_AREA_CHOICES = choices('focusArea', FOCUS_AREAS);
export const MEMBERSHIP_STATUS_CHOICES = choices('membershipStatus', MEMBERSHIP_STATUSES);
export const DUES_TIER_CHOICES = choices('duesTier', DUES_TIERS);
export const ROLE_CHOICES = choices('role', USER_ROLES);
export const USER_STATUS_CHOICES = choices('userStatus', USER_STATUSES);
export const PERSON_ROLE_CHOICES = choices('personRole', PERSON_ROLES);
export const PERSON_VISIBILITY_CHOICES = choices('personVisibility', PERSON_VISIBILITIES);
export const UI_LOCALE_CHOICES = choices('locale', LOCALES);
export const LANGUAGE_CHOICES = choices('language', LANGUAGE_CODES);
export const STATE_CHOICES = choices('state', US_STATES);

/** Audit actions the API writes (`<entity>.<verb>`), labelled under `unidos.audit.actions`. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.login_refused',
  'auth.account_locked',
  'auth.logout_everywhere',
  'auth.session_end',
  'auth.totp_setup',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.totp_failed',
  'organization.apply',
  'organization.approve',
  'organization.reject',
  'organization.create',
  'organization.update',
  'region.create',
  'region.update',
  'region.delete',
  'user.create',
  'user.update',
  'user.update_self',
  'user.disable',
  'user.password_change',
  'user.end_sessions',
  'user.export',
  'rsvp.export',
  'audit_event.export',
  'person.create',
  'person.update',
  'person.view',
  'person.erase',
  'person.export',
  'system.seed_demo',
] as const;
export const AUDIT_ACTION_CHOICES: Choice[] = AUDIT_ACTIONS.map((id) => ({
  id,
  name: `unidos.audit.actions.${id}`,
}));

export const AUDIT_ENTITY_TYPES = ['organization', 'region', 'user', 'person', 'session', 'system'] as const;
export const AUDIT_ENTITY_CHOICES: Choice[] = AUDIT_ENTITY_TYPES.map((id) => ({
  id,
  name: `unidos.audit.entities.${id}`,
}));

/** The statuses an admin may pick for an organization now: its current one and the allowed moves. */
export const membershipStatusChoicesFrom = (current: MembershipStatus | undefined): Choice[] =>
  current
    ? choices('membershipStatus', [current, ...MEMBERSHIP_TRANSITIONS[current]])
    : MEMBERSHIP_STATUS_CHOICES;
