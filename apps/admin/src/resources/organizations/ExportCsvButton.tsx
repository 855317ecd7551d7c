import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext, useTranslate } from 'react-admin';
import { API_URL } from '../../providers/httpClient';

/**
 * Downloads the directory as CSV with the list's current filter and sort. The API streams every
 * matching row (react-admin's client-side exporter would stop at the API's 100-row page cap).
 */
export const ExportCsvButton = () => {
  const translate = useTranslate();
  const list = useListContext();
  const { sort, total } = list;
  const filterValues = list.filterValues as Record<string, unknown> | undefined;
  const query = new URLSearchParams({
    filter: JSON.stringify(filterValues ?? {}),
    sort: JSON.stringify([sort?.field ?? 'name', sort?.order ?? 'ASC']),
  });
  return (
    <Button
      size="small"
      component="a"
      href={`${API_URL}/organizations/export.csv?${query.toString()}`}
      download
      startIcon={<DownloadIcon />}
      disabled={total === 0}
    >
      {translate('unidos.organizations.export_csv')}
    </Button>
  );
};
