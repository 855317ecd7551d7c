import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import type { PledgeDto } from '@unidos/contracts';
import { LocalDateField, NameLinkField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';
import { PLEDGE_METRIC_CHOICES, PLEDGE_STATUS_CHOICES } from '../campaigns/choices';
import { CsvExportButton } from '../../common/CsvExportButton';
import { ImportButton } from '../imports/ImportButton';
import { EnumTextField, PledgePercentField, PledgeStatusField, QuantityField } from '../campaigns/fields';

const byName = (q: string) => ({ q });

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="campaignId"
    source="campaignId"
    reference="campaigns"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" filterToQuery={byName} />
  </ReferenceInput>,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" filterToQuery={byName} />
  </ReferenceInput>,
  <SelectInput key="metric" source="metric" choices={PLEDGE_METRIC_CHOICES} />,
  <SelectInput key="status" source="status" choices={PLEDGE_STATUS_CHOICES} />,
  <BooleanInput key="overdue" source="overdue" defaultValue={true} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <CsvExportButton />
    <ImportButton kind="pledges" />
  </TopToolbar>
);

const Column = DataTable.Col<PledgeDto>;

/** Every organization's pledges (coalition-visible), with their fulfilment so far. */
export const PledgeList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'dueOn', order: 'ASC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="organizationName">
        <NameLinkField source="organizationName" to={(id) => `/pledges/${encodeURIComponent(id)}/show`} />
      </Column>
      <Column source="campaignId" disableSort>
        <ReferenceField source="campaignId" reference="campaigns" />
      </Column>
      <Column source="metric">
        <EnumTextField source="metric" group="pledgeMetric" />
      </Column>
      <Column source="quantity" align="right">
        <QuantityField source="quantity" />
      </Column>
      <Column source="reported" align="right">
        <QuantityField source="reported" />
      </Column>
      <Column source="percent" disableSort>
        <PledgePercentField />
      </Column>
      <Column source="dueOn">
        <LocalDateField source="dueOn" />
      </Column>
      <Column source="status">
        <PledgeStatusField />
      </Column>
    </DataTable>
  </List>
);
