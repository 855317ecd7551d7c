/**
 * Who may do what on an event's page, from the signed-in user and the event (pure, tested). It only
 * hides what the API refuses anyway: the API checks every one of these again.
 */
import type { EventDetailDto, EventHostDto, UserRole } from '@unidos/contracts';

export interface EventCaller {
  role: UserRole;
  organizationId: string | null;
}

export interface EventAccess {
  alliance: boolean;
  /** The caller's own organization's host row (lead or co-host), if it hosts the event. */
  ownHost: EventHostDto | null;
  /** Edit, invite co-hosts, cancel: the alliance or the lead's coordinators, while the event is open. */
  canManage: boolean;
  /** Complete: the same people, once the event is published. */
  canComplete: boolean;
  /** Accept or decline: a co-host's coordinator while invited (or accept after declining). */
  canAnswer: boolean;
  /** Turnout goal and reported attendance of the own host row. */
  canSetOwnNumbers: boolean;
  /** The "Our people" panel: a host organization's coordinators and viewers (accepted hosts). */
  seesOwnPeople: boolean;
  /** Register someone, change answers, check in, count walk-ins: the host's coordinators. */
  canRegister: boolean;
  /** Check-in and walk-ins: the host's coordinators while the event is published. */
  canCheckIn: boolean;
}

export const isClosed = (status: EventDetailDto['status']) =>
  status === 'cancelled' || status === 'completed';

export function eventAccess(caller: EventCaller | undefined, event: EventDetailDto | undefined): EventAccess {
  const none: EventAccess = {
    alliance: false,
    ownHost: null,
    canManage: false,
    canComplete: false,
    canAnswer: false,
    canSetOwnNumbers: false,
    seesOwnPeople: false,
    canRegister: false,
    canCheckIn: false,
  };
  if (!caller || !event) return none;
  const alliance = caller.role === 'alliance_admin' || caller.role === 'alliance_organizer';
  const coordinator = caller.role === 'org_coordinator';
  const orgRole = coordinator || caller.role === 'org_viewer';
  const ownHost =
    orgRole && caller.organizationId
      ? ((event.hosts ?? []).find((host) => host.organizationId === caller.organizationId) ?? null)
      : null;
  const leads = alliance || (coordinator && event.leadOrganizationId === caller.organizationId);
  const closed = isClosed(event.status);
  const accepted = ownHost?.status === 'accepted';
  const published = event.status === 'published';
  const ended = Date.parse(event.endsAt) < Date.now();
  return {
    alliance,
    ownHost,
    canManage: leads && !closed,
    canComplete: leads && published,
    canAnswer: coordinator && ownHost?.role === 'co_host' && ownHost.status !== 'accepted' && !closed,
    canSetOwnNumbers: coordinator && accepted,
    seesOwnPeople: accepted,
    canRegister: coordinator && accepted && published && !ended,
    canCheckIn: coordinator && accepted && published,
  };
}
