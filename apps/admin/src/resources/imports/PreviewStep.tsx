import { useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFieldLabel } from './labels';
import { headerFor } from './mapping';
import { errorsPage, firstBadRows, moreProblemsThanListed } from './preview';
import type { ColumnMapping, ImportFieldDto, ImportKind, ImportPreviewDto, OnDuplicate } from './types';

const PER_PAGE = 10;

/**
 * A bordered table that scrolls sideways inside the card on a phone: `width: 0` keeps its columns
 * from widening the whole page, `minWidth: 100%` gives it the card's width back.
 */
export const TABLE_BOX = {
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  width: 0,
  minWidth: '100%',
  overflowX: 'auto',
} as const;

interface PreviewStepProps {
  kind: ImportKind;
  preview: ImportPreviewDto;
  mapping: ColumnMapping;
  fields: readonly ImportFieldDto[];
  onDuplicate: OnDuplicate;
  onFixFile: () => void;
  onChangeColumns: () => void;
}

/** One figure of the summary ("Will be added: 12"), as a term and its value for screen readers. */
const Figure = ({ label, value, tone }: { label: string; value: number; tone?: 'error' }) => (
  <Box
    sx={{
      border: 1,
      borderColor: tone === 'error' && value > 0 ? 'error.main' : 'divider',
      borderRadius: 1,
      p: 1.5,
      minWidth: 130,
      flex: '1 1 130px',
    }}
  >
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography
      component="dd"
      variant="h5"
      sx={{ m: 0, fontWeight: 600, color: tone === 'error' && value > 0 ? 'error.main' : 'text.primary' }}
    >
      {value.toLocaleString()}
    </Typography>
  </Box>
);

/**
 * Step 3: what the import would do, before it does anything. Rows with a problem are listed with
 * their row number, the column and why; while any is left the file cannot be imported (all or
 * nothing), and the page says how to fix it.
 */
export const PreviewStep = ({
  kind,
  preview,
  mapping,
  fields,
  onDuplicate,
  onFixFile,
  onChangeColumns,
}: PreviewStepProps) => {
  const translate = useTranslate();
  const label = useFieldLabel(kind, fields);
  const [page, setPage] = useState(0);
  const shown = errorsPage(preview.errors, page, PER_PAGE);
  // The API echoes a value only where it is not personal data (a language code, a role…).
  const withValues = preview.errors.some((problem) => problem.value);
  const badRows = new Set(preview.errors.map((problem) => problem.row));
  const mappedFields = Object.values(mapping).filter((field): field is string => field !== null);
  const sampleFields = fields.map((field) => field.name).filter((name) => mappedFields.includes(name));
  const columnOf = (field: string) => {
    const header = headerFor(mapping, field);
    return header && header !== label(field)
      ? translate('unidos.imports.preview.field_and_column', { field: label(field), column: header })
      : label(field);
  };

  return (
    <Stack spacing={3}>
      <Box
        component="dl"
        aria-label={translate('unidos.imports.preview.summary')}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, m: 0 }}
      >
        <Figure label={translate('unidos.imports.preview.will_create')} value={preview.willCreate} />
        <Figure label={translate('unidos.imports.preview.will_update')} value={preview.willUpdate} />
        <Figure label={translate('unidos.imports.preview.will_skip')} value={preview.willSkip} />
        <Figure label={translate('unidos.imports.preview.invalid')} value={preview.invalid} tone="error" />
      </Box>
      {preview.duplicates > 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`unidos.imports.preview.duplicates_${onDuplicate}`, { smart_count: preview.duplicates })}
        </Typography>
      ) : null}

      {preview.invalid > 0 ? (
        <Alert severity="error">
          <AlertTitle>
            {translate('unidos.imports.preview.invalid_title', { smart_count: preview.invalid })}
          </AlertTitle>
          {translate('unidos.imports.preview.invalid_body', {
            rows: firstBadRows(preview.errors).join(', '),
          })}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1.5 }}>
            <Button color="inherit" size="small" variant="outlined" onClick={onFixFile}>
              {translate('unidos.imports.preview.fix_file')}
            </Button>
            <Button color="inherit" size="small" onClick={onChangeColumns}>
              {translate('unidos.imports.preview.change_columns')}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      {preview.errors.length > 0 ? (
        <Box component="section" aria-labelledby="import-problems">
          <Typography id="import-problems" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('unidos.imports.preview.problems_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('unidos.imports.preview.row_hint')}
          </Typography>
          <TableContainer sx={TABLE_BOX}>
            <Table size="small" aria-labelledby="import-problems">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('unidos.imports.preview.row')}</TableCell>
                  <TableCell>{translate('unidos.imports.preview.column')}</TableCell>
                  <TableCell>{translate('unidos.imports.preview.problem')}</TableCell>
                  {withValues ? (
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                      {translate('unidos.imports.preview.value')}
                    </TableCell>
                  ) : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((problem, index) => (
                  <TableRow key={`${problem.row}-${problem.field}-${index}`}>
                    <TableCell component="th" scope="row">
                      {problem.row}
                    </TableCell>
                    <TableCell>{columnOf(problem.field)}</TableCell>
                    <TableCell>{problem.reason}</TableCell>
                    {withValues ? (
                      <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' }, wordBreak: 'break-word' }}>
                        {problem.value ?? ''}
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {preview.errors.length > PER_PAGE ? (
            <TablePagination
              component="div"
              count={preview.errors.length}
              page={page}
              onPageChange={(_event, next) => setPage(next)}
              rowsPerPage={PER_PAGE}
              rowsPerPageOptions={[PER_PAGE]}
              labelDisplayedRows={({ from, to, count }) =>
                translate('unidos.imports.preview.page_of', { from, to, count })
              }
              getItemAriaLabel={(type) => translate(`unidos.imports.preview.page_${type}`)}
            />
          ) : null}
          {moreProblemsThanListed(preview) ? (
            <Typography variant="body2" color="text.secondary">
              {translate('unidos.imports.preview.more_problems', { smart_count: preview.errors.length })}
            </Typography>
          ) : null}
        </Box>
      ) : null}

      {preview.sample.length > 0 && sampleFields.length > 0 ? (
        <Box component="section" aria-labelledby="import-sample">
          <Typography id="import-sample" component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('unidos.imports.preview.sample_title')}
          </Typography>
          <TableContainer sx={TABLE_BOX}>
            <Table size="small" aria-labelledby="import-sample">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('unidos.imports.preview.row')}</TableCell>
                  <TableCell>{translate('unidos.imports.preview.outcome')}</TableCell>
                  {sampleFields.map((field) => (
                    <TableCell key={field}>{label(field)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.sample.map((row) => (
                  <TableRow key={row.row}>
                    <TableCell component="th" scope="row">
                      {row.row}
                    </TableCell>
                    <TableCell
                      sx={{
                        whiteSpace: 'nowrap',
                        ...(badRows.has(row.row) ? { color: 'error.main', fontWeight: 500 } : {}),
                      }}
                    >
                      {translate(
                        badRows.has(row.row)
                          ? 'unidos.imports.preview.outcome_invalid'
                          : row.duplicateOf
                            ? `unidos.imports.preview.outcome_${onDuplicate}`
                            : 'unidos.imports.preview.outcome_new',
                      )}
                    </TableCell>
                    {sampleFields.map((field) => (
                      <TableCell key={field} sx={{ whiteSpace: 'nowrap' }}>
                        {displayValue(row.values[field], translate)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      ) : null}
    </Stack>
  );
};

/** A value as the import read it: lists joined, yes/no for booleans, nothing for empty. */
function displayValue(value: unknown, translate: (key: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}
