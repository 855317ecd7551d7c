import simpleRestProvider from 'ra-data-simple-rest';
import {
  type DataProvider,
  type GetManyParams,
  HttpError,
  type UpdateParams,
  type Identifier,
  type RaRecord,
  type SortPayload,
} from 'react-admin';
import type {
  ApplicationRequest,
  EndedSessionsDto,
  MembershipHistoryEntryDto,
  OrganizationDto,
  RegionPeopleCountDto,
  SessionDto,
  TotpSetupDto,
} from '@unidos/contracts';
import { campaignCalls, type CampaignCalls } from './campaignCalls';
import { eventCalls, type EventCalls } from './eventCalls';
import { API_URL, httpClient, postJson } from './httpClient';
import { changedFields, errorBody, isStaleVersion, withoutEmpty } from './payload';

/** The API caps a page at 100 rows; getMany asks for ids in chunks of that size. */
const MAX_PAGE = 100;

const base = simpleRestProvider(API_URL, httpClient);

/** Sort used when react-admin asks for its default (`id`), which the API does not allow. */
const DEFAULT_SORT: Record<string, SortPayload | undefined> = {
  organizations: { field: 'name', order: 'ASC' },
  applications: { field: 'appliedAt', order: 'DESC' },
  regions: { field: 'name', order: 'ASC' },
  users: { field: 'displayName', order: 'ASC' },
  'audit-events': { field: 'at', order: 'DESC' },
  people: { field: 'displayName', order: 'ASC' },
  'people-counts': { field: 'organizationName', order: 'ASC' },
  campaigns: { field: 'name', order: 'ASC' },
  'campaign-goals': { field: 'metric', order: 'ASC' },
  demands: { field: 'position', order: 'ASC' },
  endorsements: { field: 'organizationName', order: 'ASC' },
  pledges: { field: 'dueOn', order: 'ASC' },
  'pledge-reports': { field: 'reportedOn', order: 'DESC' },
  'pledge-offers': { field: 'createdAt', order: 'DESC' },
  events: { field: 'startsAt', order: 'ASC' },
  'event-hosts': { field: 'organizationName', order: 'ASC' },
  rsvps: { field: 'name', order: 'ASC' },
};

/** Answer of `POST /api/public/applications`. */
export interface ApplicationCreated {
  id: string;
  name: string;
  slug: string;
  membershipStatus: 'applicant';
}

/** Calls beyond CRUD, used through `useDataProvider<UnidosDataProvider>()`. */
export interface UnidosDataProvider extends DataProvider, CampaignCalls, EventCalls {
  getMembershipHistory: (organizationId: Identifier) => Promise<MembershipHistoryEntryDto[]>;
  approveApplication: (id: Identifier, version: number) => Promise<OrganizationDto>;
  rejectApplication: (id: Identifier, version: number, reason: string) => Promise<OrganizationDto>;
  submitApplication: (application: ApplicationRequest) => Promise<ApplicationCreated>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  getRegionPeopleCounts: () => Promise<RegionPeopleCountDto[]>;
  setupTotp: () => Promise<TotpSetupDto>;
  enableTotp: (code: string) => Promise<void>;
  disableTotp: (password: string, code: string) => Promise<void>;
  getSessions: () => Promise<SessionDto[]>;
  endSession: (id: Identifier) => Promise<void>;
  logoutEverywhere: () => Promise<void>;
  endUserSessions: (userId: Identifier) => Promise<EndedSessionsDto>;
  emergencyPurge: (confirmName: string, code: string) => Promise<EmergencyPurgeResult>;
}

/** Answer of `POST /api/people/emergency-purge`. */
export interface EmergencyPurgeResult {
  erased: number;
}

const path = (...parts: Identifier[]) => parts.map((part) => encodeURIComponent(String(part))).join('/');

/**
 * ra-data-simple-rest against `/api`, with the API's write rules:
 * - `update` sends only the changed fields plus `version`; a stale version (409) becomes a clear,
 *   translated notification and nothing is overwritten;
 * - `create` leaves empty optional fields out;
 * - `getMany` pages through ids 100 at a time (the API's page cap).
 */
export const dataProvider: UnidosDataProvider = {
  ...base,
  ...campaignCalls,
  ...eventCalls,

  getList: (resource, params) =>
    base.getList(resource, {
      ...params,
      // react-admin defaults to sorting by `id`, which no resource allows: use the resource's own default.
      sort:
        !params.sort || params.sort.field === 'id' ? (DEFAULT_SORT[resource] ?? params.sort) : params.sort,
    }),

  getMany: async <RecordType extends RaRecord>(
    resource: string,
    params: GetManyParams<RecordType> & { signal?: AbortSignal },
  ) => {
    const chunks: Identifier[][] = [];
    for (let i = 0; i < params.ids.length; i += MAX_PAGE) chunks.push(params.ids.slice(i, i + MAX_PAGE));
    const pages = await Promise.all(
      chunks.map(async (ids) => {
        const query = new URLSearchParams({
          filter: JSON.stringify({ id: ids }),
          range: JSON.stringify([0, ids.length - 1]),
        });
        const response = await httpClient(`${API_URL}/${resource}?${query.toString()}`, {
          signal: params.signal,
        });
        return response.json as RecordType[];
      }),
    );
    return { data: pages.flat() };
  },

  update: async <RecordType extends RaRecord>(resource: string, params: UpdateParams<RecordType>) => {
    const previous = params.previousData as Record<string, unknown> | undefined;
    const changes = changedFields(params.data, previous);
    if (Object.keys(changes).length === 0 && params.previousData) {
      // Nothing changed: no request, the record stays as it is.
      return { data: params.previousData };
    }
    try {
      return await base.update<RecordType>(resource, {
        ...params,
        data: { ...changes, version: previous?.version },
      });
    } catch (error) {
      if (isStaleVersion(error)) {
        // Without `errors`, react-admin notifies instead of hiding it on the form's hidden `version`.
        throw new HttpError('unidos.errors.stale_version', 409, { ...errorBody(error), errors: undefined });
      }
      throw error;
    }
  },

  create: (resource, params) =>
    base.create(resource, { ...params, data: withoutEmpty(params.data as Record<string, unknown>) }),

  delete: async (resource, params) => {
    const result = await base.delete(resource, params);
    // The API may answer 204 without a body; react-admin still wants the deleted record.
    return { data: result.data ?? params.previousData ?? { id: params.id } };
  },

  getMembershipHistory: async (organizationId) => {
    const response = await httpClient(`${API_URL}/organizations/${path(organizationId)}/membership-history`);
    return response.json as MembershipHistoryEntryDto[];
  },

  approveApplication: (id, version) =>
    postJson<OrganizationDto>(`/applications/${path(id)}/approve`, { version }),

  rejectApplication: (id, version, reason) =>
    postJson<OrganizationDto>(`/applications/${path(id)}/reject`, { version, reason }),

  submitApplication: (application) => postJson<ApplicationCreated>('/public/applications', application),

  changePassword: async (currentPassword, newPassword) => {
    await postJson<unknown>('/auth/password', { currentPassword, newPassword });
  },

  getRegionPeopleCounts: async () => {
    const response = await httpClient(`${API_URL}/people-counts/regions`);
    return response.json as RegionPeopleCountDto[];
  },

  // The secret is only ever in this answer, kept in the page's memory while the user enrolls.
  setupTotp: () => postJson<TotpSetupDto>('/auth/totp/setup', {}),

  enableTotp: async (code) => {
    await postJson<unknown>('/auth/totp/enable', { code });
  },

  disableTotp: async (password, code) => {
    await postJson<unknown>('/auth/totp/disable', { password, code });
  },

  getSessions: async () => {
    const response = await httpClient(`${API_URL}/auth/sessions`);
    return response.json as SessionDto[];
  },

  endSession: async (id) => {
    await httpClient(`${API_URL}/auth/sessions/${path(id)}`, { method: 'DELETE' });
  },

  logoutEverywhere: async () => {
    await postJson<unknown>('/auth/logout-everywhere', {});
  },

  endUserSessions: (userId) => postJson<EndedSessionsDto>(`/users/${path(userId)}/end-sessions`, {}),

  emergencyPurge: (confirmName, code) =>
    postJson<EmergencyPurgeResult>('/people/emergency-purge', { confirmName, code }),
};
