import type { MeDto, UserRole } from '@unidos/contracts';

type Rules = Record<string, Partial<Record<UserRole, readonly string[]>>>;

const READ = ['list', 'show', 'export'] as const;
const PLAN = [...READ, 'create', 'edit'] as const;

/**
 * Joint events, merged into `permissions.ts`' RULES. Events and their hosts' numbers are
 * coalition-visible; the alliance and organizations' coordinators plan them (a coordinator's event
 * is led by their own organization, and only its lead's coordinators or the alliance change it).
 * No delete: an event is cancelled with a reason, never deleted. RSVPs are not a resource of the
 * menu: each host sees (and may export) its own on the event's page; the alliance never sees who
 * is coming.
 */
export const EVENT_RULES: Rules = {
  rsvps: {
    alliance_admin: [],
    alliance_organizer: [],
    org_coordinator: ['export'],
    org_viewer: ['export'],
  },
  events: {
    alliance_admin: PLAN,
    alliance_organizer: PLAN,
    org_coordinator: PLAN,
    org_viewer: READ,
  },
};

/** A coordinator edits only the events their own organization leads (when react-admin names the record). */
export function ownsEventRecord(
  user: Pick<MeDto, 'role' | 'organizationId'>,
  action: string,
  resource: string,
  record?: { leadOrganizationId?: unknown },
): boolean {
  if (resource !== 'events' || action !== 'edit' || user.role !== 'org_coordinator') return true;
  if (record?.leadOrganizationId === undefined) return true;
  return record.leadOrganizationId === user.organizationId;
}
