import type { EventDetailDto, EventHostDto } from '@unidos/contracts';
import { canAccess } from '../../providers/permissions';
import { eventAccess } from './access';

const host = (
  organizationId: string,
  role: 'lead' | 'co_host',
  status: EventHostDto['status'],
): EventHostDto => ({
  id: `host-${organizationId}`,
  eventId: 'e1',
  organizationId,
  organizationName: organizationId,
  role,
  status,
  turnoutGoal: null,
  reportedAttendance: null,
  going: 0,
  maybe: 0,
  declined: 0,
  waitlisted: 0,
  checkedIn: 0,
  walkIns: 0,
  version: 1,
});

const event = (over: Partial<EventDetailDto> = {}): EventDetailDto => ({
  id: 'e1',
  title: 'Rally',
  description: null,
  kind: 'rally',
  campaignId: null,
  demandId: null,
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 90_000_000).toISOString(),
  timeZone: 'America/Chicago',
  venue: null,
  address: null,
  city: null,
  state: null,
  onlineUrl: null,
  capacity: null,
  goingCount: 0,
  languages: [],
  interpretation: [],
  accessibilityNotes: null,
  status: 'published',
  cancelReason: null,
  leadOrganizationId: 'lead',
  version: 1,
  createdAt: '',
  updatedAt: '',
  hosts: [
    host('lead', 'lead', 'accepted'),
    host('co', 'co_host', 'invited'),
    host('co2', 'co_host', 'accepted'),
  ],
  ...over,
});

const admin = { role: 'alliance_admin', organizationId: null } as const;
const leadCoordinator = { role: 'org_coordinator', organizationId: 'lead' } as const;
const coCoordinator = { role: 'org_coordinator', organizationId: 'co' } as const;
const co2Viewer = { role: 'org_viewer', organizationId: 'co2' } as const;
const outsider = { role: 'org_coordinator', organizationId: 'other' } as const;

describe('what an event’s page offers whom', () => {
  it('lets the alliance and the lead’s coordinators run the event, never see its people', () => {
    for (const caller of [admin, leadCoordinator]) {
      const access = eventAccess(caller, event());
      expect(access.canManage).toBe(true);
      expect(access.canComplete).toBe(true);
    }
    expect(eventAccess(admin, event()).seesOwnPeople).toBe(false);
    expect(eventAccess(admin, event()).canRegister).toBe(false);
    expect(eventAccess(leadCoordinator, event()).seesOwnPeople).toBe(true);
  });

  it('lets an invited co-host answer, and only once accepted see and register its own people', () => {
    const invited = eventAccess(coCoordinator, event());
    expect(invited.canAnswer).toBe(true);
    expect(invited.canManage).toBe(false);
    expect(invited.seesOwnPeople).toBe(false);
    const accepted = eventAccess(coCoordinator, event({ hosts: [host('co', 'co_host', 'accepted')] }));
    expect(accepted.canAnswer).toBe(false);
    expect(accepted.seesOwnPeople).toBe(true);
    expect(accepted.canRegister).toBe(true);
    expect(accepted.canCheckIn).toBe(true);
  });

  it('gives a host’s viewers their own people to read, nothing to change', () => {
    const access = eventAccess(co2Viewer, event());
    expect(access.seesOwnPeople).toBe(true);
    expect(access.canRegister).toBe(false);
    expect(access.canCheckIn).toBe(false);
    expect(access.canSetOwnNumbers).toBe(false);
  });

  it('offers nothing to an organization that does not host', () => {
    const access = eventAccess(outsider, event());
    expect(access.ownHost).toBeNull();
    expect(access.seesOwnPeople || access.canManage || access.canAnswer).toBe(false);
  });

  it('closes cancelled and completed events, and registration once the event has ended', () => {
    expect(eventAccess(admin, event({ status: 'cancelled' })).canManage).toBe(false);
    expect(eventAccess(admin, event({ status: 'completed' })).canComplete).toBe(false);
    expect(eventAccess(admin, event({ status: 'draft' })).canComplete).toBe(false);
    expect(eventAccess(admin, event({ status: 'draft' })).canManage).toBe(true);
    const ended = event({ endsAt: new Date(Date.now() - 1000).toISOString() });
    expect(eventAccess(leadCoordinator, ended).canRegister).toBe(false);
    expect(eventAccess(leadCoordinator, ended).canCheckIn).toBe(true);
  });
});

describe('event permissions in the menu and buttons', () => {
  it('lets planners create events and coordinators edit only their own organization’s', () => {
    expect(canAccess(admin, 'create', 'events')).toBe(true);
    expect(canAccess({ role: 'alliance_organizer', organizationId: null }, 'edit', 'events')).toBe(true);
    expect(canAccess(leadCoordinator, 'create', 'events')).toBe(true);
    expect(canAccess(leadCoordinator, 'edit', 'events', { id: 'e1', leadOrganizationId: 'lead' })).toBe(true);
    expect(canAccess(coCoordinator, 'edit', 'events', { id: 'e1', leadOrganizationId: 'lead' })).toBe(false);
    expect(canAccess(co2Viewer, 'list', 'events')).toBe(true);
    expect(canAccess(co2Viewer, 'create', 'events')).toBe(false);
    expect(canAccess(admin, 'delete', 'events')).toBe(false);
  });
});
