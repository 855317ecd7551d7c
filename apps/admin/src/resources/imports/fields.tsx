import { Chip, type ChipProps, Typography } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';
import { EmptyValue } from '../../common/fields';
import type { ImportStatus } from './types';

const STATUS_COLORS: Record<ImportStatus, ChipProps['color']> = {
  uploaded: 'default',
  queued: 'info',
  running: 'info',
  succeeded: 'success',
  failed: 'error',
};

/** An import's status as a chip; the words carry the meaning, the colour only helps. */
export const ImportStatusField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source: 'status' });
  if (typeof value !== 'string') return <EmptyValue />;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLORS[value as ImportStatus] ?? 'default'}
      label={translate(`unidos.imports.status.${value}`, { _: value })}
    />
  );
};

/** What kind of records an import brought in (People, Organizations, Pledges). */
export const ImportKindField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source: 'kind' });
  if (typeof value !== 'string') return <EmptyValue />;
  return (
    <Typography component="span" variant="body2">
      {translate(`unidos.imports.kinds.${value}`, { _: value })}
    </Typography>
  );
};

/** The name of who started an import: the API may send a name, or a user with a display name. */
export const personName = (value: unknown): string | null => {
  if (typeof value === 'string') return value || null;
  if (value && typeof value === 'object') {
    const named = value as { displayName?: unknown; name?: unknown; email?: unknown };
    for (const candidate of [named.displayName, named.name, named.email]) {
      if (typeof candidate === 'string' && candidate) return candidate;
    }
  }
  return null;
};

export const CreatedByField = ({ source = 'createdBy' }: { source?: string; label?: string }) => {
  const value: unknown = useFieldValue({ source });
  const name = personName(value);
  return name ? (
    <Typography component="span" variant="body2">
      {name}
    </Typography>
  ) : (
    <EmptyValue />
  );
};

/** "12 added · 3 updated · 0 skipped" once an import has run; nothing before. */
export const OutcomeField = (_props: { label?: string }) => {
  const translate = useTranslate();
  const status: unknown = useFieldValue({ source: 'status' });
  const created: unknown = useFieldValue({ source: 'created' });
  const updated: unknown = useFieldValue({ source: 'updated' });
  const skipped: unknown = useFieldValue({ source: 'skipped' });
  if (status !== 'succeeded') return <EmptyValue />;
  return (
    <Typography component="span" variant="body2">
      {translate('unidos.imports.outcome', {
        created: Number(created ?? 0),
        updated: Number(updated ?? 0),
        skipped: Number(skipped ?? 0),
      })}
    </Typography>
  );
};
