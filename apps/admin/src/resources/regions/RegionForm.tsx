import {
  AutocompleteArrayInput,
  DeleteButton,
  Labeled,
  maxLength,
  NumberField,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import type { RegionDto } from '@unidos/contracts';
import { STATE_CHOICES } from '../../common/choices';

/**
 * Delete asks for confirmation and waits for the API: a region that still has organizations is
 * refused with 409 and the API's message ("move them first") is shown.
 */
const RegionToolbar = () => {
  const record = useRecordContext<RegionDto>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.id ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
};

export const RegionForm = () => {
  const record = useRecordContext<RegionDto>();
  return (
    <SimpleForm toolbar={<RegionToolbar />} warnWhenUnsavedChanges sx={{ maxWidth: 720 }}>
      <TextInput source="name" validate={[required(), maxLength(120)]} />
      <AutocompleteArrayInput source="states" choices={STATE_CHOICES} />
      {record?.id ? (
        <Labeled source="organizationCount">
          <NumberField source="organizationCount" />
        </Labeled>
      ) : null}
    </SimpleForm>
  );
};
