import { useEffect } from 'react';
import { Alert, AlertTitle, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { LinkBase, useGetOne, useTranslate } from 'react-admin';
import { importPath } from './ImportButton';
import { isFinished, progressPercent } from './preview';
import type { ImportJobDto } from './types';

/** How often the page asks how far the import is. */
const POLL_MS = 1000;

/** The list a finished import adds to, to go and see the result. */
const LIST_PATH = { people: '/people', organizations: '/organizations', pledges: '/pledges' } as const;

/**
 * Where an import stands, asked again every second (`GET /api/imports/:id`) until it succeeds
 * (counts, links to the records and to the history) or fails (why; nothing was imported).
 */
export const ImportProgress = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { data: job, error } = useGetOne<ImportJobDto>(
    'imports',
    { id },
    {
      refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : POLL_MS),
      refetchIntervalInBackground: true,
    },
  );

  const finished = job?.status === 'succeeded';
  const kind = job?.kind;
  useEffect(() => {
    // The list of what was imported must show the new records at once, not from the cache.
    if (finished && kind) void queryClient.invalidateQueries({ queryKey: [kind] });
  }, [finished, kind, queryClient]);

  if (error && !job) {
    return <Alert severity="error">{translate('unidos.imports.progress.load_error')}</Alert>;
  }
  if (!job) return <LinearProgress aria-label={translate('unidos.imports.progress.label')} />;

  if (job.status === 'succeeded') {
    return (
      <Stack spacing={2}>
        <Alert severity="success" role="status">
          <AlertTitle>{translate('unidos.imports.progress.done_title')}</AlertTitle>
          {translate('unidos.imports.progress.done', {
            created: job.created,
            updated: job.updated,
            skipped: job.skipped,
          })}
        </Alert>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <Button variant="contained" component={LinkBase} to={LIST_PATH[job.kind]}>
            {translate(`unidos.imports.progress.see_${job.kind}`)}
          </Button>
          <Button component={LinkBase} to="/imports">
            {translate('unidos.imports.see_history')}
          </Button>
        </Stack>
      </Stack>
    );
  }

  if (job.status === 'failed') {
    return (
      <Stack spacing={2}>
        <Alert severity="error" role="alert">
          <AlertTitle>{translate('unidos.imports.progress.failed_title')}</AlertTitle>
          <Typography variant="body2">{translate('unidos.imports.progress.nothing_imported')}</Typography>
          {job.error ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('unidos.imports.progress.reason', { reason: job.error })}
            </Typography>
          ) : null}
        </Alert>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <Button variant="contained" component={LinkBase} to={importPath(job.kind)}>
            {translate('unidos.imports.progress.start_over')}
          </Button>
          <Button component={LinkBase} to="/imports">
            {translate('unidos.imports.see_history')}
          </Button>
        </Stack>
      </Stack>
    );
  }

  if (job.status === 'uploaded') {
    return (
      <Stack spacing={2}>
        <Alert severity="info">{translate('unidos.imports.progress.never_run')}</Alert>
        <Box>
          <Button variant="contained" component={LinkBase} to={importPath(job.kind)}>
            {translate('unidos.imports.progress.start_over')}
          </Button>
        </Box>
      </Stack>
    );
  }

  const waiting = job.status !== 'running';
  const percent = progressPercent(job);
  // The job reads and checks the rows (counted), then writes them all in one go: say so, not "100%".
  const saving = !waiting && job.rowCount > 0 && job.processed >= job.rowCount;
  return (
    <Box>
      <LinearProgress
        variant={waiting || saving ? 'indeterminate' : 'determinate'}
        value={percent}
        aria-label={translate('unidos.imports.progress.label')}
        sx={{ height: 10, borderRadius: 5, mb: 1 }}
      />
      <Typography role="status" aria-live="polite">
        {waiting
          ? translate('unidos.imports.progress.waiting')
          : saving
            ? translate('unidos.imports.progress.saving', { total: job.rowCount.toLocaleString() })
            : translate('unidos.imports.progress.running', {
                processed: job.processed.toLocaleString(),
                total: job.rowCount.toLocaleString(),
                percent,
              })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('unidos.imports.progress.may_leave')}
      </Typography>
    </Box>
  );
};
