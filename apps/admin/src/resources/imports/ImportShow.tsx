import { Box, Card, CardContent, Stack } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../../common/fields';
import { CreatedByField, ImportKindField, ImportStatusField } from './fields';
import { ImportProgress } from './ImportProgress';
import type { ImportJobDto } from './types';

const ImportTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<ImportJobDto>();
  return <>{record ? translate('unidos.imports.show_title', { name: record.filename }) : ''}</>;
};

const Progress = () => {
  const record = useRecordContext<ImportJobDto>();
  return record ? <ImportProgress id={String(record.id)} /> : null;
};

/** One import: the file, who brought it in and when, and where it stands (live while it runs). */
export const ImportShow = () => (
  <Show title={<ImportTitle />}>
    <Box sx={{ p: 2 }}>
      <Card variant="outlined">
        <CardContent>
          <Progress />
        </CardContent>
      </Card>
    </Box>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="kind">
          <ImportKindField />
        </Labeled>
        <Labeled source="status">
          <ImportStatusField />
        </Labeled>
        <Labeled source="rowCount">
          <TextField source="rowCount" />
        </Labeled>
      </Stack>
      <TextField source="filename" />
      <TextField source="source" emptyText="—" />
      <CreatedByField label="resources.imports.fields.createdBy" />
      <LocalDateField source="createdAt" showTime />
      <LocalDateField source="startedAt" showTime />
      <LocalDateField source="finishedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
