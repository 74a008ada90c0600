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

/**
 * THE RULE OF WHAT AN EVENT COUNTS FOR IN PROJECTIONS, in one place:
 * - approved events count with their expectation, completed ones with their recorded actuals;
 * - a change of one of REAPPROVAL_FIELDS sends an approved event back to `submitted`; until the
 *   decision it keeps counting with its LAST APPROVED values of those fields (kept in
 *   `approvedPlan`; the other figures, which need no approval, are its current ones); approval
 *   counts the new values, rejection or cancellation nothing;
 * - drafts, other submitted, rejected and cancelled events count for nothing.
 */
export const CONTRIBUTING_EVENT_STATUSES: EventStatus[] = ['approved', 'completed'];

/** What the public sees (listing and .ics feed alike): approved events, and those since completed. */
export const PUBLIC_EVENT_STATUSES: EventStatus[] = ['approved', 'completed'];

/** Fields whose change sends an approved event back to `submitted` for a new approval. */
export const REAPPROVAL_FIELDS = ['startsAt', 'endsAt', 'venueId', 'expectedAttendance'] as const;

/** The last approved values of REAPPROVAL_FIELDS of an event awaiting re-approval (instants as ISO text). */
export interface ApprovedPlan {
  startsAt: string;
  endsAt: string;
  venueId: string;
  expectedAttendance: number;
}

/** The approved plan to keep when an edit sends an approved event back to `submitted`. */
export function approvedPlanOf(event: {
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  expectedAttendance: number;
}): ApprovedPlan {
  return {
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    venueId: event.venueId,
    expectedAttendance: event.expectedAttendance,
  };
}

/**
 * The figures an event counts with in projections, or null when it counts for nothing: itself
 * (approved, completed), or itself with its last approved plan (submitted again after a change).
 */
export function countedAs<E extends { status: EventStatus; approvedPlan: ApprovedPlan | null }>(
  event: E,
): (E & { pendingReapproval: boolean }) | null {
  if (CONTRIBUTING_EVENT_STATUSES.includes(event.status)) return { ...event, pendingReapproval: false };
  if (event.status === 'submitted' && event.approvedPlan) {
    const plan = event.approvedPlan;
    return {
      ...event,
      startsAt: new Date(plan.startsAt),
      endsAt: new Date(plan.endsAt),
      venueId: plan.venueId,
      expectedAttendance: plan.expectedAttendance,
      pendingReapproval: true,
    };
  }
  return null;
}

/** Events that hold a claim on their venue and time: what overlap and capacity checks look at. */
export const SCHEDULED_EVENT_STATUSES: EventStatus[] = ['submitted', 'approved'];
