/**
 * JSON shapes of the REST API (camelCase). Responses carry `id`, `version` (optimistic locking)
 * and ISO timestamps. Lists follow ra-data-simple-rest: `?filter={}&range=[0,24]&sort=["f","ASC"]`
 * answered with an array and `Content-Range: <resource> 0-24/319`.
 */
import type {
  CampaignStatus,
  DemandStatus,
  DuesTier,
  EndorsementRole,
  EventHostRole,
  EventHostStatus,
  EventKind,
  EventStatus,
  FocusArea,
  Locale,
  MembershipStatus,
  OrganizationKind,
  PersonRole,
  PersonVisibility,
  PledgeMetric,
  PledgeOfferStatus,
  PledgeStatus,
  RsvpStatus,
  UserRole,
  UserStatus,
} from './enums';

export interface RegionDto {
  id: string;
  name: string;
  states: string[];
  organizationCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PublicContactDto {
  id: string;
  displayName: string;
  role: PersonRole;
  preferredLanguage: string;
  email: string | null;
  phone: string | null;
}

export interface OrganizationDto {
  id: string;
  name: string;
  slug: string;
  kind: OrganizationKind;
  focusAreas: FocusArea[];
  languages: string[];
  city: string;
  state: string;
  regionId: string | null;
  website: string | null;
  publicEmail: string | null;
  publicPhone: string | null;
  description: string | null;
  membershipStatus: MembershipStatus;
  appliedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** Dues details are only present for alliance roles and the organization's own users. */
  duesTier?: DuesTier | null;
  duesPaidThrough?: string | null;
  /** Days after an event that RSVP details are kept (alliance roles and the organization's own users). */
  rsvpRetentionDays?: number;
  principlesSignedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationDetailDto extends OrganizationDto {
  publicContacts: PublicContactDto[];
}

export interface MembershipHistoryEntryDto {
  id: string;
  at: string;
  action: string;
  from: MembershipStatus | null;
  to: MembershipStatus;
  actorUserId: string | null;
}

/** What the public "Join the alliance" form sends to POST /api/public/applications. */
export interface ApplicationRequest {
  name: string;
  kind: OrganizationKind;
  city: string;
  state: string;
  focusAreas: FocusArea[];
  languages: string[];
  website?: string;
  description?: string;
  contact: {
    displayName: string;
    email?: string;
    phone?: string;
    preferredLanguage: Locale | string;
  };
  /** Honeypot: a real person leaves it empty. */
  homepage?: string;
}

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organizationId: string | null;
  status: UserStatus;
  preferredLanguage: Locale;
  lastLoginAt: string | null;
  /** Two-factor sign-in is on (the secret itself is never shown). */
  totpEnabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeDto {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organizationId: string | null;
  preferredLanguage: Locale;
  /** Two-factor sign-in (an authenticator app's 6-digit code) is on for this account. */
  totpEnabled: boolean;
  /**
   * An alliance admin who must turn on two-factor sign-in first: until then every route but the
   * account and enrollment routes answers 403 `error.totpEnrollmentRequired`.
   */
  totpEnrollmentRequired: boolean;
  /** Two-factor sign-in is required for this user (alliance admins, by configuration): it cannot be turned off. */
  totpRequired: boolean;
}

/** The answer to POST /api/auth/totp/setup: the only place the secret is ever shown. */
export interface TotpSetupDto {
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: string;
  /** `otpauth://totp/...` URI (SHA-1, 6 digits, 30 s). */
  otpauthUrl: string;
  /** The same URI as a QR code, a `data:image/png;base64,...` URL. */
  qrDataUrl: string;
}

/** One of the caller's active sign-in sessions (GET /api/auth/sessions). */
export interface SessionDto {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The session this request came with. */
  current: boolean;
}

/** How many sessions an admin's POST /api/users/:id/end-sessions ended. */
export interface EndedSessionsDto {
  ended: number;
}

export interface AuditEventDto {
  id: string;
  at: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface PersonVisibilityDto {
  visibility: PersonVisibility;
}

/** 422 body: react-admin shows `errors` inline next to each field. */
export interface ValidationErrorBody {
  statusCode: 422;
  message: string;
  errors: Record<string, string>;
  requestId?: string;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}

export interface PersonDto {
  id: string;
  organizationId: string;
  displayName: string;
  preferredLanguage: string;
  email: string | null;
  phone: string | null;
  role: PersonRole;
  okToText: boolean;
  okToCall: boolean;
  okToEmail: boolean;
  signalOnly: boolean;
  noVoicemail: boolean;
  visibility: PersonVisibility;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** How many people an organization keeps — what the alliance sees instead of the people. */
export interface PeopleCountDto {
  /** The organization's id (one row per organization). */
  id: string;
  organizationName: string;
  regionId: string | null;
  state: string;
  total: number;
  byRole: Partial<Record<PersonRole, number>>;
  byLanguage: Record<string, number>;
}

export interface RegionPeopleCountDto {
  /** The region's id, or "none" for organizations without a region. */
  id: string;
  regionName: string | null;
  organizations: number;
  total: number;
  byRole: Partial<Record<PersonRole, number>>;
  byLanguage: Record<string, number>;
}

export interface CampaignGoalDto {
  id: string;
  campaignId: string;
  metric: PledgeMetric;
  target: number;
  version: number;
}

export interface DemandDto {
  id: string;
  campaignId: string;
  position: number;
  textEn: string;
  textEs: string;
  target: string | null;
  status: DemandStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignDto {
  id: string;
  name: string;
  slug: string;
  summary: string | null;
  status: CampaignStatus;
  startsOn: string | null;
  endsOn: string | null;
  leadOrganizationId: string | null;
  endorsementCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignDetailDto extends CampaignDto {
  goals: CampaignGoalDto[];
  demands: DemandDto[];
}

export interface EndorsementDto {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName: string;
  regionId: string | null;
  state: string;
  role: EndorsementRole;
  endorsedAt: string;
}

export interface PledgeDto {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName: string;
  demandId: string | null;
  metric: PledgeMetric;
  quantity: number;
  reported: number;
  /** reported ÷ quantity, 0–100 (may exceed 100 when over-fulfilled). */
  percent: number;
  dueOn: string | null;
  note: string | null;
  status: PledgeStatus;
  overdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PledgeReportDto {
  id: string;
  pledgeId: string;
  campaignId: string;
  organizationId: string;
  /** The pledge's metric, so a list can show dollars as dollars. */
  metric: PledgeMetric;
  quantity: number;
  reportedOn: string;
  reportedBy: string | null;
  eventId: string | null;
  note: string | null;
  createdAt: string;
}

export interface GoalProgressDto {
  metric: PledgeMetric;
  target: number | null;
  pledged: number;
  reported: number;
  pledges: number;
}

export interface OrganizationProgressDto {
  organizationId: string;
  organizationName: string;
  regionId: string | null;
  metric: PledgeMetric;
  pledged: number;
  reported: number;
  percent: number;
}

export interface RegionProgressDto {
  regionId: string | null;
  regionName: string | null;
  metric: PledgeMetric;
  pledged: number;
  reported: number;
  organizations: number;
}

export interface CampaignProgressDto {
  campaignId: string;
  goals: GoalProgressDto[];
  /** The organization/metric rows that reported most (at most 50), largest first. */
  organizations: OrganizationProgressDto[];
  /** How many organization/metric rows the campaign has in all. */
  organizationsTotal: number;
  regions: RegionProgressDto[];
  overdue: PledgeDto[];
}

export interface PledgeOfferDto {
  id: string;
  campaignId: string;
  organizationName: string;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  metric: PledgeMetric;
  quantity: number;
  note: string | null;
  status: PledgeOfferStatus;
  organizationId: string | null;
  pledgeId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
}

/** What the public "commit to get involved" form sends to POST /api/public/campaigns/:slug/pledges. */
export interface PledgeOfferRequest {
  organizationName: string;
  contactName: string;
  contactEmail?: string;
  contactPhone?: string;
  metric: PledgeMetric;
  quantity: number;
  note?: string;
  /** Honeypot: a real person leaves it empty. */
  homepage?: string;
}

export interface PublicCampaignDto {
  name: string;
  slug: string;
  summary: string | null;
  startsOn: string | null;
  endsOn: string | null;
  demands: { position: number; textEn: string; textEs: string }[];
  goals: GoalProgressDto[];
}

export interface EventHostDto {
  id: string;
  eventId: string;
  organizationId: string;
  organizationName: string;
  role: EventHostRole;
  status: EventHostStatus;
  turnoutGoal: number | null;
  reportedAttendance: number | null;
  /** Counts of this host's RSVPs and door counts: numbers only, never names. */
  going: number;
  maybe: number;
  declined: number;
  waitlisted: number;
  checkedIn: number;
  walkIns: number;
  version: number;
}

export interface EventDto {
  id: string;
  title: string;
  description: string | null;
  kind: EventKind;
  campaignId: string | null;
  demandId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  /** Places taken (going or attended), across every host. */
  goingCount: number;
  languages: string[];
  interpretation: string[];
  accessibilityNotes: string | null;
  status: EventStatus;
  cancelReason: string | null;
  leadOrganizationId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EventDetailDto extends EventDto {
  hosts: EventHostDto[];
  /**
   * Only in the answer to completing an event with `recordAttendance`: each host with reported
   * attendance, and the turnout pledge it was recorded on (null: the host had none there).
   */
  attendanceRecorded?: { organizationId: string; pledgeId: string | null; quantity: number }[];
}

export interface EventTotalsDto {
  eventId: string;
  capacity: number | null;
  goingCount: number;
  hosts: EventHostDto[];
  totals: { going: number; maybe: number; declined: number; waitlisted: number; checkedIn: number; walkIns: number; reportedAttendance: number; turnoutGoal: number };
}

/** One of the caller's own organization's RSVPs (other hosts' RSVPs are never visible). */
export interface RsvpDto {
  id: string;
  eventId: string;
  hostOrganizationId: string;
  personId: string | null;
  /** The person's display name, or the first name given, or null once retention removed it. */
  name: string | null;
  status: RsvpStatus;
  checkedInAt: string | null;
  anonymizedAt: string | null;
  version: number;
  createdAt: string;
}

export interface CalendarFeedsDto {
  coalition: string;
  organization: string | null;
}

export interface DashboardCampaignDto {
  id: string;
  name: string;
  goals: GoalProgressDto[];
}

export interface DashboardEventDto {
  id: string;
  title: string;
  kind: EventKind;
  startsAt: string;
  timeZone: string;
  city: string | null;
  state: string | null;
  capacity: number | null;
  goingCount: number;
  turnoutGoal: number;
}

export interface AllianceDashboardDto {
  membership: { byStatus: Partial<Record<MembershipStatus, number>>; byState: { state: string; active: number; applicant: number }[] };
  pendingApplications: { total: number; latest: { id: string; name: string; state: string; appliedAt: string | null }[] };
  campaigns: DashboardCampaignDto[];
  pledges: { overdue: number; dueThisWeek: number; overdueList: PledgeDto[]; dueThisWeekList: PledgeDto[] };
  upcomingEvents: DashboardEventDto[];
  duesLapsing: { id: string; name: string; duesPaidThrough: string | null; duesTier: DuesTier | null }[];
  recentActivity: { id: string; at: string; action: string; entityType: string; entityId: string | null; entityName: string | null; actorUserId: string | null; actorName: string | null }[];
}

export interface OrganizationDashboardDto {
  organizationId: string;
  organizationName: string;
  openPledges: PledgeDto[];
  upcomingEvents: (DashboardEventDto & { ourGoing: number; ourTurnoutGoal: number | null; hostStatus: EventHostStatus })[];
  endorsedCampaigns: DashboardCampaignDto[];
  people: { total: number; byRole: Partial<Record<PersonRole, number>>; byLanguage: Record<string, number> };
  contributions: { campaignId: string; campaignName: string; metric: PledgeMetric; ourReported: number; coalitionReported: number; target: number | null }[];
}

export interface ChartSeriesDto {
  /** What the chart shows, e.g. "calls reported, cumulative". */
  key: string;
  points: { x: string; y: number }[];
}
