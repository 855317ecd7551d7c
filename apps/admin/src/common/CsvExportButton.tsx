import { Box, Button, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useCanAccess, useListContext, useResourceContext, useTranslate } from 'react-admin';
import { API_URL } from '../providers/httpClient';
import { csvExportUrl } from './csvExport';

/**
 * Downloads a list as CSV (`GET /api/<resource>/export.csv`) with its current filter and sort. The API streams every matching row
 * from a database cursor (react-admin's client-side exporter would fetch every page into the
 * browser first, and stop at the API's 100-row page cap). Shown to those who may export the
 * resource; `tooltip` says what happens (e.g. that the export is recorded).
 */
export const CsvExportButton = ({
  tooltip,
  filter,
}: {
  tooltip?: string;
  /** Added to the list's filter (a reference list's target, e.g. `{ eventId }`). */
  filter?: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ action: 'export', resource });
  const list = useListContext();
  if (!canAccess) return null;
  const href = csvExportUrl(
    `${API_URL}/${resource}/export.csv`,
    { ...(list.filterValues as Record<string, unknown> | undefined), ...filter },
    list.sort,
  );
  const button = (
    <Button
      size="small"
      component="a"
      href={href}
      download
      startIcon={<DownloadIcon />}
      disabled={!list.total}
      aria-description={tooltip ? translate(tooltip) : undefined}
    >
      {translate('unidos.common.export_csv')}
    </Button>
  );
  if (!tooltip) return button;
  return (
    <Tooltip title={translate(tooltip)}>
      {/* A span, so the tooltip also explains a disabled button. */}
      <Box component="span" sx={{ display: 'inline-flex' }}>
        {button}
      </Box>
    </Tooltip>
  );
};
