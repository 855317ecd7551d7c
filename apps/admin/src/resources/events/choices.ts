import {
  EVENT_HOST_ROLES,
  EVENT_HOST_STATUSES,
  EVENT_KINDS,
  EVENT_STATUSES,
  RSVP_STATUSES,
} from '@unidos/contracts';
import type { Choice } from '../../common/choices';

/** Translation-key groups of the event enums (`enums.<group>.<value>`, in `i18n/events.*.ts`). */
export type EventEnumGroup = 'eventKind' | 'eventStatus' | 'eventHostRole' | 'eventHostStatus' | 'rsvpStatus';

export const eventEnumKey = (group: EventEnumGroup, value: string) => `enums.${group}.${value}`;

const choices = (group: EventEnumGroup, values: readonly string[]): Choice[] =>
  values.map((id) => ({ id, name: eventEnumKey(group, id) }));

export const EVENT_KIND_CHOICES = choices('eventKind', EVENT_KINDS);
export const EVENT_STATUS_CHOICES = choices('eventStatus', EVENT_STATUSES);
export const EVENT_HOST_ROLE_CHOICES = choices('eventHostRole', EVENT_HOST_ROLES);
export const EVENT_HOST_STATUS_CHOICES = choices('eventHostStatus', EVENT_HOST_STATUSES);
export const RSVP_STATUS_CHOICES = choices('rsvpStatus', RSVP_STATUSES);

/** What an event's form may set: the API closes events with Cancel and Complete instead. */
export const EVENT_FORM_STATUS_CHOICES = choices('eventStatus', ['draft', 'published']);

/** The answers a host registers someone with. */
export const RSVP_NEW_STATUS_CHOICES = choices('rsvpStatus', ['going', 'maybe', 'declined']);

/** The answers a host may change an RSVP to (`attended` comes from check-in, `waitlisted` from capacity). */
export const RSVP_CHANGE_STATUSES = ['going', 'maybe', 'declined', 'no_show'] as const;

/** `filter.when` of the events list. */
export const WHEN_CHOICES: Choice[] = [
  { id: 'upcoming', name: 'unidos.events.upcoming' },
  { id: 'past', name: 'unidos.events.past' },
];
