import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import { DeleteButton, useRecordContext } from 'react-admin';
import type { PersonDto } from '@unidos/contracts';

/**
 * Erasure, not a soft delete: a confirmation says the person's data goes everywhere and cannot come
 * back. Pessimistic, so nothing is shown as erased before the API has erased it.
 */
export const EraseButton = () => {
  const record = useRecordContext<PersonDto>();
  if (!record) return null;
  return (
    <DeleteButton
      label="unidos.people.erase"
      icon={<DeleteForeverIcon />}
      mutationMode="pessimistic"
      confirmTitle="unidos.people.erase_title"
      confirmContent="unidos.people.erase_content"
      confirmColor="warning"
      titleTranslateOptions={{ name: record.displayName }}
      successMessage="unidos.people.erased"
      redirect="list"
    />
  );
};
