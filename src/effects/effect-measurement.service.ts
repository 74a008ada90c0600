import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { METRICS, type Metric, type Scope } from '../actuals/metric.js';
import { Clock } from '../common/time/clock.js';
import { addDays, diffDays, yearOf } from '../common/time/local-date.js';
import { newId } from '../infra/database/new-id.js';
import { overlapGroup } from './effect-groups.js';
import { EffectItemsLoader, type WindowedItem } from './effect-items.loader.js';
import { ItemEffect, type EffectShare } from './item-effect.entity.js';
import { estimateUplift, requiredHistory, splitExcess } from './uplift-estimator.js';

/** Bumped when the estimator's maths changes, so every effect is measured again. */
export const ESTIMATOR_VERSION = 4;

/** Extra days loaded before the minimum history, where backtests can move past holidays. */
const HOLIDAY_SEARCH_DAYS = 3 * 12 * 7;

export interface RefreshResult {
  items: number;
  /** Effects (item, scope, metric) whose inputs changed and were measured now. */
  measured: number;
  /** Effects whose inputs had already been measured. */
  unchanged: number;
}

/**
 * Measures the effects of completed items. For each completed campaign or event, each scope
 * (the city; an event's venue too) and each metric: the overlap group of the item's window in
 * that scope, the daily actuals from the estimator's minimum history before the group's window
 * to its end, and their hash (the inputs version). An inputs version already stored is skipped;
 * a new one is estimated and stored with "insert unless present", so two runs at once, or one
 * run twice, store one row per inputs version.
 */
@Injectable()
export class EffectMeasurement {
  private readonly logger = new Logger(EffectMeasurement.name);

  constructor(
    private readonly loader: EffectItemsLoader,
    @InjectRepository(ItemEffect) private readonly effects: Repository<ItemEffect>,
    private readonly clock: Clock,
  ) {}

  async refresh(): Promise<RefreshResult> {
    const items = await this.loader.items();
    const result: RefreshResult = { items: 0, measured: 0, unchanged: 0 };
    for (const item of items) {
      if (!item.completed) continue;
      result.items++;
      const scopes: { scope: Scope; venueId: string | null }[] = [{ scope: 'city', venueId: null }];
      if (item.venueId) scopes.push({ scope: 'venue', venueId: item.venueId });
      for (const { scope, venueId } of scopes)
        for (const metric of METRICS) {
          const created = await this.measure(item, items, scope, venueId, metric);
          // Estimating is CPU work: let the worker's other jobs renew their locks in between.
          await new Promise((resolve) => setImmediate(resolve));
          if (created) result.measured++;
          else result.unchanged++;
        }
    }
    if (result.measured) this.logger.log(`Measured ${result.measured} effect(s) of ${result.items} item(s)`);
    return result;
  }

  /** Measures one effect unless its inputs version is stored; true when a row was added. */
  private async measure(
    item: WindowedItem,
    items: WindowedItem[],
    scope: Scope,
    venueId: string | null,
    metric: Metric,
  ): Promise<boolean> {
    const candidates = scope === 'city' ? items : items.filter((i) => i.venueId === venueId);
    const group = overlapGroup(item, candidates);
    const length = diffDays(group.window.from, group.window.to) + 1;
    // The minimum history, plus room for backtest windows skipped because of holidays.
    const seriesFrom = addDays(group.window.from, -requiredHistory(length) - HOLIDAY_SEARCH_DAYS);
    const values = await this.loader.series(venueId, metric, seriesFrom, group.window.to);
    const special = await this.loader.specialDays(seriesFrom, group.window.to);
    const shares = splitExcess(
      group.members.map((m) => ({ id: `${m.type}:${m.id}`, expected: m.expected[scope][metric] })),
    );
    const split: EffectShare[] = group.members.map((m, k) => ({
      itemType: m.type,
      itemId: m.id,
      expected: m.expected[scope][metric],
      share: shares[k].share,
    }));
    const inputsHash = createHash('sha256')
      .update(
        JSON.stringify({
          v: ESTIMATOR_VERSION,
          item: [item.type, item.id, item.window],
          scope: [scope, venueId, metric],
          group: group.window,
          split,
          from: seriesFrom,
          values,
          special: special.flatMap((s, i) => (s ? [i] : [])),
        }),
      )
      .digest('hex');
    const key = { itemType: item.type, itemId: item.id, scope, metric, inputsHash };
    if (await this.effects.existsBy(key)) return false;
    const previous = await this.effects.find({
      select: { revision: true },
      where: { itemType: item.type, itemId: item.id, scope, metric },
      order: { revision: 'DESC' },
      take: 1,
    });

    const estimate = estimateUplift({
      values,
      windowStart: values.length - length,
      windowEnd: values.length - 1,
      special,
    });
    const share = split.find((s) => s.itemType === item.type && s.itemId === item.id)!.share;
    const part = (v: number): number => Math.round(v * share);
    const row: ItemEffect = Object.assign(new ItemEffect(), {
      id: newId(),
      ...key,
      year: yearOf(item.window.from),
      venueId,
      computedAt: this.clock.now(),
      revision: (previous[0]?.revision ?? 0) + 1,
      verdict: estimate.verdict,
      reason: estimate.verdict === 'not_measurable' ? estimate.reason : null,
      method: estimate.verdict === 'not_measurable' ? null : estimate.method,
      windowStart: item.window.from,
      windowEnd: item.window.to,
      groupStart: group.window.from,
      groupEnd: group.window.to,
      actual: estimate.verdict === 'not_measurable' ? null : Math.round(estimate.actual),
      counterfactual: estimate.verdict === 'not_measurable' ? null : Math.round(estimate.counterfactual),
      groupEstimate: estimate.verdict === 'not_measurable' ? null : Math.round(estimate.estimate),
      share,
      estimate: estimate.verdict === 'not_measurable' ? null : part(estimate.estimate),
      lo80: estimate.verdict === 'not_measurable' ? null : part(estimate.interval80.lower),
      hi80: estimate.verdict === 'not_measurable' ? null : part(estimate.interval80.upper),
      lo95: estimate.verdict === 'not_measurable' ? null : part(estimate.interval95.lower),
      hi95: estimate.verdict === 'not_measurable' ? null : part(estimate.interval95.upper),
      split,
    });
    await this.effects.createQueryBuilder().insert().values(row).orIgnore().execute();
    // Another run may have stored the same inputs version first: then its row stands.
    return (await this.effects.existsBy({ id: row.id })) === true;
  }
}
