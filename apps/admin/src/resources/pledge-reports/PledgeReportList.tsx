import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FilterButton,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import type { PledgeReportDto } from '@unidos/contracts';
import { LocalDateField } from '../../common/fields';
import { CsvExportButton } from '../../common/CsvExportButton';
import { QuantityField } from '../campaigns/fields';
import { PledgeTitle } from '../pledges/PledgeTitle';

const byName = (q: string) => ({ q });

const filters = [
  <ReferenceInput
    key="campaignId"
    source="campaignId"
    reference="campaigns"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
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
  <ReferenceInput
    key="pledgeId"
    source="pledgeId"
    reference="pledges"
    sort={{ field: 'organizationName', order: 'ASC' }}
  >
    <AutocompleteInput optionText={<PledgeTitle />} inputText={pledgeText} filterToQuery={byName} />
  </ReferenceInput>,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

/** Plain text of a pledge for the autocomplete's input box. */
function pledgeText(pledge: { organizationName?: string; quantity?: number; metric?: string }) {
  return `${pledge.organizationName ?? ''} · ${pledge.quantity ?? ''} ${pledge.metric ?? ''}`;
}

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CsvExportButton />
  </TopToolbar>
);

const Column = DataTable.Col<PledgeReportDto>;

/** Every progress report (append-only, read-only here: reports are added on the pledge's page). */
export const PledgeReportList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'reportedOn', order: 'DESC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <Column source="reportedOn">
        <LocalDateField source="reportedOn" />
      </Column>
      <Column source="pledgeId" disableSort>
        <ReferenceField source="pledgeId" reference="pledges" link="show" />
      </Column>
      <Column source="campaignId" disableSort>
        <ReferenceField source="campaignId" reference="campaigns" link="show" />
      </Column>
      <Column source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" link="show" />
      </Column>
      <Column source="quantity" align="right">
        <QuantityField source="quantity" />
      </Column>
      <Column source="note" disableSort>
        <TextField source="note" emptyText="—" />
      </Column>
      <Column source="createdAt">
        <LocalDateField source="createdAt" showTime />
      </Column>
    </DataTable>
  </List>
);
