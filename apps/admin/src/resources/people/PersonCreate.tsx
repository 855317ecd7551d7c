import { Create, Edit, ShowButton, TopToolbar } from 'react-admin';
import { PersonForm } from './PersonForm';

export const PersonCreate = () => (
  <Create redirect="show">
    <PersonForm mode="create" />
  </Create>
);

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic: a stale version (409) is shown and the form keeps what was typed. */
export const PersonEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<EditActions />}>
    <PersonForm mode="edit" />
  </Edit>
);
