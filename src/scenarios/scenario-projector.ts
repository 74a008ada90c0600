import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Clock } from '../common/time/clock.js';
import { Event } from '../events/event.entity.js';
import { newId } from '../infra/database/new-id.js';
import type { CampaignFacts } from '../projections/math/contribution-spread.js';
import { ProjectionInputLoader } from '../projections/rebuild/projection-input.loader.js';
import { projectYear, type ProjectionResult } from '../projections/math/projection-math.js';
import { ProjectionState } from '../projections/rebuild/projection-state.js';
import { TargetsService } from '../targets/targets.service.js';
import { Venue } from '../venues/venue.entity.js';
import { applyScenario, type ScenarioFacts, type VenueEventFacts } from './scenario-apply.js';
import { ScenarioChange } from './scenario-change.entity.js';
import { ScenarioProjection, type ProjectionFigures } from './scenario-projection.entity.js';
import { Scenario } from './scenario.entity.js';

/** Stored projections kept per (scenario, target); older ones are deleted. */
export const SCENARIO_PROJECTIONS_KEPT = 10;

/** The scenario or the target is gone: retrying cannot help. */
export class ScenarioGoneError extends Error {}

/**
 * Computes one target's projection with a scenario applied, beside the official one, from the
 * same inputs the official rebuild loads (ProjectionInputLoader) and the same pure maths
 * (applyScenario over contribution-spread, then projectYear). Idempotent: reads the scenario's
 * version and the target's inputs version first, reuses the row of that pair of versions if
 * there is one, and stores one row per pair (unique index; `INSERT ... OR IGNORE`).
 */
@Injectable()
export class ScenarioProjector {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly state: ProjectionState,
    private readonly targets: TargetsService,
    private readonly loader: ProjectionInputLoader,
    private readonly clock: Clock,
  ) {}

  async run(scenarioId: string, targetId: string): Promise<{ id: string; built: boolean }> {
    const manager = this.dataSource.manager;
    const scenario = await manager.findOneBy(Scenario, { id: scenarioId });
    if (!scenario) throw new ScenarioGoneError(`Scenario ${scenarioId} no longer exists`);
    const inputsVersion = await this.state.inputsVersion(targetId);
    if (inputsVersion === null) throw new ScenarioGoneError(`Target ${targetId} no longer exists`);
    const key = { scenarioId, targetId, scenarioVersion: scenario.version, inputsVersion };
    const existing = await manager.findOneBy(ScenarioProjection, key);
    if (existing) return { id: existing.id, built: false };

    const started = performance.now();
    const resolved = await this.targets.get(targetId);
    const loaded = await this.loader.load(resolved, this.clock.today());
    const changes = await manager.find(ScenarioChange, { where: { scenarioId }, order: { seq: 'ASC' } });
    const facts = await this.facts(changes);
    const { contributions, applied } = applyScenario(loaded.contributions, changes, facts, {
      metric: resolved.target.metric,
      venueId: resolved.target.venueId,
      dates: loaded.input.dates,
      counted: loaded.input.asOfIndex + 1,
    });
    const official = projectYear(loaded.input);
    const withScenario = projectYear({ ...loaded.input, contributions: contributions.map((c) => c.input) });
    const row: ScenarioProjection = {
      id: newId(),
      ...key,
      computedAt: this.clock.now(),
      durationMs: Math.round(performance.now() - started),
      asOf: official.asOf,
      targetTotal: Math.round(resolved.total),
      official: figures(official),
      withScenario: figures(withScenario),
      changes: applied,
      notes: loaded.notes,
    };
    await manager.createQueryBuilder().insert().into(ScenarioProjection).values(row).orIgnore().execute();
    const stored = await manager.findOneByOrFail(ScenarioProjection, key);
    if (stored.id === row.id) await this.prune(scenarioId, targetId);
    return { id: stored.id, built: stored.id === row.id };
  }

  private async facts(changes: ScenarioChange[]): Promise<ScenarioFacts> {
    const ids = (type: string) => changes.filter((c) => c.subjectType === type).map((c) => c.subjectId!);
    const manager = this.dataSource.manager;
    const campaignIds = ids('campaign');
    const eventIds = ids('event');
    const venueIds = changes.flatMap((c) => (c.details.venueId ? [c.details.venueId] : []));
    const [campaigns, events, venues] = await Promise.all([
      campaignIds.length ? manager.findBy(Campaign, { id: In(campaignIds) }) : [],
      eventIds.length ? manager.find(Event, { where: { id: In(eventIds) }, relations: { venue: true } }) : [],
      venueIds.length ? manager.findBy(Venue, { id: In(venueIds) }) : [],
    ]);
    return {
      campaigns: new Map<string, CampaignFacts>(campaigns.map((c) => [c.id, c])),
      events: new Map<string, VenueEventFacts>(
        events.map((e) => [e.id, { ...e, timeZone: e.venue?.timeZone ?? 'Asia/Shanghai' }]),
      ),
      venueZones: new Map(venues.map((v) => [v.id, v.timeZone])),
    };
  }

  private async prune(scenarioId: string, targetId: string): Promise<void> {
    const old = await this.dataSource.manager.find(ScenarioProjection, {
      select: { id: true },
      where: { scenarioId, targetId },
      order: { computedAt: 'DESC', id: 'DESC' },
      skip: SCENARIO_PROJECTIONS_KEPT,
      take: 1000,
    });
    if (old.length)
      await this.dataSource.manager.delete(ScenarioProjection, { id: In(old.map((o) => o.id)) });
  }
}

function figures(r: ProjectionResult): ProjectionFigures {
  return {
    median: Math.round(r.projected.median),
    lo80: Math.round(r.projected.lo80),
    hi80: Math.round(r.projected.hi80),
    lo95: Math.round(r.projected.lo95),
    hi95: Math.round(r.projected.hi95),
    probability: r.probability,
    status: r.status,
    contributionsTotal: Math.round(r.contributionsTotal),
  };
}
