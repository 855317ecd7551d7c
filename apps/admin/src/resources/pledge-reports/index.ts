import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { PledgeReportList } from './PledgeReportList';

/** Progress reports of all pledges: a read-only, filterable list with a CSV export. */
export default {
  list: PledgeReportList,
  icon: AssignmentTurnedInIcon,
};
