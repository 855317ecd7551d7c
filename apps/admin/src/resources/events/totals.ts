/**
 * Turnout numbers of an event's hosts (pure, tested): counts only, never names.
 * What a host "brought" is its reported attendance when it reported one, otherwise the people it
 * checked in plus the walk-ins it counted at the door.
 */
import type { EventHostDto } from '@unidos/contracts';

type HostNumbers = Pick<EventHostDto, 'checkedIn' | 'walkIns' | 'reportedAttendance'>;

export const counted = (host: HostNumbers) => host.reportedAttendance ?? host.checkedIn + host.walkIns;

/** The totals row: each host's counted attendance, added up (so a report replaces that host's counts). */
export function totalCounted(hosts: readonly HostNumbers[]): number {
  return hosts.reduce((sum, host) => sum + counted(host), 0);
}

/** 0–100+ of a goal; null without a goal. */
export const percentOfGoal = (value: number, goal: number | null | undefined) =>
  goal && goal > 0 ? (value / goal) * 100 : null;
