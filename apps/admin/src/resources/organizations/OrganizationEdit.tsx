import { Edit, ShowButton, TopToolbar } from 'react-admin';
import { OrganizationForm } from './OrganizationForm';

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/**
 * Pessimistic: the page waits for the API, so a 409 (someone saved meanwhile) is shown and the
 * form keeps what the user typed; nothing is overwritten and nothing is silently lost.
 */
export const OrganizationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<EditActions />}>
    <OrganizationForm mode="edit" />
  </Edit>
);
