import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  Pagination,
  ReferenceInput,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import type { OrganizationDto } from '@unidos/contracts';
import {
  FOCUS_AREA_CHOICES,
  KIND_CHOICES,
  LANGUAGE_CHOICES,
  MEMBERSHIP_STATUS_CHOICES,
  STATE_CHOICES,
} from '../../common/choices';
import { EnumField, MembershipStatusField, NameLinkField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';
import { ImportButton } from '../imports/ImportButton';
import { CsvExportButton } from '../../common/CsvExportButton';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="membershipStatus" source="membershipStatus" choices={MEMBERSHIP_STATUS_CHOICES} />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} />,
  <ReferenceInput key="regionId" source="regionId" reference="regions" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="focusArea" source="focusArea" choices={FOCUS_AREA_CHOICES} />,
  <SelectInput key="language" source="language" choices={LANGUAGE_CHOICES} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <CsvExportButton />
    <ImportButton kind="organizations" />
  </TopToolbar>
);

const Column = DataTable.Col<OrganizationDto>;

/** The member directory: search, filters, sortable columns, 25 per page, server-side CSV export. */
export const OrganizationList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name">
        <NameLinkField to={(id) => `/organizations/${encodeURIComponent(id)}/show`} />
      </Column>
      <Column source="city" />
      <Column source="state">
        <EnumField source="state" group="state" />
      </Column>
      <Column source="kind">
        <EnumField source="kind" group="kind" />
      </Column>
      <Column source="membershipStatus">
        <MembershipStatusField />
      </Column>
    </DataTable>
  </List>
);
