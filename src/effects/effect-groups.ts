import type { Metric } from '../actuals/metric.js';
import { addDays, type LocalDate } from '../common/time/local-date.js';
import type { EffectItemType } from './item-effect.entity.js';

/** A campaign or event as the effect measurement sees it. */
export interface EffectItem {
  type: EffectItemType;
  id: string;
  /** First and last local day of the item itself. */
  from: LocalDate;
  to: LocalDate;
  /** The venue of an event (null for a campaign: city only). */
  venueId: string | null;
  /** Whether it is completed (only completed items are measured; planned ones still share). */
  completed: boolean;
  /** Expected increments per scope and metric. */
  expected: Record<'city' | 'venue', Record<Metric, number | null>>;
}

export interface EffectWindow {
  from: LocalDate;
  to: LocalDate;
}

/** The effect window: the item's days plus the tail (days after its end when its effect may linger). */
export function effectWindow(item: Pick<EffectItem, 'from' | 'to'>, tailDays: number): EffectWindow {
  return { from: item.from, to: addDays(item.to, tailDays) };
}

const overlaps = (a: EffectWindow, b: EffectWindow): boolean => a.from <= b.to && b.from <= a.to;

/**
 * The items of `candidates` whose windows overlap the item's, directly or through one another
 * (a chain of overlaps is one group: their excess cannot be told apart), and the union window.
 * The item itself must be among the candidates.
 */
export function overlapGroup<T extends { id: string; type: EffectItemType; window: EffectWindow }>(
  item: T,
  candidates: readonly T[],
): { members: T[]; window: EffectWindow } {
  const window = { ...item.window };
  const inGroup = new Set<T>([item]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const c of candidates) {
      if (inGroup.has(c) || (c.id === item.id && c.type === item.type)) continue;
      if (overlaps(c.window, window)) {
        inGroup.add(c);
        if (c.window.from < window.from) window.from = c.window.from;
        if (c.window.to > window.to) window.to = c.window.to;
        grown = true;
      }
    }
  }
  const members = [...inGroup].sort((a, b) =>
    a.window.from === b.window.from
      ? a.type + a.id < b.type + b.id
        ? -1
        : 1
      : a.window.from < b.window.from
        ? -1
        : 1,
  );
  return { members, window };
}
