import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  Pagination,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import type { CampaignDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { LocalDateField, NameLinkField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';
import { CAMPAIGN_STATUS_CHOICES } from './choices';
import { EnumChipField, QuantityField } from './fields';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={CAMPAIGN_STATUS_CHOICES} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <CsvExportButton />
  </TopToolbar>
);

const Column = DataTable.Col<CampaignDto>;

/** The alliance's campaigns (drafts only for alliance roles: the API leaves them out for others). */
export const CampaignList = () => (
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
        <NameLinkField to={(id) => `/campaigns/${encodeURIComponent(id)}/show`} />
      </Column>
      <Column source="status">
        <EnumChipField source="status" group="campaignStatus" />
      </Column>
      <Column source="startsOn">
        <LocalDateField source="startsOn" />
      </Column>
      <Column source="endsOn">
        <LocalDateField source="endsOn" />
      </Column>
      <Column source="endorsementCount" disableSort align="right">
        <QuantityField source="endorsementCount" />
      </Column>
    </DataTable>
  </List>
);
