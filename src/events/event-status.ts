/**
 * The event workflow, as data. Organizers save a draft and submit it; planners approve or reject
 * it; a rejected event can be edited and submitted again; either side may cancel; after its end an
 * approved event is completed with its actual attendance. Pure: no Nest, no database.
 */
export const EVENT_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'cancelled',
  'completed',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_CATEGORIES = [
  'festival',
  'sports',
  'culture',
  'performance',
  'exhibition',
  'study_tour',
  'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const EVENT_ACTIONS = ['submit', 'approve', 'reject', 'cancel', 'complete'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const EVENT_TRANSITIONS: Record<EventAction, { from: EventStatus[]; to: EventStatus }> = {
  submit: { from: ['draft', 'rejected'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  cancel: { from: ['draft', 'submitted', 'approved', 'rejected'], to: 'cancelled' },
  complete: { from: ['approved'], to: 'completed' },
};

/** What an audit entry records: a workflow action, creation, an edit, or a bulk import. */
export type EventHistoryAction = EventAction | 'create' | 'edit' | 'import';

/** Cancelled and completed events are closed: nothing about them changes any more. */
export const CLOSED_EVENT_STATUSES: EventStatus[] = ['cancelled', 'completed'];

/** Fields whose change sends an approved event back to `submitted` for a new approval. */
export const REAPPROVAL_FIELDS = ['startsAt', 'endsAt', 'venueId', 'expectedAttendance'] as const;

/** Events that hold a claim on their venue and time: what overlap and capacity checks look at. */
export const SCHEDULED_EVENT_STATUSES: EventStatus[] = ['submitted', 'approved'];
