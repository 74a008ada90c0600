import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { PENDING_POLL_MS } from '../common/api/poll';

export type Target = Schemas['TargetView'];
export type Granularity = Schemas['ActualSeriesView']['granularity'];

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
    refetchInterval: (query) => (query.state.data?.stale ? PENDING_POLL_MS : false),
  });
}

export function useTargetProjection(id: string, stale: boolean | undefined) {
  return useQuery({
    queryKey: keys.projection(id),
    queryFn: () => ok(api.GET('/api/v1/targets/{id}/projection', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.stale || stale ? PENDING_POLL_MS : false),
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

export type TargetInput = Schemas['CreateTargetDto'];
export type TargetChanges = Schemas['UpdateTargetDto'];

export function useCreateTarget() {
  return useMutation({
    mutationFn: (body: TargetInput) => ok(api.POST('/api/v1/targets', { body })),
    meta: { invalidates: [keys.targets] },
  });
}

/** Year, metric and scope stay: another year or scope is another target. */
export function useUpdateTarget(id: string) {
  return useMutation({
    mutationFn: ({ body, ifMatch }: { body: TargetChanges; ifMatch?: string }) =>
      ok(
        api.PATCH('/api/v1/targets/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch } },
          body,
        }),
      ),
    meta: { invalidates: [keys.targets] },
  });
}

export function useDeleteTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/targets/{id}', { params: { path: { id } } })),
    // Gone from the list at once (the list page opens next), then reloaded with the rest.
    onSuccess: (_done, id) => {
      client.setQueryData<Target[]>(keys.targets, (list) => list?.filter((t) => t.id !== id));
      client.removeQueries({ queryKey: keys.target(id) });
    },
    meta: { invalidates: [keys.targets] },
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
