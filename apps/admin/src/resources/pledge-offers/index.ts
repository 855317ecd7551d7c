import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { PledgeOfferList } from './PledgeOfferList';
import { PledgeOfferShow } from './PledgeOfferShow';

/** Commitments offered on campaigns' public forms, reviewed by the alliance. */
export default {
  list: PledgeOfferList,
  show: PledgeOfferShow,
  icon: VolunteerActivismIcon,
  recordRepresentation: 'organizationName',
};
