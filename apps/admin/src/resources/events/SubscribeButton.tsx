import { useId, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import RssFeedIcon from '@mui/icons-material/RssFeed';
import { useQuery } from '@tanstack/react-query';
import { Loading, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { UnidosDataProvider } from '../../providers/dataProvider';

/** A read-only feed address with a copy button. */
const FeedUrl = ({ label, url }: { label: string; url: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('unidos.feeds.copied', { type: 'info' });
    } catch {
      notify('unidos.feeds.copy_failed', { type: 'warning' });
    }
  };
  const copyLabel = translate('unidos.feeds.copy', { feed: label });
  return (
    <TextField
      size="small"
      fullWidth
      value={url}
      label={label}
      slotProps={{
        htmlInput: {
          readOnly: true,
          onFocus: (event: React.FocusEvent<HTMLInputElement>) => event.target.select(),
        },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={copyLabel}>
                <IconButton aria-label={copyLabel} onClick={() => void copy()} edge="end">
                  <ContentCopyIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
    />
  );
};

const Feeds = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const { data, isPending, isError } = useQuery({
    queryKey: ['events', 'calendarFeeds'],
    queryFn: () => dataProvider.getCalendarFeeds(),
  });
  if (isPending) return <Loading />;
  if (isError || !data) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <Typography variant="body2">{translate('unidos.feeds.intro')}</Typography>
      <FeedUrl label={translate('unidos.feeds.coalition')} url={data.coalition} />
      {data.organization ? (
        <FeedUrl label={translate('unidos.feeds.organization')} url={data.organization} />
      ) : null}
      <Alert severity="warning" variant="outlined">
        {translate('unidos.feeds.warning')}
      </Alert>
    </Stack>
  );
};

/**
 * "Subscribe": the coalition's calendar feed (and the caller's organization's) to paste into a
 * calendar app. The addresses are capabilities: anyone with one sees the event list, never names.
 */
export const SubscribeButton = () => {
  const translate = useTranslate();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<RssFeedIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.feeds.subscribe')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate('unidos.feeds.title')}</DialogTitle>
        <DialogContent>{open ? <Feeds /> : null}</DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
