import { Tab, Tabs } from '@mui/material';
import { DataTable, List, Pagination, TopToolbar, useListContext, useTranslate } from 'react-admin';
import type { OrganizationDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { EnumField, LocalDateField, NameLinkField } from '../../common/fields';

type Status = 'applicant' | 'rejected';

/** Pending / Rejected, as tabs over the list's `membershipStatus` filter. */
const StatusTabs = () => {
  const translate = useTranslate();
  const list = useListContext();
  const { setFilters } = list;
  const filterValues = list.filterValues as Record<string, unknown>;
  const displayedFilters = list.displayedFilters as Record<string, boolean>;
  const value: Status = filterValues.membershipStatus === 'rejected' ? 'rejected' : 'applicant';
  return (
    <Tabs
      value={value}
      onChange={(_event, next: Status) =>
        setFilters({ ...filterValues, membershipStatus: next }, displayedFilters)
      }
      aria-label={translate('unidos.applications.status_tabs')}
      sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="applicant" label={translate('unidos.applications.pending')} />
      <Tab value="rejected" label={translate('unidos.applications.rejected')} />
    </Tabs>
  );
};

const Column = DataTable.Col<OrganizationDto>;

const ApplicationTable = () => {
  const filterValues = useListContext().filterValues as Record<string, unknown>;
  const rejected = filterValues.membershipStatus === 'rejected';
  return (
    <>
      <StatusTabs />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="name">
          <NameLinkField to={(id) => `/applications/${encodeURIComponent(id)}/show`} />
        </Column>
        <Column source="kind">
          <EnumField source="kind" group="kind" />
        </Column>
        <Column source="city" />
        <Column source="state">
          <EnumField source="state" group="state" />
        </Column>
        <Column source="appliedAt">
          <LocalDateField source="appliedAt" />
        </Column>
        {rejected ? (
          <Column source="decidedAt" disableSort>
            <LocalDateField source="decidedAt" />
          </Column>
        ) : null}
      </DataTable>
    </>
  );
};

/** Organizations asking to join (the API's `applications`): pending by default, rejected on a tab. */
export const ApplicationList = () => (
  <List
    filterDefaultValues={{ membershipStatus: 'applicant' }}
    sort={{ field: 'appliedAt', order: 'ASC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
    actions={
      <TopToolbar>
        <CsvExportButton />
      </TopToolbar>
    }
    empty={false}
  >
    <ApplicationTable />
  </List>
);
