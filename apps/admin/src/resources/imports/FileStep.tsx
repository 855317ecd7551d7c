import { type DragEvent, useRef, useState } from 'react';
import { Alert, Autocomplete, Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import DescriptionIcon from '@mui/icons-material/Description';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useLocaleState, useTranslate } from 'react-admin';
import { isNotCsv, isTooLarge, MAX_FILE_BYTES } from './file';
import { formatBytes } from './labels';

interface FileStepProps {
  file: File | null;
  source: string;
  /** Sources with a saved mapping for this kind, offered as the person types. */
  savedSources: readonly string[];
  onFile: (file: File | null) => void;
  onSource: (source: string) => void;
}

/**
 * Step 1: the file (dropped on the zone, or picked with the button — the keyboard way) and where it
 * comes from, which names the saved column choices for next time.
 */
export const FileStep = ({ file, source, savedSources, onFile, onSource }: FileStepProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files.item(0);
    if (dropped) onFile(dropped);
  };

  return (
    <Stack spacing={3}>
      <Box
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : 'transparent',
          borderRadius: 2,
          p: { xs: 2, sm: 4 },
          textAlign: 'center',
        }}
      >
        <UploadFileIcon sx={{ fontSize: 48, color: 'text.secondary' }} aria-hidden />
        <Typography sx={{ mb: 1 }}>{translate('unidos.imports.file.drop')}</Typography>
        <Button variant="outlined" onClick={() => input.current?.click()} aria-describedby="import-file-help">
          {translate('unidos.imports.file.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            onFile(event.target.files?.item(0) ?? null);
            // The same file chosen again (after fixing it on disk) must fire a change again.
            event.target.value = '';
          }}
        />
        <Typography id="import-file-help" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('unidos.imports.file.help', { size: formatBytes(MAX_FILE_BYTES, locale) })}
        </Typography>
      </Box>

      {file ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
          <DescriptionIcon color="action" aria-hidden />
          <Typography sx={{ wordBreak: 'break-all' }}>
            {translate('unidos.imports.file.chosen', {
              name: file.name,
              size: formatBytes(file.size, locale),
            })}
          </Typography>
          <IconButton
            size="small"
            onClick={() => onFile(null)}
            aria-label={translate('unidos.imports.file.remove', { name: file.name })}
          >
            <CloseIcon fontSize="small" />
          </IconButton>
        </Stack>
      ) : null}
      {isTooLarge(file) ? (
        <Alert severity="error">
          {translate('unidos.imports.file.too_large', {
            size: formatBytes(file?.size ?? 0, locale),
            limit: formatBytes(MAX_FILE_BYTES, locale),
          })}
        </Alert>
      ) : null}
      {isNotCsv(file) ? <Alert severity="error">{translate('unidos.imports.file.not_csv')}</Alert> : null}

      <Autocomplete
        freeSolo
        options={[...savedSources]}
        inputValue={source}
        onInputChange={(_event, value) => onSource(value)}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('unidos.imports.file.source')}
            helperText={translate('unidos.imports.file.source_help')}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, maxLength: 120 } }}
          />
        )}
        sx={{ maxWidth: 520 }}
      />
    </Stack>
  );
};
