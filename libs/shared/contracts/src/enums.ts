/**
 * Enumerations shared by the API and the admin. Plain values only: this library has no runtime
 * dependencies and no decorators, so the browser bundle stays small.
 */

export const ORGANIZATION_KINDS = [
  'worker_center',
  'community',
  'union_local',
  'faith',
  'student',
  'legal_services',
  'rapid_response',
  'advocacy',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const FOCUS_AREAS = [
  'asylum',
  'trafficking',
  'wage_theft',
  'tps',
  'border_solidarity',
  'anti_militarism',
  'housing',
  'health',
  'labor',
  'legal_defense',
  'rapid_response',
  'education',
  'detention',
  'language_access',
  'youth',
  'women',
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

/** Membership lifecycle: applicant -> active | rejected; active -> lapsed | suspended | withdrawn. */
export const MEMBERSHIP_STATUSES = [
  'applicant',
  'active',
  'rejected',
  'lapsed',
  'suspended',
  'withdrawn',
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** Which membership status changes an alliance admin may make by editing an organization. */
export const MEMBERSHIP_TRANSITIONS: Readonly<Record<MembershipStatus, readonly MembershipStatus[]>> = {
  applicant: ['active', 'rejected'],
  active: ['lapsed', 'suspended', 'withdrawn'],
  rejected: [],
  lapsed: ['active', 'withdrawn'],
  suspended: ['active', 'withdrawn'],
  withdrawn: ['active'],
};

export const DUES_TIERS = ['waived', 'small', 'medium', 'large'] as const;
export type DuesTier = (typeof DUES_TIERS)[number];

export const USER_ROLES = [
  'alliance_admin',
  'alliance_organizer',
  'org_coordinator',
  'org_viewer',
] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const ALLIANCE_ROLES: readonly UserRole[] = ['alliance_admin', 'alliance_organizer'];
export const ORG_ROLES: readonly UserRole[] = ['org_coordinator', 'org_viewer'];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const PERSON_ROLES = ['primary_contact', 'spokesperson', 'delegate', 'staff', 'member'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_VISIBILITIES = ['organization', 'coalition'] as const;
export type PersonVisibility = (typeof PERSON_VISIBILITIES)[number];

/** Two-letter codes of the US states, DC and the territories an alliance works in. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM',
  'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY', 'PR', 'GU', 'VI', 'AS', 'MP',
] as const;
export type UsState = (typeof US_STATES)[number];

/** ISO 639-1 codes offered for organizations' and people's languages. */
export const LANGUAGE_CODES = [
  'en', 'es', 'pt', 'fr', 'ht', 'zh', 'vi', 'ko', 'tl', 'ar', 'ru', 'uk', 'so', 'am', 'ti',
  'qu', 'yua', 'mam', 'kjb', 'quc', 'nah', 'mix', 'zap', 'hi', 'bn', 'ur', 'pa', 'ne', 'my', 'km',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'won', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const DEMAND_STATUSES = ['open', 'partially_won', 'won', 'dropped'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const ENDORSEMENT_ROLES = ['lead', 'partner', 'endorser'] as const;
export type EndorsementRole = (typeof ENDORSEMENT_ROLES)[number];

export const PLEDGE_METRICS = ['calls', 'doors', 'turnout', 'volunteer_hours', 'signatures', 'dollars', 'meetings', 'other'] as const;
export type PledgeMetric = (typeof PLEDGE_METRICS)[number];

/** `overdue` is derived: open, past its due date, not yet fulfilled. */
export const PLEDGE_STATUSES = ['open', 'fulfilled', 'cancelled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const PLEDGE_OFFER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type PledgeOfferStatus = (typeof PLEDGE_OFFER_STATUSES)[number];

export const EVENT_KINDS = [
  'rally',
  'march',
  'forum',
  'kyr_training',
  'political_education',
  'press_conference',
  'assembly',
  'vigil',
  'meeting',
  'phonebank',
  'canvass',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'completed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_HOST_ROLES = ['lead', 'co_host'] as const;
export type EventHostRole = (typeof EVENT_HOST_ROLES)[number];

/** A co-host is invited by the lead and accepts or declines. */
export const EVENT_HOST_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type EventHostStatus = (typeof EVENT_HOST_STATUSES)[number];

/** `waitlisted`: past capacity, moves up when a place frees; `attended` once checked in. */
export const RSVP_STATUSES = ['going', 'maybe', 'declined', 'waitlisted', 'attended', 'no_show'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
