import { Box, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { usePermissions, useTranslate } from 'react-admin';
import { importKindsFor } from '../../providers/importPermissions';
import { ImportButton } from './ImportButton';

/** No import yet: says what importing is for and offers to start one. */
export const ImportsEmpty = () => {
  const translate = useTranslate();
  const kinds = importKindsFor(usePermissions().permissions);
  return (
    <Box sx={{ textAlign: 'center', mt: 6, mx: 'auto', maxWidth: 520 }}>
      <UploadFileIcon sx={{ fontSize: 72, color: 'text.disabled' }} aria-hidden />
      <Typography component="h2" variant="h6" gutterBottom>
        {translate('unidos.imports.empty_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate(
          kinds.includes('people') ? 'unidos.imports.empty_body_people' : 'unidos.imports.empty_body',
        )}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'center', flexWrap: 'wrap' }}>
        {kinds.map((kind) => (
          <ImportButton key={kind} kind={kind} variant="contained" labelled />
        ))}
      </Stack>
    </Box>
  );
};
