import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DashboardEventDto, OrganizationDashboardDto } from '@unidos/contracts';
import { percentOf, showUrl } from './format';
import { Meter, PlainList, TextLink, useDashboardFormat, WARNING_TEXT } from './parts';

type OurEvent = OrganizationDashboardDto['upcomingEvents'][number];

const isOurs = (event: DashboardEventDto | OurEvent): event is OurEvent => 'ourGoing' in event;

/**
 * Upcoming events: when and where (in the event's own time zone), and turnout so far (people
 * going) against the hosts' turnout goals; for an organization, its own RSVPs against its own goal.
 */
export const EventItems = ({
  events,
  label,
}: {
  events: Array<DashboardEventDto | OurEvent>;
  label: string;
}) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const state = (code: string | null) => (code ? translate(`enums.state.${code}`, { _: code }) : null);
  return (
    <PlainList label={label}>
      {events.map((event) => {
        const ours = isOurs(event);
        const going = ours ? event.ourGoing : event.goingCount;
        const goal = ours ? event.ourTurnoutGoal : event.turnoutGoal;
        const turnout = goal
          ? translate(
              ours ? 'unidos.dashboard.events.our_going_vs_goal' : 'unidos.dashboard.events.going_vs_goal',
              {
                going: format.number(going),
                goal: format.number(goal),
              },
            )
          : translate(
              ours ? 'unidos.dashboard.events.our_going_no_goal' : 'unidos.dashboard.events.going_no_goal',
              {
                going: format.number(going),
              },
            );
        const place = [event.city, state(event.state)].filter(Boolean).join(', ');
        return (
          <li key={event.id}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              <TextLink to={showUrl('events', event.id)}>{event.title}</TextLink>
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p">
              <time dateTime={event.startsAt}>{format.eventStart(event.startsAt, event.timeZone)}</time>
              {place ? ` · ${place}` : ''}
              {event.capacity
                ? ` · ${translate('unidos.dashboard.events.capacity', { capacity: format.number(event.capacity) })}`
                : ''}
            </Typography>
            {ours && event.hostStatus !== 'accepted' ? (
              <Typography variant="caption" component="p" sx={{ color: WARNING_TEXT }}>
                {translate(`unidos.dashboard.events.host_status.${event.hostStatus}`)}
              </Typography>
            ) : null}
            <Box sx={{ my: 0.5 }}>
              {goal ? (
                <Meter
                  value={percentOf(going, goal)}
                  label={translate('unidos.dashboard.events.turnout_label', { title: event.title })}
                  valueText={`${turnout} (${format.percent(percentOf(going, goal))})`}
                />
              ) : null}
            </Box>
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="caption" component="p">
                {turnout}
              </Typography>
              {ours ? (
                <Typography variant="caption" color="text.secondary" component="p">
                  {'· '}
                  {translate('unidos.dashboard.events.all_hosts', {
                    going: format.number(event.goingCount),
                    goal: format.number(event.turnoutGoal),
                  })}
                </Typography>
              ) : null}
            </Stack>
          </li>
        );
      })}
    </PlainList>
  );
};
