import { Card, CardContent } from '@mui/material';
import ShieldIcon from '@mui/icons-material/Shield';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  FilterList,
  FilterListItem,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextInput,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { PersonDto } from '@unidos/contracts';
import { LANGUAGE_CHOICES, PERSON_ROLE_CHOICES, PERSON_VISIBILITY_CHOICES } from '../../common/choices';
import { EnumField, NameLinkField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';
import { isAllianceRole } from '../../providers/permissions';
import { ImportButton } from '../imports/ImportButton';
import { CsvExportButton } from '../../common/CsvExportButton';
import { flagLabel, FLAG_ICONS, PersonFlagsField, SAFETY_FLAGS, VisibilityField } from './fields';
import { PeopleEmpty } from './PeopleEmpty';

const commonFilters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={PERSON_ROLE_CHOICES} />,
  <SelectInput key="preferredLanguage" source="preferredLanguage" choices={LANGUAGE_CHOICES} />,
  // Exact matches only: the API keeps emails and phones encrypted and looks them up by a keyed hash.
  <TextInput
    key="email"
    source="email"
    type="email"
    label="unidos.people.email_lookup"
    helperText="unidos.people.lookup_help"
  />,
  <TextInput
    key="phone"
    source="phone"
    type="tel"
    label="unidos.people.phone_lookup"
    helperText="unidos.people.lookup_help"
  />,
];

const organizationFilters = [
  ...commonFilters,
  <SelectInput key="visibility" source="visibility" choices={PERSON_VISIBILITY_CHOICES} />,
];

const allianceFilters = [
  ...commonFilters,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => (q ? { q } : {})} />
  </ReferenceInput>,
];

/** The contact-safety flags as one-click filters ("OK to text", "Signal only"…), beside the list. */
const SafetyFilters = () => {
  const translate = useTranslate();
  return (
    <Card
      variant="outlined"
      sx={{
        order: -1,
        mr: 2,
        mt: 6,
        flex: '0 0 14em',
        alignSelf: 'flex-start',
        display: { xs: 'none', md: 'block' },
      }}
    >
      <CardContent sx={{ p: 1, '&:last-child': { pb: 1 } }}>
        <FilterList label="unidos.people.safety" icon={<ShieldIcon />}>
          {SAFETY_FLAGS.map((flag) => {
            const Icon = FLAG_ICONS[flag];
            return (
              <FilterListItem
                key={flag}
                label={translate(flagLabel(flag))}
                value={{ [flag]: true }}
                icon={<Icon fontSize="small" />}
              />
            );
          })}
        </FilterList>
      </CardContent>
    </Card>
  );
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <CsvExportButton tooltip="unidos.common.export_recorded" />
    <ImportButton kind="people" />
  </TopToolbar>
);

const Column = DataTable.Col<PersonDto>;

/**
 * People of the caller's organization (organization roles), or the organizations' public contacts
 * (alliance roles: the API answers them nothing else). Filters and search stay in memory only:
 * never in the address bar (browser history) nor in localStorage, since they may hold a name,
 * an email or a phone number.
 */
export const PersonList = () => {
  const permissions: unknown = usePermissions().permissions;
  const alliance = isAllianceRole(permissions);
  return (
    <List
      title={alliance ? 'unidos.people.public_contacts' : undefined}
      filters={alliance ? allianceFilters : organizationFilters}
      actions={<ListActions />}
      aside={<SafetyFilters />}
      empty={<PeopleEmpty />}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      exporter={false}
      disableSyncWithLocation
      storeKey={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="displayName">
          <NameLinkField source="displayName" to={(id) => `/people/${encodeURIComponent(id)}/show`} />
        </Column>
        {alliance ? (
          <Column source="organizationId" disableSort>
            <ReferenceField source="organizationId" reference="organizations" link="show" />
          </Column>
        ) : null}
        <Column source="role">
          <EnumField source="role" group="personRole" />
        </Column>
        <Column source="preferredLanguage">
          <EnumField source="preferredLanguage" group="language" />
        </Column>
        <Column source="flags" label="resources.people.fields.flags" disableSort>
          <PersonFlagsField />
        </Column>
        {alliance ? null : (
          <Column source="visibility">
            <VisibilityField />
          </Column>
        )}
      </DataTable>
    </List>
  );
};
