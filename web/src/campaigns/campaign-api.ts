import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';

export type Campaign = Schemas['CampaignView'];
export type CampaignStatus = Campaign['status'];
export type Channel = Campaign['channel'];
export type CampaignInput = Schemas['CreateCampaignDto'];

export const CHANNELS: Channel[] = [
  'media',
  'overseas',
  'festival',
  'sports_event',
  'regional',
  'online',
  'influencer',
  'high_speed_rail',
  'new_media_partnership',
  'travel_agency',
];
export const STATUSES: CampaignStatus[] = ['draft', 'scheduled', 'active', 'completed', 'cancelled'];
export const STATUS_COLOR: Record<CampaignStatus, string> = {
  draft: 'default',
  scheduled: 'processing',
  active: 'success',
  completed: 'default',
  cancelled: 'error',
};

/** The lifecycle as the API allows it (`src/campaigns/campaign-status.ts`). */
export const TRANSITIONS = {
  schedule: ['draft'],
  activate: ['scheduled'],
  complete: ['active'],
  cancel: ['draft', 'scheduled', 'active'],
} as const satisfies Record<string, readonly CampaignStatus[]>;
export type Transition = keyof typeof TRANSITIONS;
export const EDITABLE: readonly CampaignStatus[] = ['draft', 'scheduled', 'active'];

export function allows(transition: Transition, status: CampaignStatus): boolean {
  return (TRANSITIONS[transition] as readonly CampaignStatus[]).includes(status);
}

export interface CampaignFilters {
  q?: string;
  channel?: Channel;
  status?: CampaignStatus;
  year?: number;
  limit: number;
  offset: number;
}

export function useCampaignList(filters: CampaignFilters) {
  const { year, ...rest } = filters;
  return useQuery({
    queryKey: keys.campaignList(filters),
    queryFn: () =>
      ok(
        api.GET('/api/v1/campaigns', {
          params: {
            query: {
              ...rest,
              q: rest.q || undefined,
              ...(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: keys.campaign(id ?? ''),
    queryFn: () => ok(api.GET('/api/v1/campaigns/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** Events linked to a campaign, by the campaign filter of the events list. */
export function useLinkedEvents(campaignId: string | undefined) {
  return useQuery({
    queryKey: keys.eventList({ campaignId }),
    queryFn: () =>
      ok(api.GET('/api/v1/events', { params: { query: { campaignId: campaignId!, limit: 200 } } })),
    enabled: !!campaignId,
  });
}

export function useOrganizations() {
  return useQuery({
    queryKey: keys.organizations,
    queryFn: () => ok(api.GET('/api/v1/organizations')),
    staleTime: 5 * 60_000,
  });
}

const invalidates = [keys.campaigns, keys.events, ['calendar'], keys.targets];

export function useCreateCampaign() {
  return useMutation({
    mutationFn: (body: CampaignInput) => ok(api.POST('/api/v1/campaigns', { body })),
    meta: { invalidates },
  });
}

export function useUpdateCampaign(id: string) {
  return useMutation({
    mutationFn: ({ body, ifMatch }: { body: Schemas['UpdateCampaignDto']; ifMatch?: string }) =>
      ok(
        api.PATCH('/api/v1/campaigns/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch } },
          body,
        }),
      ),
    meta: { invalidates },
  });
}

/** Schedules a campaign just created (its id is only known then). */
export function useScheduleCampaign() {
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/campaigns/{id}/schedule', { params: { path: { id } } })),
    meta: { invalidates },
  });
}

export function useCampaignTransition(id: string) {
  return useMutation({
    mutationFn: async (
      action:
        | { kind: 'schedule' | 'activate' }
        | { kind: 'complete'; body: Schemas['CompleteCampaignDto'] }
        | { kind: 'cancel'; body: Schemas['CancelCampaignDto'] }
        | { kind: 'delete' },
    ): Promise<Campaign | null> => {
      const path = { path: { id } };
      switch (action.kind) {
        case 'schedule':
          return ok(api.POST('/api/v1/campaigns/{id}/schedule', { params: path }));
        case 'activate':
          return ok(api.POST('/api/v1/campaigns/{id}/activate', { params: path }));
        case 'complete':
          return ok(api.POST('/api/v1/campaigns/{id}/complete', { params: path, body: action.body }));
        case 'cancel':
          return ok(api.POST('/api/v1/campaigns/{id}/cancel', { params: path, body: action.body }));
        case 'delete':
          await ok(api.DELETE('/api/v1/campaigns/{id}', { params: path }));
          return null;
      }
    },
    meta: { invalidates },
  });
}
