import {
  Alert,
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFieldLabel } from './labels';
import { TABLE_BOX } from './PreviewStep';
import { mappingRows, orderedFields, withTarget, type MappingProblems } from './mapping';
import type { ColumnMapping, ImportFieldDto, ImportKind, OnDuplicate, UploadedImportDto } from './types';

interface MappingStepProps {
  kind: ImportKind;
  upload: UploadedImportDto;
  fields: readonly ImportFieldDto[];
  mapping: ColumnMapping;
  problems: MappingProblems;
  onMapping: (mapping: ColumnMapping) => void;
  onDuplicate: OnDuplicate;
  setOnDuplicate: (value: OnDuplicate) => void;
  saveMapping: boolean;
  setSaveMapping: (value: boolean) => void;
  /** The choices came from a mapping saved for this source (not guessed from the names). */
  fromSaved: boolean;
}

/** A stable id for a header's select (headers may hold spaces and accents). */
const selectId = (index: number) => `import-column-${index}`;

/**
 * Step 2: which field each column of the file fills (required fields marked, "Leave out" ignores
 * the column), what to do with rows that match a record Unidos already has, and whether to keep
 * these choices for the next file from the same source.
 */
export const MappingStep = ({
  kind,
  upload,
  fields,
  mapping,
  problems,
  onMapping,
  onDuplicate,
  setOnDuplicate,
  saveMapping,
  setSaveMapping,
  fromSaved,
}: MappingStepProps) => {
  const translate = useTranslate();
  const label = useFieldLabel(kind, fields);
  const rows = mappingRows(upload, mapping);
  const options = orderedFields(fields);
  const required = options.filter((field) => field.required).map((field) => label(field.name));
  const source = upload.source ?? '';

  return (
    <Stack spacing={3}>
      <Typography>
        {translate('unidos.imports.mapping.intro', { name: upload.filename, smart_count: upload.rowCount })}
      </Typography>
      {fromSaved ? (
        <Alert severity="info">{translate('unidos.imports.mapping.from_saved', { source })}</Alert>
      ) : null}
      <Typography variant="body2" color="text.secondary">
        {translate('unidos.imports.mapping.required', { fields: required.join(', ') })}
      </Typography>

      <TableContainer sx={TABLE_BOX}>
        <Table size="small" aria-label={translate('unidos.imports.mapping.table')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('unidos.imports.mapping.column')}</TableCell>
              <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                {translate('unidos.imports.mapping.example')}
              </TableCell>
              <TableCell>{translate('unidos.imports.mapping.target')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => {
              const twice = row.target !== null && (problems.duplicateTargets[row.target]?.length ?? 0) > 1;
              const example = row.example || translate('unidos.imports.mapping.no_example');
              return (
                <TableRow key={row.header}>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 500, wordBreak: 'break-word' }}>
                    {row.header}
                    {/* On a phone the example sits under the column name instead of in its own column. */}
                    <Typography
                      variant="body2"
                      color="text.secondary"
                      sx={{ display: { xs: 'block', sm: 'none' }, wordBreak: 'break-word' }}
                    >
                      {translate('unidos.imports.mapping.example_inline', { value: example })}
                    </Typography>
                  </TableCell>
                  <TableCell
                    sx={{
                      display: { xs: 'none', sm: 'table-cell' },
                      color: row.example ? 'text.primary' : 'text.secondary',
                      maxWidth: 260,
                      wordBreak: 'break-word',
                    }}
                  >
                    {example}
                  </TableCell>
                  <TableCell sx={{ minWidth: 180 }}>
                    <TextField
                      select
                      size="small"
                      variant="outlined"
                      fullWidth
                      id={selectId(index)}
                      value={row.target ?? ''}
                      onChange={(event) => onMapping(withTarget(mapping, row.header, event.target.value))}
                      slotProps={{
                        select: { native: true },
                        htmlInput: {
                          'aria-label': translate('unidos.imports.mapping.target_for', {
                            column: row.header,
                          }),
                        },
                      }}
                      error={twice}
                      helperText={
                        twice && row.target
                          ? translate('unidos.imports.mapping.twice', { field: label(row.target) })
                          : undefined
                      }
                    >
                      <option value="">{translate('unidos.imports.mapping.ignore')}</option>
                      {options.map((field) => (
                        <option key={field.name} value={field.name}>
                          {field.required
                            ? translate('unidos.imports.mapping.required_option', {
                                field: label(field.name),
                              })
                            : label(field.name)}
                        </option>
                      ))}
                    </TextField>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>

      {problems.missingRequired.length > 0 ? (
        <Alert severity="warning" role="status">
          {translate('unidos.imports.mapping.missing', {
            fields: problems.missingRequired.map(label).join(', '),
          })}
        </Alert>
      ) : null}

      <FormControl>
        <FormLabel id="import-duplicates">
          {translate(`unidos.imports.duplicates.question.${kind}`)}
        </FormLabel>
        <RadioGroup
          aria-labelledby="import-duplicates"
          value={onDuplicate}
          onChange={(event) => setOnDuplicate(event.target.value === 'skip' ? 'skip' : 'update')}
        >
          <FormControlLabel
            value="update"
            control={<Radio />}
            label={translate('unidos.imports.duplicates.update')}
          />
          <FormControlLabel
            value="skip"
            control={<Radio />}
            label={translate('unidos.imports.duplicates.skip')}
          />
        </RadioGroup>
      </FormControl>

      <Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={saveMapping && source !== ''}
              disabled={source === ''}
              onChange={(event) => setSaveMapping(event.target.checked)}
            />
          }
          label={
            source === ''
              ? translate('unidos.imports.mapping.save_no_source_label')
              : translate('unidos.imports.mapping.save', { source })
          }
        />
        {source === '' ? (
          <FormHelperText sx={{ ml: 4 }}>{translate('unidos.imports.mapping.save_no_source')}</FormHelperText>
        ) : null}
      </Box>
    </Stack>
  );
};
