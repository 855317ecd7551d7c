import { Alert } from '@mui/material';
import {
  DataTable,
  FilterButton,
  List,
  NumberField,
  Pagination,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { PeopleCountDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { STATE_CHOICES } from '../../common/choices';
import { EnumField, NameLinkField } from '../../common/fields';
import { SearchFilter } from '../../common/SearchFilter';
import { CountChips } from './CountChips';
import { CountsViewSwitch } from './CountsViewSwitch';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="regions" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} />,
];

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <CountsViewSwitch current="organizations" />
    <FilterButton />
    <CsvExportButton />
  </TopToolbar>
);

/** Explains, above every counts view, that these are numbers only. */
export const CountsNote = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" role="note" sx={{ mt: 1 }}>
      {translate('unidos.people_counts.no_names')}
    </Alert>
  );
};

const Column = DataTable.Col<PeopleCountDto>;

/** How many people each organization keeps, by role and by language. Numbers, never names. */
export const PeopleCountList = () => (
  <>
    <CountsNote />
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'organizationName', order: 'ASC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      exporter={false}
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <Column source="organizationName">
          <NameLinkField
            source="organizationName"
            to={(id) => `/organizations/${encodeURIComponent(id)}/show`}
          />
        </Column>
        <Column source="state">
          <EnumField source="state" group="state" />
        </Column>
        <Column source="total" align="right">
          <NumberField source="total" />
        </Column>
        <Column source="byRole" disableSort>
          <CountChips source="byRole" group="personRole" />
        </Column>
        <Column source="byLanguage" disableSort>
          <CountChips source="byLanguage" group="language" />
        </Column>
      </DataTable>
    </List>
  </>
);
