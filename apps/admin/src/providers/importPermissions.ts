import type { UserRole } from '@unidos/contracts';
import type { ImportKind } from '../resources/imports/types';

type Rules = Record<string, Partial<Record<UserRole, readonly string[]>>>;

/**
 * CSV imports, merged into `permissions.ts`' RULES: an organization's coordinators import their
 * people, alliance admins import organizations and pledges; each sees the history of their own
 * imports. The API checks all of it again.
 */
export const IMPORT_RULES: Rules = {
  imports: {
    alliance_admin: ['list', 'show', 'create'],
    org_coordinator: ['list', 'show', 'create'],
  },
};

const KINDS_BY_ROLE: Partial<Record<UserRole, readonly ImportKind[]>> = {
  org_coordinator: ['people'],
  alliance_admin: ['organizations', 'pledges'],
};

/** What this role may import, in the order the page offers it. */
export const importKindsFor = (role: unknown): readonly ImportKind[] =>
  typeof role === 'string' ? (KINDS_BY_ROLE[role as UserRole] ?? []) : [];

export const canImport = (role: unknown, kind: ImportKind) => importKindsFor(role).includes(kind);
