import { Alert, Box, Card } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  DataTable,
  ListContextProvider,
  NumberField,
  Title,
  TopToolbar,
  useDataProvider,
  useFieldValue,
  useList,
  useTranslate,
} from 'react-admin';
import type { RegionPeopleCountDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { CountChips } from './CountChips';
import { CountsNote } from './PeopleCountList';
import { CountsViewSwitch } from './CountsViewSwitch';

const RegionNameField = (_props: { label?: string }) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source: 'regionName' });
  return (
    <span>{typeof value === 'string' && value ? value : translate('unidos.people_counts.no_region')}</span>
  );
};

const Column = DataTable.Col<RegionPeopleCountDto>;

/** `GET /api/people-counts/regions`: people of the active member organizations, per region. */
export const RegionCounts = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['people-counts', 'regions'],
    queryFn: () => dataProvider.getRegionPeopleCounts(),
  });
  // Sorted in the browser: there are only a few regions.
  const list = useList<RegionPeopleCountDto>({
    data: data ?? [],
    isPending,
    sort: { field: 'total', order: 'DESC' },
    perPage: 1000,
  });

  return (
    <Box>
      <Title title="unidos.people_counts.regions_title" />
      <CountsNote />
      <TopToolbar sx={{ alignItems: 'center' }}>
        <CountsViewSwitch current="regions" />
      </TopToolbar>
      {error ? (
        <Alert severity="warning">{translate('unidos.people_counts.regions_error')}</Alert>
      ) : (
        <Card>
          <ListContextProvider value={list}>
            <DataTable
              rowClick={false}
              bulkActionButtons={false}
              empty={<Box sx={{ p: 2 }}>{translate('unidos.people_counts.no_regions')}</Box>}
            >
              <Column source="regionName" label="resources.people-counts.fields.regionName">
                <RegionNameField />
              </Column>
              <Column
                source="organizations"
                label="resources.people-counts.fields.organizations"
                align="right"
              >
                <NumberField source="organizations" />
              </Column>
              <Column source="total" label="resources.people-counts.fields.total" align="right">
                <NumberField source="total" />
              </Column>
              <Column source="byRole" label="resources.people-counts.fields.byRole" disableSort>
                <CountChips source="byRole" group="personRole" />
              </Column>
              <Column source="byLanguage" label="resources.people-counts.fields.byLanguage" disableSort>
                <CountChips source="byLanguage" group="language" />
              </Column>
            </DataTable>
          </ListContextProvider>
        </Card>
      )}
    </Box>
  );
};
