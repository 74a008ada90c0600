import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { notify } from '../common/feedback';
import i18n from '../common/i18n/i18n';
import { keys } from '../common/api/keys';
import type { paths } from '../common/api/schema';

export type EventView = Schemas['EventView'];
export type EventStatus = EventView['status'];
export type EventWarning = Schemas['EventWarningView'];
export type EventFilters = NonNullable<paths['/api/v1/events']['get']['parameters']['query']>;
export type CreateEventBody = Schemas['CreateEventDto'];
export type UpdateEventBody = Schemas['UpdateEventDto'];

export function useEvents(filters: EventFilters) {
  return useQuery({
    queryKey: keys.eventList(filters),
    queryFn: () => ok(api.GET('/api/v1/events', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: keys.event(id),
    queryFn: () => ok(api.GET('/api/v1/events/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

/** The submit/approve checks as they stand now: shown before an organizer submits. */
export function useEventChecks(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.eventChecks(id),
    queryFn: () => ok(api.GET('/api/v1/events/{id}/checks', { params: { path: { id } } })),
    enabled,
  });
}

export function useEventHistory(id: string) {
  return useQuery({
    queryKey: keys.eventHistory(id),
    queryFn: () => ok(api.GET('/api/v1/events/{id}/history', { params: { path: { id } } })),
  });
}

/** Every venue (the API pages by 200 at most; the city has a few dozen). */
export function useVenues() {
  return useQuery({
    queryKey: keys.venues,
    queryFn: () => ok(api.GET('/api/v1/venues', { params: { query: { limit: 200 } } })),
    staleTime: 5 * 60_000,
  });
}

/** A venue's name in the console's language. */
export function useVenueName() {
  const { i18n } = useTranslation();
  return (v: { nameZh: string; nameEn?: string | null }) =>
    i18n.language === 'en' && v.nameEn ? v.nameEn : v.nameZh;
}

export function useOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: keys.organizations,
    queryFn: () => ok(api.GET('/api/v1/organizations')),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Everything an event change can move: its lists, its detail, the calendar and projections. */
const EVENT_CHANGES = [keys.events, ['calendar'], keys.targets];

export function useCreateEvent() {
  return useMutation({
    mutationFn: (body: CreateEventBody) => ok(api.POST('/api/v1/events', { body })),
    meta: { invalidates: EVENT_CHANGES },
  });
}

export function useUpdateEvent(id: string) {
  return useMutation({
    mutationFn: ({ body, ifMatch }: { body: UpdateEventBody; ifMatch?: string }) =>
      ok(
        api.PATCH('/api/v1/events/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch } },
          body,
        }),
      ),
    meta: { invalidates: EVENT_CHANGES },
  });
}

export function useEventTransition() {
  return useMutation({
    mutationFn: async (
      action:
        | { kind: 'submit'; id: string }
        | { kind: 'approve'; id: string; overrideReason?: string }
        | { kind: 'reject'; id: string; reason: string }
        | { kind: 'cancel'; id: string; reason?: string }
        | { kind: 'complete'; id: string; actualAttendance: number; actualRevenueYuan?: number }
        | { kind: 'delete'; id: string },
    ) => {
      const path = { path: { id: action.id } };
      switch (action.kind) {
        case 'submit':
          return ok(api.POST('/api/v1/events/{id}/submit', { params: path }));
        case 'approve':
          return ok(
            api.POST('/api/v1/events/{id}/approve', {
              params: path,
              body: action.overrideReason ? { override: { reason: action.overrideReason } } : {},
            }),
          );
        case 'reject':
          return ok(
            api.POST('/api/v1/events/{id}/reject', { params: path, body: { reason: action.reason } }),
          );
        case 'cancel':
          return ok(
            api.POST('/api/v1/events/{id}/cancel', {
              params: path,
              body: action.reason ? { reason: action.reason } : {},
            }),
          );
        case 'complete':
          return ok(
            api.POST('/api/v1/events/{id}/complete', {
              params: path,
              body: {
                actualAttendance: action.actualAttendance,
                ...(action.actualRevenueYuan != null ? { actualRevenueYuan: action.actualRevenueYuan } : {}),
              },
            }),
          );
        case 'delete':
          await ok(api.DELETE('/api/v1/events/{id}', { params: path }));
          return null;
      }
    },
    meta: { invalidates: EVENT_CHANGES },
    // Here rather than in `mutate`'s callbacks: the item that started it (a queue card) may be
    // gone by the time the lists have reloaded.
    onSuccess: (_data, action) => {
      const t = i18n.getFixedT(null, 'events');
      const done = {
        submit: t('actions.submitted'),
        approve: t('actions.approved'),
        reject: t('actions.rejected'),
        cancel: t('actions.cancelled'),
        complete: t('actions.completed'),
        delete: t('actions.deleted'),
      };
      notify('success', done[action.kind]);
    },
  });
}
