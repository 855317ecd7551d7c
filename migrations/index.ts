import { Initial1795239066881 } from './1795239066881-initial';
import { PeopleAndPrivacy1795239756627 } from './1795239756627-people-and-privacy';
import { CampaignsAndPledges1795240098281 } from './1795240098281-campaigns-and-pledges';
import { JointEvents1795241465679 } from './1795241465679-joint-events';
import { CampaignProgressRollup1795300000000 } from './1795300000000-campaign-progress-rollup';
import { CsvImports1795310000000 } from './1795310000000-csv-imports';
import { ListIndexes1795320000000 } from './1795320000000-list-indexes';

/** Every migration, in order. Listed explicitly: a bundled app finds nothing through globs. Never edit one that has landed. */
export const MIGRATIONS: (new () => object)[] = [Initial1795239066881, PeopleAndPrivacy1795239756627, CampaignsAndPledges1795240098281, JointEvents1795241465679, CampaignProgressRollup1795300000000, CsvImports1795310000000, ListIndexes1795320000000];
