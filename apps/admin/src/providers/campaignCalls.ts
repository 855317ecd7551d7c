import type {
  CampaignProgressDto,
  DemandDto,
  PledgeOfferDto,
  PledgeOfferRequest,
  PublicCampaignDto,
} from '@unidos/contracts';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient, postJson } from './httpClient';

/** Answer of `POST /api/public/campaigns/:slug/pledges`. */
export interface PledgeOfferReceipt {
  id: string;
  status: 'pending';
}

/** Campaign and pledge calls beyond CRUD, spread into the data provider. */
export interface CampaignCalls {
  getCampaignProgress: (campaignId: Identifier) => Promise<CampaignProgressDto>;
  /** Every demand id of the campaign, in the new order. */
  reorderDemands: (campaignId: Identifier, ids: Identifier[]) => Promise<DemandDto[]>;
  acceptPledgeOffer: (
    id: Identifier,
    body: { version: number; organizationId: string; dueOn?: string | null },
  ) => Promise<PledgeOfferDto>;
  rejectPledgeOffer: (id: Identifier, version: number) => Promise<PledgeOfferDto>;
  getPublicCampaign: (slug: string) => Promise<PublicCampaignDto>;
  submitPledgeOffer: (slug: string, offer: PledgeOfferRequest) => Promise<PledgeOfferReceipt>;
}

const path = (...parts: Identifier[]) => parts.map((part) => encodeURIComponent(String(part))).join('/');

export const campaignCalls: CampaignCalls = {
  getCampaignProgress: async (campaignId) => {
    const response = await httpClient(`${API_URL}/campaigns/${path(campaignId)}/progress`);
    return response.json as CampaignProgressDto;
  },

  reorderDemands: (campaignId, ids) =>
    postJson<DemandDto[]>(`/campaigns/${path(campaignId)}/demands/order`, { ids }),

  acceptPledgeOffer: (id, { version, organizationId, dueOn }) =>
    postJson<PledgeOfferDto>(`/pledge-offers/${path(id)}/accept`, {
      version,
      organizationId,
      ...(dueOn ? { dueOn } : {}),
    }),

  rejectPledgeOffer: (id, version) =>
    postJson<PledgeOfferDto>(`/pledge-offers/${path(id)}/reject`, { version }),

  getPublicCampaign: async (slug) => {
    const response = await httpClient(`${API_URL}/public/campaigns/${path(slug)}`);
    return response.json as PublicCampaignDto;
  },

  submitPledgeOffer: (slug, offer) =>
    postJson<PledgeOfferReceipt>(`/public/campaigns/${path(slug)}/pledges`, offer),
};
