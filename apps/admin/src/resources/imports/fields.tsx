import { Chip, type ChipProps, Typography } from '@mui/material';
import { useFieldValue, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { EmptyValue } from '../../common/fields';
import type { ImportJobDto, ImportStatus } from './types';

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

/**
 * Who started an import: their name when the API sends it, "You" for the caller's own imports
 * (coordinators cannot look other users up), else nothing.
 */
export function startedBy(
  record: Pick<ImportJobDto, 'createdBy' | 'createdByName'>,
  myId: unknown,
): { name: string } | 'you' | null {
  if (record.createdByName) return { name: record.createdByName };
  if (record.createdBy && record.createdBy === myId) return 'you';
  return null;
}

export const CreatedByField = (_props: { label?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<ImportJobDto>();
  const { identity } = useGetIdentity();
  const who = record ? startedBy(record, identity?.id) : null;
  if (!who) return <EmptyValue />;
  return (
    <Typography component="span" variant="body2">
      {who === 'you' ? translate('unidos.imports.you') : who.name}
    </Typography>
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
