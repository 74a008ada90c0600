import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Not, type DataSource } from 'typeorm';
import { CHANNEL_LABELS, type CampaignChannel } from '../campaigns/campaign-status.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { ProjectionSnapshotStore } from '../projections/rebuild/projection-snapshot.store.js';
import { TargetsService } from '../targets/targets.service.js';
import type { GapPlanView } from './dto/gap-plan.view.js';
import { channelCosts, solveGap, type ChannelCampaign } from './gap-plan.js';
import { MeasuredIncrements } from './measured-increments.js';

/** The probabilities a gap plan answers for. */
export const GAP_LEVELS = [0.5, 0.8];

/**
 * "What would lift the probability of reaching the target to 50 % and 80 %": solved on the
 * latest official projection (never waits for a rebuild; says `stale`), priced by channel.
 */
@Injectable()
export class GapPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly snapshots: ProjectionSnapshotStore,
    private readonly measured: MeasuredIncrements,
  ) {}

  async plan(targetId: string): Promise<GapPlanView> {
    const resolved = await this.targets.get(targetId);
    const { target } = resolved;
    const snapshot = await this.snapshots.latest(targetId);
    const campaigns = await this.dataSource.manager.find(Campaign, {
      where: { status: Not('cancelled') },
      order: { startDate: 'ASC', id: 'ASC' },
    });
    const measured = await this.measured.forCampaigns(campaigns, target.metric);
    const costs = channelCosts(
      campaigns.map<ChannelCampaign>((c) => ({
        channel: c.channel,
        budgetYuan: c.budgetYuan,
        actualSpendYuan: c.status === 'completed' ? c.actualSpendYuan : null,
        expected:
          target.metric === 'visitors' ? c.expectedIncrementalVisitors : c.expectedIncrementalRevenueYuan,
        measured: measured.values.get(c.id) ?? null,
      })),
    );
    const notes = [...measured.notes];
    if (costs.some((c) => c.basis === 'expected'))
      notes.push(
        'Channels marked `expected` have no measured effect yet: their cost is budget ÷ expected increment, a plan rather than a result.',
      );
    if (target.venueId)
      notes.push(
        'Campaigns are city-wide: their cost per unit is what they cost for the city, not for this venue.',
      );
    const view: GapPlanView = {
      targetId,
      metric: target.metric,
      unit: target.metric === 'visitors' ? 'visitors' : 'yuan',
      stale: !snapshot || snapshot.inputsVersion !== target.inputsVersion || target.dirtySince !== null,
      asOf: snapshot?.asOf ?? null,
      computedAt: snapshot?.computedAt.toISOString() ?? null,
      targetTotal: Math.round(resolved.total),
      median: snapshot?.median ?? null,
      probability: snapshot?.probability ?? null,
      daysRemaining: snapshot?.daysRemaining ?? 0,
      levels: [],
      channelCosts: costs.map((c) => ({
        ...c,
        label: CHANNEL_LABELS[c.channel as CampaignChannel] ?? c.channel,
      })),
      notes,
    };
    if (!snapshot) {
      notes.unshift('No projection yet: the gap plan follows once the first rebuild has run.');
      return view;
    }
    if (snapshot.daysRemaining === 0) notes.unshift('The year is complete: nothing can be added any more.');
    view.levels = GAP_LEVELS.map((p) => {
      const s = solveGap(snapshot, snapshot.targetTotal, snapshot.daysRemaining, p);
      return {
        ...s,
        channels: costs.map((c) => ({
          channel: c.channel,
          basis: c.basis,
          costPerUnit: c.costPerUnit,
          costYuan: Math.round(s.extraTotal * c.costPerUnit),
          costPerWeekYuan: Math.round(s.extraPerWeek * c.costPerUnit),
        })),
      };
    });
    return view;
  }
}
