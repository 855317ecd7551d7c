import type { MeDto, UserRole } from '@unidos/contracts';

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
  record?: { id?: unknown },
): boolean {
  if (user.role === 'alliance_admin') return true;
  const allowed = RULES[resource]?.[user.role] ?? [];
  if (!allowed.includes(action)) return false;
  if (resource === 'organizations' && action === 'edit' && record?.id !== undefined) {
    return record.id === user.organizationId;
  }
  return true;
}

export const isAllianceAdmin = (role: unknown) => role === 'alliance_admin';
