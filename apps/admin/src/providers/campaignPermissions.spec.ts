import { canAccess } from './permissions';

const admin = { role: 'alliance_admin', organizationId: null } as const;
const organizer = { role: 'alliance_organizer', organizationId: null } as const;
const coordinator = { role: 'org_coordinator', organizationId: 'org-1' } as const;
const viewer = { role: 'org_viewer', organizationId: 'org-1' } as const;

describe('campaign and pledge permissions (hiding only what the API refuses)', () => {
  it('lets the alliance run campaigns and everyone read them', () => {
    expect(canAccess(organizer, 'create', 'campaigns')).toBe(true);
    expect(canAccess(admin, 'edit', 'campaigns')).toBe(true);
    expect(canAccess(coordinator, 'show', 'campaigns')).toBe(true);
    expect(canAccess(coordinator, 'edit', 'campaigns')).toBe(false);
    expect(canAccess(viewer, 'list', 'campaigns')).toBe(true);
    expect(canAccess(admin, 'delete', 'campaigns')).toBe(false);
  });

  it('lets coordinators pledge and edit only their own organization’s pledges', () => {
    expect(canAccess(coordinator, 'create', 'pledges')).toBe(true);
    expect(canAccess(coordinator, 'edit', 'pledges', { id: 'p1', organizationId: 'org-1' })).toBe(true);
    expect(canAccess(coordinator, 'edit', 'pledges', { id: 'p2', organizationId: 'org-2' })).toBe(false);
    expect(canAccess(organizer, 'edit', 'pledges', { id: 'p2', organizationId: 'org-2' })).toBe(true);
    expect(canAccess(viewer, 'create', 'pledges')).toBe(false);
    expect(canAccess(viewer, 'list', 'pledges')).toBe(true);
  });

  it('keeps reports append-only and offers for the alliance', () => {
    expect(canAccess(admin, 'edit', 'pledge-reports')).toBe(false);
    expect(canAccess(viewer, 'list', 'pledge-reports')).toBe(true);
    expect(canAccess(organizer, 'list', 'pledge-offers')).toBe(true);
    expect(canAccess(admin, 'show', 'pledge-offers')).toBe(true);
    expect(canAccess(admin, 'export', 'pledge-offers')).toBe(false);
    expect(canAccess(coordinator, 'list', 'pledge-offers')).toBe(false);
  });
});
