import type { MeDto, UserRole } from '@unidos/contracts';

type Rules = Record<string, Partial<Record<UserRole, readonly string[]>>>;

const READ = ['list', 'show', 'export'] as const;
const WRITE = [...READ, 'create', 'edit'] as const;

/**
 * Campaigns and pledges, merged into `permissions.ts`' RULES. Campaigns, pledges and their reports
 * are coalition-visible; the alliance runs campaigns; coordinators pledge for their own
 * organization; offers from the public form are reviewed by the alliance. Nothing here is ever
 * deleted through react-admin (no `delete`): goals, demands and endorsements have their own buttons.
 */
export const CAMPAIGN_RULES: Rules = {
  campaigns: {
    alliance_admin: WRITE,
    alliance_organizer: WRITE,
    org_coordinator: READ,
    org_viewer: READ,
  },
  pledges: {
    alliance_admin: WRITE,
    alliance_organizer: WRITE,
    org_coordinator: WRITE,
    org_viewer: READ,
  },
  // Append-only: reports are added from the pledge's page, never edited.
  'pledge-reports': {
    alliance_admin: READ,
    alliance_organizer: READ,
    org_coordinator: READ,
    org_viewer: READ,
  },
  // Contact details of people who used the public form: the alliance only, no export.
  'pledge-offers': {
    alliance_admin: ['list', 'show'],
    alliance_organizer: ['list', 'show'],
  },
};

/** A coordinator edits only their own organization's pledges (when react-admin names the record). */
export function ownsCampaignRecord(
  user: Pick<MeDto, 'role' | 'organizationId'>,
  action: string,
  resource: string,
  record?: { organizationId?: unknown },
): boolean {
  if (resource !== 'pledges' || action !== 'edit' || user.role !== 'org_coordinator') return true;
  if (record?.organizationId === undefined) return true;
  return record.organizationId === user.organizationId;
}
