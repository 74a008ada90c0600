import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { PENDING_POLL_MS } from '../common/api/poll';

export type ItemEffect = Schemas['ItemEffectView'];
export type MeasuredEffect = Schemas['MeasuredEffectView'];

/** A campaign's or event's measured effect, beside its expected and typed-in figures. */
export function useItemEffect(kind: 'campaign' | 'event', id: string) {
  return useQuery({
    queryKey: kind === 'campaign' ? keys.campaignEffect(id) : keys.eventEffect(id),
    queryFn: () =>
      kind === 'campaign'
        ? ok(api.GET('/api/v1/campaigns/{id}/effect', { params: { path: { id } } }))
        : ok(api.GET('/api/v1/events/{id}/effect', { params: { path: { id } } })),
    enabled: !!id,
    // A completed item is measured by a queued job: the card fills in when it has run.
    refetchInterval: (query) => (query.state.data?.state === 'pending' ? PENDING_POLL_MS : false),
  });
}
