import { useQuery } from '@tanstack/react-query';
import type { AllianceDashboardDto, ChartSeriesDto, OrganizationDashboardDto } from '@unidos/contracts';
import { API_URL, httpClient } from '../providers/httpClient';
import { chartUrl, type ChartName } from './format';

const getJson = async <T>(url: string): Promise<T> => (await httpClient(url)).json as T;

/** The same answer for a minute: coming back to the dashboard shows it at once, then refreshes. */
const STALE_MS = 60_000;

/** `GET /api/dashboard/alliance` (alliance roles only). */
export const useAllianceDashboard = (enabled: boolean) =>
  useQuery({
    queryKey: ['dashboard', 'alliance'],
    queryFn: () => getJson<AllianceDashboardDto>(`${API_URL}/dashboard/alliance`),
    enabled,
    staleTime: STALE_MS,
  });

/** `GET /api/dashboard/organization` (organization roles only). */
export const useOrganizationDashboard = (enabled: boolean) =>
  useQuery({
    queryKey: ['dashboard', 'organization'],
    queryFn: () => getJson<OrganizationDashboardDto>(`${API_URL}/dashboard/organization`),
    enabled,
    staleTime: STALE_MS,
  });

/** One chart's series (`GET /api/dashboard/charts/<chart>`); `enabled` waits for a picker's choice. */
export const useChartSeries = (chart: ChartName, params: Record<string, string> = {}, enabled = true) =>
  useQuery({
    queryKey: ['dashboard', 'chart', chart, params],
    queryFn: async () => {
      const answer = await getJson<ChartSeriesDto[] | ChartSeriesDto>(chartUrl(chart, params));
      return Array.isArray(answer) ? answer : [answer];
    },
    enabled,
    staleTime: STALE_MS,
  });
