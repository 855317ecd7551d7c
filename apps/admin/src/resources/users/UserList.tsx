import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  AutocompleteInput,
  BooleanField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import type { UserDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { ROLE_CHOICES, USER_STATUS_CHOICES } from '../../common/choices';
import { EnumField, LocalDateField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} />,
  <SelectInput key="status" source="status" choices={USER_STATUS_CHOICES} />,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => (q ? { q } : {})} />
  </ReferenceInput>,
];

const Column = DataTable.Col<UserDto>;

export const UserList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <FilterButton />
        <CreateButton />
        <CsvExportButton tooltip="unidos.common.export_recorded" />
      </TopToolbar>
    }
    sort={{ field: 'displayName', order: 'ASC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="displayName" />
      <Column source="email" />
      <Column source="role">
        <EnumField source="role" group="role" />
      </Column>
      <Column source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" emptyText="—" />
      </Column>
      <Column source="status">
        <EnumField source="status" group="userStatus" />
      </Column>
      <Column source="totpEnabled" disableSort>
        <BooleanField source="totpEnabled" />
      </Column>
      <Column source="lastLoginAt">
        <LocalDateField source="lastLoginAt" showTime />
      </Column>
    </DataTable>
  </List>
);
