import { type ReactNode, useId, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import TableChartIcon from '@mui/icons-material/TableChart';
import { useTranslate } from 'react-admin';
import { DashCard, focusRing, Muted } from '../parts';

export type ChartStatus = 'loading' | 'error' | 'empty' | 'ready';

/**
 * A chart in a card: a picker (optional), the chart as one image whose name describes it (screen
 * readers get the numbers from the table, not from the drawing), a caption, a "Show as table"
 * toggle with the same numbers, and a link to download them as CSV.
 */
export const ChartCard = ({
  title,
  caption,
  summary,
  csvHref,
  status,
  picker,
  chart,
  table,
  testId,
}: {
  title: string;
  caption: string;
  /** Said after the caption by screen readers (e.g. the latest value). */
  summary?: string;
  csvHref?: string;
  status: ChartStatus;
  picker?: ReactNode;
  chart: () => ReactNode;
  table: () => ReactNode;
  testId: string;
}) => {
  const translate = useTranslate();
  const captionId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const ready = status === 'ready';
  return (
    <DashCard
      title={title}
      testId={testId}
      action={
        csvHref ? (
          <Button
            component="a"
            href={csvHref}
            download
            size="small"
            startIcon={<DownloadIcon />}
            aria-label={translate('unidos.dashboard.charts.download_csv_of', { title })}
            sx={focusRing}
          >
            {translate('unidos.dashboard.charts.download_csv')}
          </Button>
        ) : undefined
      }
    >
      {picker}
      {status === 'loading' ? (
        <Box sx={{ height: 260, display: 'grid', placeItems: 'center' }}>
          <Muted>{translate('unidos.dashboard.charts.loading')}</Muted>
        </Box>
      ) : status === 'error' ? (
        <Typography role="alert" color="error" variant="body2">
          {translate('unidos.dashboard.charts.error')}
        </Typography>
      ) : status === 'empty' ? (
        <Muted>{translate('unidos.dashboard.charts.no_data')}</Muted>
      ) : (
        <Box component="figure" aria-labelledby={captionId} sx={{ m: 0 }}>
          <Box role="img" aria-label={summary ? `${caption} ${summary}` : caption} sx={{ width: '100%' }}>
            {chart()}
          </Box>
          <Typography id={captionId} component="figcaption" variant="caption" color="text.secondary">
            {caption}
          </Typography>
        </Box>
      )}
      {ready ? (
        <Stack sx={{ mt: 1, alignItems: 'flex-start' }}>
          <Button
            size="small"
            startIcon={<TableChartIcon />}
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((shown) => !shown)}
            sx={focusRing}
          >
            {translate(
              showTable ? 'unidos.dashboard.charts.hide_table' : 'unidos.dashboard.charts.show_table',
            )}
          </Button>
          <Box id={tableId} hidden={!showTable} sx={{ width: '100%', overflowX: 'auto' }}>
            {showTable ? table() : null}
          </Box>
        </Stack>
      ) : null}
    </DashCard>
  );
};
