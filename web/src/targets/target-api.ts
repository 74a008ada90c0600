import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';

export type Target = Schemas['TargetView'];
export type Granularity = Schemas['ActualSeriesView']['granularity'];

/** While a projection is stale, ask again this often until its rebuild has landed. */
const STALE_POLL_MS = 2_000;

/** Every target (a city has a handful a year: one page of the largest size holds them). */
export function useTargetList() {
  return useQuery({
    queryKey: keys.targets,
    queryFn: async () => (await ok(api.GET('/api/v1/targets', { params: { query: { limit: 200 } } }))).items,
  });
}

export function useTarget(id: string) {
  return useQuery({
    queryKey: keys.target(id),
    queryFn: () => ok(api.GET('/api/v1/targets/{id}', { params: { path: { id } } })),
  });
}

export function useTargetProgress(id: string) {
  return useQuery({
    queryKey: keys.progress(id),
    queryFn: () => ok(api.GET('/api/v1/targets/{id}/progress', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.stale ? STALE_POLL_MS : false),
  });
}

export function useTargetProjection(id: string, stale: boolean | undefined) {
  return useQuery({
    queryKey: keys.projection(id),
    queryFn: () => ok(api.GET('/api/v1/targets/{id}/projection', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.stale || stale ? STALE_POLL_MS : false),
  });
}

export function useTargetPath(id: string) {
  return useQuery({
    queryKey: keys.targetPath(id),
    queryFn: () => ok(api.GET('/api/v1/targets/{id}/path', { params: { path: { id } } })),
  });
}

export function useActualSeries(filters: {
  metric: Target['metric'];
  venueId?: string;
  from: string;
  to: string;
  granularity: Granularity;
}) {
  return useQuery({
    queryKey: keys.actualSeries(filters),
    queryFn: () => ok(api.GET('/api/v1/actuals', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useRebuild(id: string) {
  return useMutation({
    mutationFn: () => ok(api.POST('/api/v1/targets/{id}/rebuild', { params: { path: { id } } })),
    meta: { invalidates: [keys.target(id)] },
  });
}

export function useVenueNames() {
  return useQuery({
    queryKey: keys.venueList({ limit: 200 }),
    queryFn: () => ok(api.GET('/api/v1/venues', { params: { query: { limit: 200 } } })),
    staleTime: 5 * 60_000,
    select: (page) => new Map(page.items.map((v) => [v.id, v])),
  });
}
