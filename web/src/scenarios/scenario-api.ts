import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { PENDING_POLL_MS } from '../common/api/poll';

export type Scenario = Schemas['ScenarioView'];
export type ScenarioChange = Scenario['changes'][number];
export type ChangeAction = ScenarioChange['action'];
export type ChangeInput = Schemas['AddScenarioChangeDto'];
export type ScenarioProjection = Schemas['ScenarioProjectionView'];
export type GapPlan = Schemas['GapPlanView'];

export const ACTIONS: ChangeAction[] = ['add_event', 'add_campaign', 'cancel', 'move', 'change'];

export function useScenarioList() {
  return useQuery({
    queryKey: keys.scenarioList({ limit: 100 }),
    queryFn: () => ok(api.GET('/api/v1/scenarios', { params: { query: { limit: 100 } } })),
  });
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: keys.scenario(id),
    queryFn: () => ok(api.GET('/api/v1/scenarios/{id}', { params: { path: { id } } })),
  });
}

export function useScenarioProjection(id: string, target: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...keys.scenarioProjection(id, target ?? ''), version],
    queryFn: () =>
      ok(
        api.GET('/api/v1/scenarios/{id}/projection', {
          params: { path: { id }, query: { target: target! } },
        }),
      ),
    enabled: !!target,
    refetchInterval: (query) =>
      query.state.data &&
      (query.state.data.pending || query.state.data.stale || !query.state.data.withScenario)
        ? PENDING_POLL_MS
        : false,
  });
}

export function useGapPlan(targetId: string | undefined) {
  return useQuery({
    queryKey: keys.gapPlan(targetId ?? ''),
    queryFn: () => ok(api.GET('/api/v1/targets/{id}/gap-plan', { params: { path: { id: targetId! } } })),
    enabled: !!targetId,
    refetchInterval: (query) => (query.state.data?.stale ? PENDING_POLL_MS : false),
  });
}

export function useCreateScenario() {
  return useMutation({
    mutationFn: (body: { name: string; description?: string }) =>
      ok(api.POST('/api/v1/scenarios', { body: body })),
    meta: { invalidates: [keys.scenarios] },
  });
}

export function useDeleteScenario() {
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/scenarios/{id}', { params: { path: { id } } })),
    meta: { invalidates: [keys.scenarios] },
  });
}

export function useAddChange(id: string) {
  return useMutation({
    mutationFn: (body: ChangeInput) =>
      ok(api.POST('/api/v1/scenarios/{id}/changes', { params: { path: { id } }, body })),
    meta: { invalidates: [keys.scenarios] },
  });
}

export function useRemoveChange(id: string) {
  return useMutation({
    mutationFn: (changeId: string) =>
      ok(api.DELETE('/api/v1/scenarios/{id}/changes/{changeId}', { params: { path: { id, changeId } } })),
    meta: { invalidates: [keys.scenarios] },
  });
}
