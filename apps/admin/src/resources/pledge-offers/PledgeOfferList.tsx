import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import type { PledgeOfferDto } from '@unidos/contracts';
import { LocalDateField, NameLinkField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';
import { PLEDGE_OFFER_STATUS_CHOICES } from '../campaigns/choices';
import { EnumChipField, EnumTextField, QuantityField } from '../campaigns/fields';

const byName = (q: string) => ({ q });

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={PLEDGE_OFFER_STATUS_CHOICES} alwaysOn />,
  <ReferenceInput
    key="campaignId"
    source="campaignId"
    reference="campaigns"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" filterToQuery={byName} />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

const Column = DataTable.Col<PledgeOfferDto>;

/** What arrived through campaigns' public commitment forms, for the alliance to review (pending first). */
export const PledgeOfferList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ status: 'pending' }}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="createdAt">
        <LocalDateField source="createdAt" />
      </Column>
      <Column source="organizationName">
        <NameLinkField
          source="organizationName"
          to={(id) => `/pledge-offers/${encodeURIComponent(id)}/show`}
        />
      </Column>
      <Column source="contactName" disableSort />
      <Column source="campaignId" disableSort>
        <ReferenceField source="campaignId" reference="campaigns" link={false} />
      </Column>
      <Column source="metric" disableSort>
        <EnumTextField source="metric" group="pledgeMetric" />
      </Column>
      <Column source="quantity" align="right">
        <QuantityField source="quantity" />
      </Column>
      <Column source="status">
        <EnumChipField source="status" group="pledgeOfferStatus" />
      </Column>
    </DataTable>
  </List>
);
