import type {
  CalendarFeedsDto,
  EventDetailDto,
  EventHostDto,
  EventTotalsDto,
  RsvpDto,
} from '@unidos/contracts';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient, postJson } from './httpClient';

/** What a host organization may change of its own row (the alliance: goals and attendance of any). */
export interface EventHostChanges {
  version: number;
  status?: 'accepted' | 'declined';
  turnoutGoal?: number | null;
  reportedAttendance?: number | null;
}

/** Event calls beyond CRUD, spread into the data provider. */
export interface EventCalls {
  /** Each host's numbers and the totals (counts only, never names). */
  getEventTotals: (eventId: Identifier) => Promise<EventTotalsDto>;
  cancelEvent: (eventId: Identifier, version: number, reason: string) => Promise<EventDetailDto>;
  completeEvent: (eventId: Identifier, version: number, recordAttendance: boolean) => Promise<EventDetailDto>;
  /** Answers an invitation, or sets a host's turnout goal / reported attendance. */
  updateEventHost: (hostId: Identifier, changes: EventHostChanges) => Promise<EventHostDto>;
  /** +1 for someone counted at the door, −1 to undo: no personal data. */
  countWalkIns: (hostId: Identifier, delta: number) => Promise<EventHostDto>;
  checkInRsvp: (rsvpId: Identifier) => Promise<RsvpDto>;
  undoCheckInRsvp: (rsvpId: Identifier) => Promise<RsvpDto>;
  getCalendarFeeds: () => Promise<CalendarFeedsDto>;
}

const path = (...parts: Identifier[]) => parts.map((part) => encodeURIComponent(String(part))).join('/');

/** The "Add to calendar" file of an event (`GET /api/events/:id/event.ics`). */
export const eventIcsUrl = (eventId: Identifier) => `${API_URL}/events/${path(eventId)}/event.ics`;

export const eventCalls: EventCalls = {
  getEventTotals: async (eventId) => {
    const response = await httpClient(`${API_URL}/events/${path(eventId)}/totals`);
    return response.json as EventTotalsDto;
  },

  cancelEvent: (eventId, version, reason) =>
    postJson<EventDetailDto>(`/events/${path(eventId)}/cancel`, { version, reason }),

  completeEvent: (eventId, version, recordAttendance) =>
    postJson<EventDetailDto>(`/events/${path(eventId)}/complete`, { version, recordAttendance }),

  updateEventHost: async (hostId, changes) => {
    const response = await httpClient(`${API_URL}/event-hosts/${path(hostId)}`, {
      method: 'PUT',
      body: JSON.stringify(changes),
    });
    return response.json as EventHostDto;
  },

  countWalkIns: (hostId, delta) => postJson<EventHostDto>(`/event-hosts/${path(hostId)}/walk-ins`, { delta }),

  checkInRsvp: (rsvpId) => postJson<RsvpDto>(`/rsvps/${path(rsvpId)}/check-in`, {}),

  undoCheckInRsvp: (rsvpId) => postJson<RsvpDto>(`/rsvps/${path(rsvpId)}/undo-check-in`, {}),

  getCalendarFeeds: async () => {
    const response = await httpClient(`${API_URL}/calendar/feeds`);
    return response.json as CalendarFeedsDto;
  },
};
