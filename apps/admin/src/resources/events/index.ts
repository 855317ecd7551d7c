import EventIcon from '@mui/icons-material/Event';
import { EventCreate, EventEdit } from './EventCreate';
import { EventList } from './EventList';
import { EventShow } from './EventShow';

/**
 * Joint events: co-hosted by member organizations, with turnout goals, each host's private RSVPs,
 * check-in and walk-ins counted without names. The calendar (`/events/calendar`) and the check-in
 * screen (`/events/:id/check-in`) are routes of this resource (see App.tsx).
 */
export default {
  list: EventList,
  create: EventCreate,
  edit: EventEdit,
  show: EventShow,
  icon: EventIcon,
  recordRepresentation: 'title',
};
