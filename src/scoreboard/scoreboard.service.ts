import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, type DataSource } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { toCsv } from '../common/http/csv.js';
import { Clock } from '../common/time/clock.js';
import { localDateOf, startOfLocalDay, yearEnd, yearStart } from '../common/time/local-date.js';
import { EffectsService } from '../effects/effects.service.js';
import type { ItemEffect } from '../effects/item-effect.entity.js';
import { Event } from '../events/event.entity.js';
import { FundLedger } from '../funds/fund-ledger.js';
import type { ScoreboardView } from './dto/scoreboard.view.js';
import { scoreboard, type GroupBy, type Measure, type ScoreItem } from './scoreboard-math.js';

/** Events not linked to a campaign, in the channel view. */
export const NO_CHANNEL = 'organizer_events';
const NO_ORGANIZATION = 'none';

const CAVEATS = [
  'Measured figures are the city-wide excess over a counterfactual forecast fitted before each item’s window; items whose windows overlap share the excess in proportion to their expected increments.',
  '“no_effect_detectable” items count with their estimate (their interval includes zero); items not measurable or not computed yet are listed apart, never counted as zero.',
  'Yuan per measured visitor and revenue per yuan use the actual spend of measured campaigns only; events carry no spend.',
  'Discipline: campaigns completed with their actual spend within 14 days of their end, and organizers’ events completed with actual attendance, over all those due.',
];

/**
 * The scoreboard of a year: loads the year's campaigns (with their allocations) and events,
 * their latest measured effects (through the effects feature) and runs the pure scoreboard.
 */
@Injectable()
export class ScoreboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly effects: EffectsService,
    private readonly ledger: FundLedger,
    private readonly clock: Clock,
  ) {}

  async scoreboard(year: number, by: GroupBy = 'unit'): Promise<ScoreboardView> {
    const items = await this.items(year);
    const today = this.clock.today();
    const rows = scoreboard(items, by, today);
    const best = rows.find((r) => r.ranks.yuanPerMeasuredVisitor === 1);
    const caveats = [...CAVEATS];
    const unranked = rows.filter((r) => r.yuanPerMeasuredVisitor === null);
    if (unranked.length)
      caveats.push(
        `${unranked.length} of ${rows.length} group(s) have no measured cost per visitor; each row says why.`,
      );
    return {
      year,
      by,
      today,
      rows,
      leader:
        best && best.yuanPerMeasuredVisitor
          ? {
              key: best.key,
              label: best.label,
              yuanPerMeasuredVisitor: best.yuanPerMeasuredVisitor,
              visitorsPerYuan: 1 / best.yuanPerMeasuredVisitor,
            }
          : null,
      caveats,
    };
  }

  async csv(year: number, by: GroupBy = 'unit'): Promise<string> {
    const board = await this.scoreboard(year, by);
    const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
    return toCsv(
      [
        'group',
        'key',
        'campaigns',
        'events',
        'budget_yuan',
        'allocated_yuan',
        'spent_yuan',
        'utilisation',
        'expected_visitors',
        'expected_revenue_yuan',
        'measured_items',
        'measured_significant',
        'measured_visitors',
        'measured_revenue_yuan',
        'measured_spend_yuan',
        'unmeasured_items',
        'unmeasured_spend_yuan',
        'open_items',
        'yuan_per_measured_visitor',
        'measured_revenue_per_yuan',
        'rank_yuan_per_visitor',
        'rank_revenue_per_yuan',
        'discipline',
        'rank_discipline',
        'not_ranked_because',
        'unmeasured_reasons',
      ],
      board.rows.map((r) => [
        r.label,
        r.key,
        r.campaigns,
        r.events,
        r.budgetYuan,
        r.allocatedYuan,
        r.spentYuan,
        round(r.utilisation, 4),
        r.expected.visitors,
        r.expected.revenueYuan,
        r.measured.items,
        r.measured.significant,
        r.measured.visitors,
        r.measured.revenueYuan,
        r.measured.spendYuan,
        r.unmeasured.items,
        r.unmeasured.spendYuan,
        r.open,
        round(r.yuanPerMeasuredVisitor, 2),
        round(r.measuredRevenuePerYuan, 4),
        r.ranks.yuanPerMeasuredVisitor,
        r.ranks.measuredRevenuePerYuan,
        round(r.discipline.rate, 4),
        r.ranks.discipline,
        r.notRankedBecause,
        r.unmeasured.list.map((u) => `${u.name}: ${u.verdict} (${u.reason})`).join('; '),
      ]),
    );
  }

  private async items(year: number): Promise<ScoreItem[]> {
    const manager = this.dataSource.manager;
    const [campaigns, events, effects] = await Promise.all([
      manager.find(Campaign, {
        where: { startDate: Between(yearStart(year), yearEnd(year)) },
        relations: { responsibleOrganization: true },
        order: { startDate: 'ASC', id: 'ASC' },
      }),
      manager
        .getRepository(Event)
        .createQueryBuilder('e')
        .leftJoinAndSelect('e.organization', 'o')
        .leftJoinAndSelect('e.campaign', 'c')
        .leftJoinAndSelect('e.venue', 'v')
        .where('e.startsAt >= :from AND e.startsAt < :to', {
          from: startOfLocalDay(yearStart(year)),
          to: startOfLocalDay(yearStart(year + 1)),
        })
        .orderBy('e.startsAt', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany(),
      this.effects.latestForYear(year),
    ]);
    const measures = new Map<string, Measure>();
    for (const e of effects)
      if (e.scope === 'city') measures.set(`${e.itemType}:${e.itemId}:${e.metric}`, measure(e));
    const measureOf = (kind: string, id: string, metric: string) =>
      measures.get(`${kind}:${id}:${metric}`) ?? null;

    const allocated = new Map<string, number>();
    for (const a of await this.ledger.factsOfCampaigns(campaigns.map((c) => c.id)))
      allocated.set(a.campaignId, (allocated.get(a.campaignId) ?? 0) + a.amountYuan);

    const items: ScoreItem[] = campaigns.map((c) => ({
      kind: 'campaign',
      id: c.id,
      name: c.name,
      unit: c.responsibleUnit,
      organizationKey: c.responsibleOrganizationId ?? NO_ORGANIZATION,
      organizationLabel: c.responsibleOrganization?.name ?? '(not an organization on the platform)',
      channel: c.channel,
      status: c.status,
      budgetYuan: c.budgetYuan,
      allocatedYuan: allocated.get(c.id) ?? 0,
      actualSpendYuan: c.actualSpendYuan,
      expectedVisitors: c.expectedIncrementalVisitors,
      expectedRevenueYuan: c.expectedIncrementalRevenueYuan,
      endDate: c.endDate,
      // A completed campaign can no longer be edited: its last update is its completion.
      completedOn: c.status === 'completed' ? localDateOf(c.updatedAt) : null,
      visitors: measureOf('campaign', c.id, 'visitors'),
      revenue: measureOf('campaign', c.id, 'revenue'),
    }));
    for (const e of events) {
      const zone = e.venue?.timeZone ?? 'Asia/Shanghai';
      const outside = (e.expectedAttendance * (e.expectedOutsideCitySharePct ?? 0)) / 100;
      const organization = e.organization?.name ?? e.organizationId;
      items.push({
        kind: 'event',
        id: e.id,
        name: e.titleZh,
        unit: organization,
        organizationKey: e.organizationId,
        organizationLabel: organization,
        channel: e.campaign?.channel ?? NO_CHANNEL,
        status: e.status,
        budgetYuan: 0,
        allocatedYuan: 0,
        actualSpendYuan: null,
        expectedVisitors: Math.round(outside),
        expectedRevenueYuan:
          e.expectedSpendPerAttendeeYuan === null
            ? null
            : Math.round(outside * e.expectedSpendPerAttendeeYuan),
        endDate: localDateOf(new Date(e.endsAt.getTime() - 1), zone),
        completedOn: e.status === 'completed' ? localDateOf(e.updatedAt, zone) : null,
        visitors: measureOf('event', e.id, 'visitors'),
        revenue: measureOf('event', e.id, 'revenue'),
      });
    }
    // Only events that were (or are to be) held count: drafts, submitted and rejected ones are not the unit's results.
    return items.filter(
      (i) => i.kind === 'campaign' || ['approved', 'completed', 'cancelled'].includes(i.status),
    );
  }
}

function measure(e: ItemEffect): Measure {
  return { verdict: e.verdict, estimate: e.estimate, reason: e.reason };
}
