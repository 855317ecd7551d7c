/**
 * JSON shapes of the REST API (camelCase). Responses carry `id`, `version` (optimistic locking)
 * and ISO timestamps. Lists follow ra-data-simple-rest: `?filter={}&range=[0,24]&sort=["f","ASC"]`
 * answered with an array and `Content-Range: <resource> 0-24/319`.
 */
import type {
  DuesTier,
  FocusArea,
  Locale,
  MembershipStatus,
  OrganizationKind,
  PersonRole,
  PersonVisibility,
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
