import PeopleIcon from '@mui/icons-material/People';
import { Create, Edit, TopToolbar } from 'react-admin';
import { EndSessionsButton } from './EndSessionsButton';
import { UserForm } from './UserForm';
import { UserList } from './UserList';

const UserEditActions = () => (
  <TopToolbar>
    <EndSessionsButton />
  </TopToolbar>
);

const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" actions={<UserEditActions />}>
    <UserForm mode="edit" />
  </Edit>
);

const UserCreate = () => (
  <Create redirect="list">
    <UserForm mode="create" />
  </Create>
);

/** Sign-in accounts (alliance admins only). */
export default {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  show: undefined,
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
};
