import BarChartIcon from '@mui/icons-material/BarChart';
import { PeopleCountList } from './PeopleCountList';

export { RegionCounts } from './RegionCounts';

/**
 * What the alliance sees of people: how many each organization keeps, by role and language
 * (`/people-counts`), and per region (`/people-counts/regions`). Never a name.
 */
export default {
  list: PeopleCountList,
  icon: BarChartIcon,
  recordRepresentation: 'organizationName',
};
