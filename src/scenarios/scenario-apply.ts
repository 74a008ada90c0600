import type { Metric } from '../actuals/metric.js';
import {
  addDays,
  diffDays,
  localDateOf,
  startOfLocalDay,
  type LocalDate,
} from '../common/time/local-date.js';
import {
  campaignContribution,
  eventContribution,
  type CampaignFacts,
  type ContributionDetail,
  type EventFacts,
} from '../projections/math/contribution-spread.js';
import { CONTRIBUTING_EVENT_STATUSES } from '../events/event-status.js';
import { CONTRIBUTING_CAMPAIGN_STATUSES } from '../projections/rebuild/contribution.loader.js';
import type { ScenarioAction, ScenarioChangeDetails, ScenarioSubject } from './scenario-change.js';

/**
 * Applies a scenario's changes to the contributions of a target's official projection. Pure:
 * the same contribution maths as the official projection (contribution-spread), applied to
 * facts changed in memory; nothing official is touched.
 *
 * - `add_campaign` / `add_event`: a tentative item that counts like a scheduled campaign or an
 *   approved event (campaigns count for city targets only; events for the city and their venue).
 * - `cancel`: the item no longer contributes.
 * - `move`: new dates (an event keeps its times of day and length; a campaign keeps its length
 *   unless a new end is given).
 * - `change`: new expected increments (campaigns) or expected attendance, outside share and
 *   spend (events).
 * Changes apply in order; several changes of one item add up. Each reports the change it makes
 * to what is still to come (the part of contributions after the last counted day).
 */
export interface ScenarioChangeInput {
  id: string;
  action: ScenarioAction;
  subjectType: ScenarioSubject | null;
  subjectId: string | null;
  details: ScenarioChangeDetails;
}

export type VenueEventFacts = EventFacts & { venueId: string };

export interface ScenarioFacts {
  campaigns: ReadonlyMap<string, CampaignFacts>;
  events: ReadonlyMap<string, VenueEventFacts>;
  /** Time zone of each venue an added event names. */
  venueZones: ReadonlyMap<string, string>;
}

export interface AppliedChange {
  changeId: string;
  action: ScenarioAction;
  subjectType: ScenarioSubject | null;
  subjectId: string | null;
  name: string;
  /** Change of the expected amount still to come in the target year (+ adds, − removes). */
  remainingDelta: number;
  note: string | null;
}

export interface ScenarioTarget {
  metric: Metric;
  venueId: string | null;
  dates: readonly LocalDate[];
  /** Days already counted (actuals known): contributions there are inside the actuals. */
  counted: number;
}

type Item = { kind: 'campaign'; facts: CampaignFacts } | { kind: 'event'; facts: VenueEventFacts };

export function applyScenario(
  official: readonly ContributionDetail[],
  changes: readonly ScenarioChangeInput[],
  facts: ScenarioFacts,
  target: ScenarioTarget,
): { contributions: ContributionDetail[]; applied: AppliedChange[] } {
  const current = new Map<string, ContributionDetail>(official.map((d) => [d.input.id, d]));
  const items = new Map<string, Item>();
  const applied: AppliedChange[] = [];

  for (const change of changes) {
    const before = remainingOf(current, target.counted);
    let note: string | null;
    let name = change.details.name ?? '';
    if (change.action === 'add_campaign') {
      const d = change.details;
      items.set(change.id, {
        kind: 'campaign',
        facts: {
          id: change.id,
          name: d.name ?? 'tentative campaign',
          status: 'scheduled',
          startDate: d.startDate!,
          endDate: d.endDate!,
          expectedIncrementalVisitors: d.expectedIncrementalVisitors ?? null,
          expectedIncrementalRevenueYuan: d.expectedIncrementalRevenueYuan ?? null,
          actualIncrementalVisitors: null,
          actualIncrementalRevenueYuan: null,
        },
      });
      note = place(current, change.id, items.get(change.id)!, target);
    } else if (change.action === 'add_event') {
      const d = change.details;
      const zone = facts.venueZones.get(d.venueId!) ?? 'Asia/Shanghai';
      items.set(change.id, {
        kind: 'event',
        facts: {
          id: change.id,
          titleZh: d.name ?? 'tentative event',
          titleEn: null,
          status: 'approved',
          startsAt: startOfLocalDay(d.startDate!, zone),
          endsAt: startOfLocalDay(addDays(d.endDate!, 1), zone),
          timeZone: zone,
          venueId: d.venueId!,
          expectedAttendance: d.expectedAttendance ?? 0,
          expectedOutsideCitySharePct: d.expectedOutsideCitySharePct ?? null,
          expectedSpendPerAttendeeYuan: d.expectedSpendPerAttendeeYuan ?? null,
          actualAttendance: null,
          actualRevenueYuan: null,
        },
      });
      note = place(current, change.id, items.get(change.id)!, target);
    } else {
      const key = change.subjectId!;
      const item = items.get(key) ?? original(change, facts);
      if (!item) {
        note = `The ${change.subjectType} no longer exists: change ignored`;
      } else {
        name = item.kind === 'campaign' ? item.facts.name : item.facts.titleZh;
        if (change.action === 'cancel') {
          item.facts = { ...item.facts, status: 'cancelled' };
        } else if (change.action === 'move') {
          item.facts = moved(item, change.details);
        } else {
          item.facts = { ...item.facts, ...changedFields(item, change.details) };
        }
        items.set(key, item);
        note = place(current, key, item, target);
      }
    }
    applied.push({
      changeId: change.id,
      action: change.action,
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      name,
      remainingDelta: remainingOf(current, target.counted) - before,
      note,
    });
  }
  return { contributions: [...current.values()], applied };
}

/** Puts the item's contribution (or its absence) into the list; returns a note when it does not count. */
function place(
  current: Map<string, ContributionDetail>,
  id: string,
  item: Item,
  target: ScenarioTarget,
): string | null {
  current.delete(id);
  if (item.kind === 'campaign') {
    if (target.venueId) return 'Campaigns count for city targets only';
    if (!CONTRIBUTING_CAMPAIGN_STATUSES.includes(item.facts.status as never))
      return `A ${item.facts.status} campaign does not count`;
    const detail = campaignContribution(item.facts, target.metric, target.dates);
    if (!detail) return 'Outside the target year';
    current.set(id, detail);
    return null;
  }
  if (target.venueId && item.facts.venueId !== target.venueId) return 'At another venue than the target’s';
  if (!CONTRIBUTING_EVENT_STATUSES.includes(item.facts.status as never))
    return `A ${item.facts.status} event does not count`;
  const detail = eventContribution(item.facts, target.metric, target.dates);
  if (!detail) return 'Outside the target year';
  current.set(id, detail);
  return null;
}

function original(change: ScenarioChangeInput, facts: ScenarioFacts): Item | null {
  if (change.subjectType === 'campaign') {
    const f = facts.campaigns.get(change.subjectId!);
    return f ? { kind: 'campaign', facts: { ...f } } : null;
  }
  const f = facts.events.get(change.subjectId!);
  return f ? { kind: 'event', facts: { ...f } } : null;
}

function moved(item: Item, d: ScenarioChangeDetails): CampaignFacts | VenueEventFacts {
  if (item.kind === 'campaign') {
    const length = diffDays(item.facts.startDate, item.facts.endDate);
    return { ...item.facts, startDate: d.startDate!, endDate: d.endDate ?? addDays(d.startDate!, length) };
  }
  const f = item.facts;
  const shift = diffDays(localDateOf(f.startsAt, f.timeZone), d.startDate!) * 86_400_000;
  const startsAt = new Date(f.startsAt.getTime() + shift);
  const endsAt = d.endDate
    ? new Date(Math.max(startsAt.getTime(), startOfLocalDay(addDays(d.endDate, 1), f.timeZone).getTime()))
    : new Date(f.endsAt.getTime() + shift);
  return { ...f, startsAt, endsAt };
}

function changedFields(item: Item, d: ScenarioChangeDetails): Partial<CampaignFacts & VenueEventFacts> {
  const out: Partial<CampaignFacts & VenueEventFacts> = {};
  if (item.kind === 'campaign') {
    if (d.expectedIncrementalVisitors !== undefined)
      out.expectedIncrementalVisitors = d.expectedIncrementalVisitors;
    if (d.expectedIncrementalRevenueYuan !== undefined)
      out.expectedIncrementalRevenueYuan = d.expectedIncrementalRevenueYuan;
  } else {
    if (d.expectedAttendance !== undefined) out.expectedAttendance = d.expectedAttendance;
    if (d.expectedOutsideCitySharePct !== undefined)
      out.expectedOutsideCitySharePct = d.expectedOutsideCitySharePct;
    if (d.expectedSpendPerAttendeeYuan !== undefined)
      out.expectedSpendPerAttendeeYuan = d.expectedSpendPerAttendeeYuan;
  }
  return out;
}

/** What the contributions still add after the counted days (as projectYear adds them). */
function remainingOf(current: ReadonlyMap<string, ContributionDetail>, counted: number): number {
  let total = 0;
  for (const d of current.values()) {
    if (d.input.actual !== null) continue;
    for (let i = counted; i < d.input.daily.length; i++) total += d.input.daily[i];
  }
  return total;
}
