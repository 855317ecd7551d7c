import type { FC } from 'react';
import {
  DataTable,
  DateInput,
  FilterButton,
  TopToolbar,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  AutocompleteInput,
  SelectInput,
  TextInput,
  useFieldValue,
  useTranslate,
} from 'react-admin';
import type { AuditEventDto } from '@unidos/contracts';
import { CsvExportButton } from '../../common/CsvExportButton';
import { AUDIT_ACTION_CHOICES, AUDIT_ENTITY_CHOICES } from '../../common/choices';
import { EmptyValue, LocalDateField } from '../../common/fields';

const filters = [
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} alwaysOn />,
  <SelectInput key="entityType" source="entityType" choices={AUDIT_ENTITY_CHOICES} />,
  <TextInput key="entityId" source="entityId" />,
  <ReferenceInput
    key="actorUserId"
    source="actorUserId"
    reference="users"
    sort={{ field: 'displayName', order: 'ASC' }}
  >
    <AutocompleteInput optionText="displayName" filterToQuery={(q: string) => (q ? { q } : {})} />
  </ReferenceInput>,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
];

/** `organization.approve` → "Application approved"; an action we have no label for shows as is. */
export const AuditActionField: FC<{ label?: string }> = () => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source: 'action' });
  if (typeof value !== 'string') return <EmptyValue />;
  return <span title={value}>{translate(`unidos.audit.actions.${value}`, { _: value })}</span>;
};

export const AuditEntityTypeField: FC<{ label?: string }> = () => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source: 'entityType' });
  if (typeof value !== 'string') return <EmptyValue />;
  return <span>{translate(`unidos.audit.entities.${value}`, { _: value })}</span>;
};

/** Field names only: the audit log never holds personal values. */
export const ChangedFieldsField: FC<{ label?: string }> = () => {
  const value: unknown = useFieldValue({ source: 'changedFields' });
  const fields = Array.isArray(value) ? value.map(String) : [];
  if (fields.length === 0) return <EmptyValue />;
  return <code style={{ fontSize: '0.8rem', whiteSpace: 'normal' }}>{fields.join(', ')}</code>;
};

const Column = DataTable.Col<AuditEventDto>;

/** Read-only audit log (alliance admins). */
export const AuditEventList = () => (
  <List
    filters={filters}
    sort={{ field: 'at', order: 'DESC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
    actions={
      <TopToolbar>
        <FilterButton />
        <CsvExportButton tooltip="unidos.common.export_recorded" />
      </TopToolbar>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="at">
        <LocalDateField source="at" showTime />
      </Column>
      <Column source="action">
        <AuditActionField />
      </Column>
      <Column source="entityType">
        <AuditEntityTypeField />
      </Column>
      <Column
        source="entityId"
        disableSort
        cellSx={() => ({ fontFamily: 'monospace', fontSize: '0.8rem' })}
      />
      <Column source="actorUserId" disableSort>
        <ReferenceField source="actorUserId" reference="users" emptyText="—" />
      </Column>
      <Column source="changedFields" disableSort>
        <ChangedFieldsField />
      </Column>
    </DataTable>
  </List>
);
