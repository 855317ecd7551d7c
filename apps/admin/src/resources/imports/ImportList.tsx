import { DataTable, List, Pagination, SelectInput, TopToolbar, usePermissions } from 'react-admin';
import { LocalDateField } from '../../common/fields';
import { importKindsFor } from '../../providers/importPermissions';
import { CreatedByField, ImportKindField, ImportStatusField, OutcomeField } from './fields';
import { ImportButton } from './ImportButton';
import { ImportsEmpty } from './ImportsEmpty';
import { IMPORT_STATUSES, type ImportJobDto } from './types';

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={IMPORT_STATUSES.map((status) => ({ id: status, name: `unidos.imports.status.${status}` }))}
  />,
];

const ListActions = () => {
  const kinds = importKindsFor(usePermissions().permissions);
  return (
    <TopToolbar>
      {kinds.map((kind) => (
        <ImportButton key={kind} kind={kind} labelled={kinds.length > 1} />
      ))}
    </TopToolbar>
  );
};

const Column = DataTable.Col<ImportJobDto>;

/**
 * `/imports`: the files imported so far (newest first) — what, from where, by whom, when, and how
 * it went. Coordinators see their organization's, alliance admins the alliance's.
 */
export const ImportList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    empty={<ImportsEmpty />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="createdAt">
        <LocalDateField source="createdAt" showTime />
      </Column>
      <Column source="kind" disableSort>
        <ImportKindField />
      </Column>
      <Column source="filename" disableSort />
      <Column source="source" disableSort />
      <Column source="status" disableSort>
        <ImportStatusField />
      </Column>
      <Column source="rowCount" align="right" disableSort />
      <Column source="outcome" label="resources.imports.fields.outcome" disableSort>
        <OutcomeField />
      </Column>
      <Column source="createdBy" disableSort>
        <CreatedByField />
      </Column>
    </DataTable>
  </List>
);
