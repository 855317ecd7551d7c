import { Box, Chip } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';
import { enumKey, type EnumGroup } from '../../common/choices';
import { EmptyValue } from '../../common/fields';

/** `{member: 12, delegate: 3}` as compact chips ("Member 12", "Delegate 3"), largest first. */
export const CountChips = ({ source, group }: { source: string; group: EnumGroup; label?: string }) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source });
  const entries =
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
          .map(([key, count]) => [key, Number(count)] as const)
          .filter(([, count]) => count > 0)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      : [];
  if (entries.length === 0) return <EmptyValue />;
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, m: 0, p: 0, listStyle: 'none' }}>
      {entries.map(([key, count]) => (
        <li key={key}>
          <Chip
            size="small"
            variant="outlined"
            label={`${translate(enumKey(group, key), { _: key })} ${count.toLocaleString()}`}
          />
        </li>
      ))}
    </Box>
  );
};
