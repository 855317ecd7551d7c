import CampaignIcon from '@mui/icons-material/Campaign';
import { CampaignCreate, CampaignEdit } from './CampaignCreate';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

/** The alliance's shared campaigns: demands, goals, progress and endorsements. */
export default {
  list: CampaignList,
  create: CampaignCreate,
  edit: CampaignEdit,
  show: CampaignShow,
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
