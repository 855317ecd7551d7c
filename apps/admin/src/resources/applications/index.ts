import HowToRegIcon from '@mui/icons-material/HowToReg';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

/** Membership applications (alliance admins): organizations whose status is `applicant`. */
export default {
  list: ApplicationList,
  create: undefined,
  edit: undefined,
  show: ApplicationShow,
  icon: HowToRegIcon,
  recordRepresentation: 'name',
};
