import type { ImportFieldDto, ImportKind } from './types';

/**
 * The fields each kind of import fills, as the import contract names them (required ones first).
 * The API's `GET /api/imports/fields` is the truth; this list labels them in both catalogs (the
 * i18n spec checks every one has a label) and stands in if that request fails.
 */
export const IMPORT_TARGETS: Record<ImportKind, readonly string[]> = {
  people: [
    'displayName',
    'email',
    'phone',
    'preferredLanguage',
    'role',
    'visibility',
    'okToText',
    'okToCall',
    'okToEmail',
    'signalOnly',
    'noVoicemail',
    'note',
  ],
  organizations: [
    'name',
    'kind',
    'city',
    'state',
    'website',
    'publicEmail',
    'publicPhone',
    'description',
    'focusAreas',
    'languages',
    'membershipStatus',
    'duesTier',
    'duesPaidThrough',
  ],
  pledges: ['campaign', 'organization', 'metric', 'quantity', 'dueOn', 'note', 'demand'],
};

const REQUIRED: Record<ImportKind, readonly string[]> = {
  people: ['displayName'],
  organizations: ['name'],
  pledges: ['campaign', 'organization', 'metric', 'quantity', 'dueOn'],
};

/** The contract's fields of one kind, for when the API cannot be asked. */
export const contractFields = (kind: ImportKind): ImportFieldDto[] =>
  IMPORT_TARGETS[kind].map((name) => ({ name, required: REQUIRED[kind].includes(name) }));
