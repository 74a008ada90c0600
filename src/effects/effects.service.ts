import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ItemEffect, type EffectItemType } from './item-effect.entity.js';

/**
 * Reads stored effects. "Latest" is per (item, scope, metric): the highest revision, i.e. the
 * newest inputs the job has measured. Other features (the scoreboard) read effects here.
 */
@Injectable()
export class EffectsService {
  constructor(@InjectRepository(ItemEffect) private readonly effects: Repository<ItemEffect>) {}

  /** The latest effect per (item, scope, metric) of every item whose effect window starts in `year`. */
  async latestForYear(year: number): Promise<ItemEffect[]> {
    return latestOnly(
      await this.effects.find({
        where: { year },
        order: { revision: 'DESC', computedAt: 'DESC', id: 'ASC' },
      }),
    );
  }

  /** The latest effect per (scope, metric) of one item (empty until its job has run). */
  async latestForItem(itemType: EffectItemType, itemId: string): Promise<ItemEffect[]> {
    return latestOnly(
      await this.effects.find({
        where: { itemType, itemId },
        order: { revision: 'DESC', computedAt: 'DESC', id: 'ASC' },
      }),
    );
  }
}

function latestOnly(rows: ItemEffect[]): ItemEffect[] {
  const seen = new Set<string>();
  const latest: ItemEffect[] = [];
  for (const row of rows) {
    const key = `${row.itemType}:${row.itemId}:${row.scope}:${row.metric}`;
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push(row);
  }
  return latest.sort((a, b) =>
    a.itemType !== b.itemType
      ? a.itemType.localeCompare(b.itemType)
      : a.itemId !== b.itemId
        ? a.itemId.localeCompare(b.itemId)
        : a.scope !== b.scope
          ? a.scope.localeCompare(b.scope)
          : a.metric.localeCompare(b.metric),
  );
}
