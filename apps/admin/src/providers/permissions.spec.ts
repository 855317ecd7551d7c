import { canAccess } from './permissions';

const admin = { role: 'alliance_admin', organizationId: null } as const;
const organizer = { role: 'alliance_organizer', organizationId: null } as const;
const coordinator = { role: 'org_coordinator', organizationId: 'org-1' } as const;
const viewer = { role: 'org_viewer', organizationId: 'org-1' } as const;

describe('canAccess', () => {
  it('lets alliance admins do everything', () => {
    for (const resource of ['organizations', 'applications', 'regions', 'users', 'audit-events']) {
      expect(canAccess(admin, 'list', resource)).toBe(true);
      expect(canAccess(admin, 'delete', resource)).toBe(true);
    }
  });

  it('lets organizers read the directory and regions only', () => {
    expect(canAccess(organizer, 'list', 'organizations')).toBe(true);
    expect(canAccess(organizer, 'edit', 'organizations', { id: 'org-1' })).toBe(false);
    expect(canAccess(organizer, 'list', 'regions')).toBe(true);
    expect(canAccess(organizer, 'edit', 'regions')).toBe(false);
    for (const resource of ['applications', 'users', 'audit-events']) {
      expect(canAccess(organizer, 'list', resource)).toBe(false);
    }
  });

  it('lets a coordinator edit only their own organization', () => {
    expect(canAccess(coordinator, 'edit', 'organizations', { id: 'org-1' })).toBe(true);
    expect(canAccess(coordinator, 'edit', 'organizations', { id: 'org-2' })).toBe(false);
    expect(canAccess(coordinator, 'create', 'organizations')).toBe(false);
    expect(canAccess(coordinator, 'list', 'regions')).toBe(false);
  });

  it('lets a viewer only read the directory', () => {
    expect(canAccess(viewer, 'show', 'organizations')).toBe(true);
    expect(canAccess(viewer, 'edit', 'organizations', { id: 'org-1' })).toBe(false);
    expect(canAccess(viewer, 'list', 'users')).toBe(false);
  });

  it('lets only coordinators write people, and alliance roles only read public contacts', () => {
    for (const action of ['create', 'edit', 'delete']) {
      expect(canAccess(coordinator, action, 'people')).toBe(true);
      expect(canAccess(viewer, action, 'people')).toBe(false);
      expect(canAccess(admin, action, 'people')).toBe(false);
      expect(canAccess(organizer, action, 'people')).toBe(false);
    }
    for (const user of [admin, organizer, coordinator, viewer]) {
      expect(canAccess(user, 'list', 'people')).toBe(true);
      expect(canAccess(user, 'show', 'people')).toBe(true);
    }
    expect(canAccess(coordinator, 'export', 'people')).toBe(true);
    expect(canAccess(viewer, 'export', 'people')).toBe(true);
    expect(canAccess(admin, 'export', 'people')).toBe(false);
  });

  it('shows people counts to alliance roles only (org roles see theirs on the dashboard)', () => {
    expect(canAccess(admin, 'list', 'people-counts')).toBe(true);
    expect(canAccess(organizer, 'list', 'people-counts')).toBe(true);
    expect(canAccess(admin, 'edit', 'people-counts')).toBe(false);
    expect(canAccess(coordinator, 'list', 'people-counts')).toBe(false);
    expect(canAccess(viewer, 'list', 'people-counts')).toBe(false);
  });
});
