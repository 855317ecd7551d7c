import { CreateButton, DataTable, List, Pagination, SelectInput, TopToolbar } from 'react-admin';
import type { RegionDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { STATE_CHOICES } from '../../common/choices';
import { EnumChipsField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} />,
];

const Column = DataTable.Col<RegionDto>;
const NumberColumn = DataTable.NumberCol<RegionDto>;

export const RegionList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
        <CsvExportButton />
      </TopToolbar>
    }
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="states" disableSort>
        <EnumChipsField source="states" group="state" />
      </Column>
      <NumberColumn source="organizationCount" />
    </DataTable>
  </List>
);
