import { Grid, Stack, Typography } from '@mui/material';
import {
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { AuditEventDto } from '@unidos/contracts';
import { LocalDateField } from '../../common/fields';
import { Section } from '../../common/Section';
import { AuditActionField, AuditEntityTypeField, ChangedFieldsField } from './AuditEventList';

const Json = ({ value }: { value: Record<string, unknown> | null }) => {
  const translate = useTranslate();
  if (!value) return <Typography color="text.secondary">{translate('unidos.audit.nothing')}</Typography>;
  return (
    <Typography
      component="pre"
      sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, overflowX: 'auto', fontSize: '0.8rem' }}
    >
      {JSON.stringify(value, null, 2)}
    </Typography>
  );
};

const AuditEventDetails = () => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventDto>();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <SimpleShowLayout sx={{ p: 0 }}>
        <LocalDateField source="at" showTime />
        <AuditActionField label="resources.audit-events.fields.action" />
        <AuditEntityTypeField label="resources.audit-events.fields.entityType" />
        <TextField source="entityId" emptyText="—" />
        <ReferenceField source="actorUserId" reference="users" emptyText="—" />
        <ReferenceField source="actorOrgId" reference="organizations" emptyText="—" />
        <ChangedFieldsField label="resources.audit-events.fields.changedFields" />
        <TextField source="requestId" emptyText="—" />
      </SimpleShowLayout>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={translate('unidos.audit.before')}>
            <Json value={record.before} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={translate('unidos.audit.after')}>
            <Json value={record.after} />
          </Section>
        </Grid>
      </Grid>
      <Typography variant="body2" color="text.secondary">
        {translate('unidos.audit.personal_note')}
      </Typography>
    </Stack>
  );
};

export const AuditEventShow = () => (
  <Show>
    <AuditEventDetails />
  </Show>
);
