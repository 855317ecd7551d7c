import { useQuery } from '@tanstack/react-query';
import { type Identifier, useDataProvider } from 'react-admin';
import type { UnidosDataProvider } from '../../providers/dataProvider';

/**
 * `GET /api/campaigns/:id/progress`, through react-query under the `campaigns` key: react-admin's
 * refresh (after a pledge, a report, a goal change) invalidates every query, so it reloads too.
 */
export const useCampaignProgress = (campaignId: Identifier | undefined) => {
  const dataProvider = useDataProvider<UnidosDataProvider>();
  return useQuery({
    queryKey: ['campaigns', 'progress', { id: campaignId }],
    queryFn: () => dataProvider.getCampaignProgress(campaignId as Identifier),
    enabled: campaignId !== undefined,
  });
};
