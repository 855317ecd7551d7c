import type { MeDto, UserRole } from '@unidos/contracts';
import { CAMPAIGN_RULES, ownsCampaignRecord } from './campaignPermissions';
import { EVENT_RULES, ownsEventRecord } from './eventPermissions';
import { IMPORT_RULES } from './importPermissions';

/** react-admin's actions: list, show, create, edit, delete, export… */
type Action = string;

const READ: readonly Action[] = ['list', 'show', 'export'];

/** What each role may open, per resource. The API enforces all of it again; this only hides. */
const RULES: Record<string, Partial<Record<UserRole, readonly Action[]>>> = {
  organizations: {
    alliance_organizer: READ,
    org_coordinator: [...READ, 'edit'],
    org_viewer: READ,
  },
  regions: {
    alliance_organizer: READ,
  },
  // People are organization-private. The organization's coordinators keep them, its viewers read
  // them; alliance roles only get the organizations' public contacts (the API filters them) and
  // may not write any (the API answers 403). No export for alliance roles: count people, don't copy them.
  people: {
    alliance_admin: ['list', 'show'],
    alliance_organizer: ['list', 'show'],
    org_coordinator: [...READ, 'create', 'edit', 'delete'],
    org_viewer: READ,
  },
  // Numbers per organization and per region, never names (the API answers org roles with their own
  // organization only: they see it on the dashboard instead).
  'people-counts': {
    alliance_admin: ['list', 'export'],
    alliance_organizer: ['list', 'export'],
  },
  ...CAMPAIGN_RULES,
  ...EVENT_RULES,
  ...IMPORT_RULES,
  // applications, users and audit-events: alliance admins only.
};

/**
 * react-admin's `canAccess` for our roles: alliance admins may do everything; others follow RULES.
 * An org coordinator may edit only their own organization (when react-admin tells us which record).
 */
export function canAccess(
  user: Pick<MeDto, 'role' | 'organizationId'>,
  action: Action,
  resource: string,
  record?: { id?: unknown; organizationId?: unknown; leadOrganizationId?: unknown },
): boolean {
  const rules = RULES[resource];
  // Alliance admins may do everything, except where a resource lists what they may do.
  if (user.role === 'alliance_admin' && !rules?.alliance_admin) return true;
  const allowed = rules?.[user.role] ?? [];
  if (!allowed.includes(action)) return false;
  if (resource === 'organizations' && action === 'edit' && record?.id !== undefined) {
    return record.id === user.organizationId;
  }
  return (
    ownsCampaignRecord(user, action, resource, record) && ownsEventRecord(user, action, resource, record)
  );
}

export const isAllianceAdmin = (role: unknown) => role === 'alliance_admin';

export const isAllianceRole = (role: unknown) => role === 'alliance_admin' || role === 'alliance_organizer';
export const isOrgCoordinator = (role: unknown) => role === 'org_coordinator';
