import type { ReactNode } from 'react';
import { Box, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  type Identifier,
  ReferenceField,
  Show,
  TextField,
  useDataProvider,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { DemandDto, EventDetailDto } from '@unidos/contracts';
import { EnumChipsField, EmptyValue } from '../../common/fields';
import { Section } from '../../common/Section';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { useCaller, useCampaignFormat } from '../campaigns/fields';
import { eventAccess } from './access';
import { EventButtons } from './EventActions';
import { CancelledBanner, EventEnumChip, EventWhen, PlacesField } from './fields';
import { HostsSection } from './HostsSection';
import { OurPeople } from './OurPeople';
import { OwnHostPanel } from './OwnHostPanel';

/**
 * `GET /api/events/:id/totals` under the `events` key: react-admin's refresh (after a check-in,
 * an invitation, a cancellation) invalidates every query, so the numbers reload too.
 */
export const useEventTotals = (eventId: Identifier | undefined) => {
  const dataProvider = useDataProvider<UnidosDataProvider>();
  return useQuery({
    queryKey: ['events', 'totals', { id: eventId }],
    queryFn: () => dataProvider.getEventTotals(eventId as Identifier),
    enabled: eventId !== undefined,
  });
};

/** A labelled value of the overview, as a description list row. */
const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box
    component="div"
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '11rem 1fr' },
      gap: { xs: 0, sm: 2 },
      py: 0.75,
    }}
  >
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Box component="dd" sx={{ m: 0 }}>
      {children}
    </Box>
  </Box>
);

const DemandText = ({ id }: { id: string }) => {
  const format = useCampaignFormat();
  const { data } = useGetOne<DemandDto>('demands', { id });
  return <Typography variant="body2">{data ? format.demand(data) : '…'}</Typography>;
};

const Where = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  const lines = [event.venue, event.address, [event.city, event.state].filter(Boolean).join(', ')].filter(
    Boolean,
  );
  return (
    <Stack spacing={0.25}>
      {lines.map((line) => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
      {event.onlineUrl && /^https?:\/\//i.test(event.onlineUrl) ? (
        <MuiLink href={event.onlineUrl} target="_blank" rel="noopener noreferrer nofollow" variant="body2">
          {translate('unidos.events.online_link')}
        </MuiLink>
      ) : null}
      {lines.length === 0 && !event.onlineUrl ? <EmptyValue /> : null}
    </Stack>
  );
};

const Overview = ({ event }: { event: EventDetailDto }) => {
  const translate = useTranslate();
  const field = (name: string) => translate(`resources.events.fields.${name}`);
  return (
    <Box component="dl" sx={{ m: 0 }}>
      <Row label={field('kind')}>
        <Stack direction="row" spacing={1}>
          <EventEnumChip group="eventKind" value={event.kind} />
          <EventEnumChip group="eventStatus" value={event.status} />
        </Stack>
      </Row>
      <Row label={translate('unidos.events.when')}>
        <EventWhen event={event} />
      </Row>
      <Row label={translate('unidos.events.where')}>
        <Where event={event} />
      </Row>
      <Row label={field('leadOrganizationId')}>
        <ReferenceField source="leadOrganizationId" reference="organizations" link="show" />
      </Row>
      <Row label={field('campaignId')}>
        {event.campaignId ? (
          <ReferenceField source="campaignId" reference="campaigns" link="show" />
        ) : (
          <EmptyValue />
        )}
      </Row>
      {event.demandId ? (
        <Row label={field('demandId')}>
          <DemandText id={event.demandId} />
        </Row>
      ) : null}
      <Row label={translate('unidos.events.places_column')}>
        <PlacesField />
      </Row>
      <Row label={field('languages')}>
        <EnumChipsField source="languages" group="language" />
      </Row>
      <Row label={field('interpretation')}>
        <EnumChipsField source="interpretation" group="language" />
      </Row>
      <Row label={field('accessibilityNotes')}>
        <TextField source="accessibilityNotes" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Row>
      {event.description ? (
        <Row label={field('description')}>
          <TextField source="description" sx={{ whiteSpace: 'pre-line' }} />
        </Row>
      ) : null}
    </Box>
  );
};

/**
 * The event's page: what, when (in its zone and the viewer's), where; the hosts' numbers; for the
 * caller's own organization, its invitation, goal and attendance, and its own people.
 */
const EventPage = () => {
  const translate = useTranslate();
  const event = useRecordContext<EventDetailDto>();
  const { identity } = useCaller();
  const totals = useEventTotals(event?.id);
  if (!event) return null;
  const access = eventAccess(identity, event);
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography component="h1" variant="h5" sx={{ fontWeight: 600 }}>
          {event.title}
        </Typography>
        <CancelledBanner event={event} />
        <EventButtons event={event} access={access} />
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: access.ownHost ? 7 : 12 }}>
          <Section title={translate('unidos.events.overview')}>
            <Overview event={event} />
          </Section>
        </Grid>
        {access.ownHost ? (
          <Grid size={{ xs: 12, md: 5 }}>
            <Section title={translate('unidos.event_hosts.our_organization')}>
              <OwnHostPanel access={access} />
            </Section>
          </Grid>
        ) : null}
      </Grid>
      <Section title={translate('unidos.event_hosts.title')}>
        <HostsSection event={event} totals={totals.data} isError={totals.isError} />
      </Section>
      {access.seesOwnPeople ? (
        <Section title={translate('unidos.rsvps.our_people')}>
          <OurPeople event={event} access={access} />
        </Section>
      ) : null}
    </Stack>
  );
};

const EventTitle = () => {
  const event = useRecordContext<EventDetailDto>();
  return <>{event?.title ?? ''}</>;
};

export const EventShow = () => (
  <Show actions={false} title={<EventTitle />}>
    <EventPage />
  </Show>
);
