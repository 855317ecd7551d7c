import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext, useTranslate } from 'react-admin';
import { API_URL } from '../../providers/httpClient';

/**
 * Downloads a list as CSV with its current filter and sort: the API streams every matching row
 * (react-admin's client-side exporter would stop at the 100-row page cap).
 */
export const CsvExportButton = ({
  path,
  defaultSort,
}: {
  path: string;
  defaultSort: [string, 'ASC' | 'DESC'];
}) => {
  const translate = useTranslate();
  const list = useListContext();
  const { sort, total } = list;
  const filterValues = list.filterValues as Record<string, unknown> | undefined;
  const query = new URLSearchParams({
    filter: JSON.stringify(filterValues ?? {}),
    sort: JSON.stringify(sort?.field && sort.field !== 'id' ? [sort.field, sort.order] : defaultSort),
  });
  return (
    <Button
      size="small"
      component="a"
      href={`${API_URL}/${path}?${query.toString()}`}
      download
      startIcon={<DownloadIcon />}
      disabled={total === 0}
    >
      {translate('unidos.campaigns.export_csv')}
    </Button>
  );
};
