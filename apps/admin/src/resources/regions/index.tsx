import MapIcon from '@mui/icons-material/Map';
import { Create, Edit } from 'react-admin';
import { RegionForm } from './RegionForm';
import { RegionList } from './RegionList';

const RegionEdit = () => (
  <Edit mutationMode="pessimistic">
    <RegionForm />
  </Edit>
);

const RegionCreate = () => (
  <Create redirect="list">
    <RegionForm />
  </Create>
);

/** The alliance's regions: everyone reads them, alliance admins change them. */
export default {
  list: RegionList,
  create: RegionCreate,
  edit: RegionEdit,
  show: undefined,
  icon: MapIcon,
  recordRepresentation: 'name',
};
