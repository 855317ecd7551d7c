import { Button, type Theme, useMediaQuery } from '@mui/material';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  LinkBase,
  List,
  Pagination,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { EventDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { STATE_CHOICES } from '../../common/choices';
import { SearchFilter } from '../../common/SearchFilter';
import { EVENT_KIND_CHOICES, EVENT_STATUS_CHOICES, eventEnumKey, WHEN_CHOICES } from './choices';
import { formatInZone } from './time';
import {
  EventKindField,
  EventStartField,
  EventStatusField,
  EventTitleCell,
  EventWhereField,
  PlacesField,
  useEventTime,
} from './fields';
import { SubscribeButton } from './SubscribeButton';

const byName = (q: string) => (q ? { q } : {});

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput
    key="when"
    source="when"
    choices={WHEN_CHOICES}
    alwaysOn
    emptyText="unidos.events.any_time"
    label="resources.events.fields.when"
  />,
  <ReferenceInput
    key="campaignId"
    source="campaignId"
    reference="campaigns"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" filterToQuery={byName} label="resources.events.fields.campaignId" />
  </ReferenceInput>,
  <ReferenceInput
    key="hostOrganizationId"
    source="hostOrganizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput
      optionText="name"
      filterToQuery={byName}
      label="resources.events.fields.hostOrganizationId"
    />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={EVENT_KIND_CHOICES} />,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} />,
  <SelectInput key="status" source="status" choices={EVENT_STATUS_CHOICES} />,
];

/** The calendar, with the list's filters (it reads them from react-admin's store). */
const CalendarButton = () => {
  const translate = useTranslate();
  return (
    <Button size="small" component={LinkBase} to="/events/calendar" startIcon={<CalendarMonthIcon />}>
      {translate('unidos.calendar.open')}
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <FilterButton />
    <CalendarButton />
    <SubscribeButton />
    <CreateButton />
    <CsvExportButton />
  </TopToolbar>
);

const Column = DataTable.Col<EventDto>;

/** On a phone: one line per event with its time in the event's zone, kind and place. */
const PhoneList = () => {
  const translate = useTranslate();
  const { locale } = useEventTime();
  return (
    <SimpleList<EventDto>
      linkType="show"
      primaryText={(event) =>
        event.status === 'cancelled'
          ? `${event.title} (${translate(eventEnumKey('eventStatus', event.status))})`
          : event.title
      }
      secondaryText={(event) => formatInZone(event.startsAt, event.timeZone, locale)}
      tertiaryText={(event) => translate(eventEnumKey('eventKind', event.kind))}
    />
  );
};

const EventTable = () => (
  <DataTable rowClick="show" bulkActionButtons={false}>
    <Column source="title">
      <EventTitleCell to={(id) => `/events/${encodeURIComponent(id)}/show`} />
    </Column>
    <Column source="kind">
      <EventKindField />
    </Column>
    <Column source="startsAt">
      <EventStartField />
    </Column>
    <Column source="state" label="unidos.events.where">
      <EventWhereField />
    </Column>
    <Column source="status">
      <EventStatusField />
    </Column>
    <Column source="goingCount" label="unidos.events.places_column" disableSort align="right">
      <PlacesField />
    </Column>
  </DataTable>
);

/**
 * Joint events: upcoming by default, soonest first. Times show in each event's own zone (and the
 * viewer's when it differs); places are the RSVPs going across every host, numbers only.
 */
export const EventList = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={filters}
      filterDefaultValues={{ when: 'upcoming' }}
      actions={<ListActions />}
      sort={{ field: 'startsAt', order: 'ASC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      exporter={false}
    >
      {small ? <PhoneList /> : <EventTable />}
    </List>
  );
};
