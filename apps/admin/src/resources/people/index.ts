import ContactsIcon from '@mui/icons-material/Contacts';
import { PersonCreate, PersonEdit } from './PersonCreate';
import { PersonList } from './PersonList';
import { PersonShow } from './PersonShow';

/**
 * People an organization keeps (organization-private). Alliance roles get only the organizations'
 * public contacts from the API, so the menu calls it "Public contacts" for them (see Layout).
 */
export default {
  list: PersonList,
  create: PersonCreate,
  edit: PersonEdit,
  show: PersonShow,
  icon: ContactsIcon,
  recordRepresentation: 'displayName',
};
