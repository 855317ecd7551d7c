import { Typography } from '@mui/material';
import { ArrayField, DataTable, EmailField, useTranslate } from 'react-admin';
import type { PublicContactDto } from '@unidos/contracts';
import { EnumField, PhoneField } from '../../common/fields';

const Column = DataTable.Col<PublicContactDto>;

/** The organization's coalition-visible contacts (`record.publicContacts`). */
export const PublicContacts = ({
  emptyText = 'unidos.organizations.no_contacts',
}: {
  emptyText?: string;
}) => {
  const translate = useTranslate();
  return (
    <ArrayField source="publicContacts">
      <DataTable
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography color="text.secondary">{translate(emptyText)}</Typography>}
      >
        <Column source="displayName" label="unidos.contacts.displayName" disableSort />
        <Column source="role" label="unidos.contacts.role" disableSort>
          <EnumField source="role" group="personRole" />
        </Column>
        <Column source="email" label="unidos.contacts.email" disableSort>
          <EmailField source="email" emptyText="—" />
        </Column>
        <Column source="phone" label="unidos.contacts.phone" disableSort>
          <PhoneField source="phone" />
        </Column>
        <Column source="preferredLanguage" label="unidos.contacts.preferredLanguage" disableSort>
          <EnumField source="preferredLanguage" group="language" />
        </Column>
      </DataTable>
    </ArrayField>
  );
};
