import { Box, Button, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useCanAccess, useListContext, useTranslate } from 'react-admin';
import { API_URL } from '../../providers/httpClient';

/**
 * Downloads the people of the list's current filter and sort as CSV. The API builds the file
 * (every matching row, not one page) and records the export in the audit log; the tooltip says so.
 */
export const ExportPeopleButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'export', resource: 'people' });
  const list = useListContext();
  if (!canAccess) return null;
  const filterValues = (list.filterValues ?? {}) as Record<string, unknown>;
  const query = new URLSearchParams({
    filter: JSON.stringify(filterValues),
    sort: JSON.stringify([list.sort?.field ?? 'displayName', list.sort?.order ?? 'ASC']),
  });
  const disabled = !list.total;
  return (
    <Tooltip title={translate('unidos.people.export_tooltip')}>
      {/* A span, so the tooltip also explains a disabled button. */}
      <Box component="span" sx={{ display: 'inline-flex' }}>
        <Button
          size="small"
          component="a"
          href={`${API_URL}/people/export.csv?${query.toString()}`}
          download
          startIcon={<DownloadIcon />}
          disabled={disabled}
          aria-description={translate('unidos.people.export_tooltip')}
        >
          {translate('unidos.people.export_csv')}
        </Button>
      </Box>
    </Tooltip>
  );
};
