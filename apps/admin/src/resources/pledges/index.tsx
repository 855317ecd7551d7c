import HandshakeIcon from '@mui/icons-material/Handshake';
import { PledgeCreate, PledgeEdit } from './PledgeCreate';
import { PledgeList } from './PledgeList';
import { PledgeShow } from './PledgeShow';
import { PledgeTitle } from './PledgeTitle';

/** Organizations' pledges to campaigns, and their progress reports. */
export default {
  list: PledgeList,
  create: PledgeCreate,
  edit: PledgeEdit,
  show: PledgeShow,
  icon: HandshakeIcon,
  recordRepresentation: <PledgeTitle />,
};
