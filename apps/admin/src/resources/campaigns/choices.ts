import {
  CAMPAIGN_STATUSES,
  DEMAND_STATUSES,
  ENDORSEMENT_ROLES,
  PLEDGE_METRICS,
  PLEDGE_OFFER_STATUSES,
  PLEDGE_STATUSES,
} from '@unidos/contracts';
import type { Choice } from '../../common/choices';

/** Translation-key groups of the campaign and pledge enums (`enums.<group>.<value>`, in `i18n/campaigns.*.ts`). */
export type CampaignEnumGroup =
  | 'campaignStatus'
  | 'demandStatus'
  | 'endorsementRole'
  | 'pledgeMetric'
  | 'pledgeStatus'
  | 'pledgeOfferStatus';

export const campaignEnumKey = (group: CampaignEnumGroup, value: string) => `enums.${group}.${value}`;

export const campaignChoices = (group: CampaignEnumGroup, values: readonly string[]): Choice[] =>
  values.map((id) => ({ id, name: campaignEnumKey(group, id) }));

/** Lower-case unit of a metric inside a sentence ("200 of 500 calls"). */
export const metricUnitKey = (metric: string) => `unidos.metric_units.${metric}`;

export const CAMPAIGN_STATUS_CHOICES = campaignChoices('campaignStatus', CAMPAIGN_STATUSES);
export const DEMAND_STATUS_CHOICES = campaignChoices('demandStatus', DEMAND_STATUSES);
export const ENDORSEMENT_ROLE_CHOICES = campaignChoices('endorsementRole', ENDORSEMENT_ROLES);
export const PLEDGE_METRIC_CHOICES = campaignChoices('pledgeMetric', PLEDGE_METRICS);
export const PLEDGE_STATUS_CHOICES = campaignChoices('pledgeStatus', PLEDGE_STATUSES);
export const PLEDGE_OFFER_STATUS_CHOICES = campaignChoices('pledgeOfferStatus', PLEDGE_OFFER_STATUSES);
