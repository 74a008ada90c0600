import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { NotFoundError, UnprocessableError, ValidationError } from '../common/errors/domain-error.js';
import { mapPage, pageOf, pageWindow, type Page } from '../common/http/pagination.js';
import { Clock } from '../common/time/clock.js';
import { NEXT_VERSION } from '../common/http/if-match.js';
import { Event } from '../events/event.entity.js';
import { newId } from '../infra/database/new-id.js';
import { Venue } from '../venues/venue.entity.js';
import type {
  AddScenarioChangeDto,
  CreateScenarioDto,
  ListScenariosQuery,
  UpdateScenarioDto,
} from './dto/scenario.dto.js';
import { ScenarioView } from './dto/scenario.view.js';
import {
  ACTION_FIELDS,
  CAMPAIGN_CHANGE_FIELDS,
  EVENT_CHANGE_FIELDS,
  type ScenarioChangeDetails,
  type ScenarioSubject,
} from './scenario-change.js';
import { ScenarioChange } from './scenario-change.entity.js';
import { ScenarioProjection } from './scenario-projection.entity.js';
import { ScenarioQueue } from './scenario-queue.js';
import { Scenario } from './scenario.entity.js';

const DETAIL_FIELDS = [
  'name',
  'channel',
  'budgetYuan',
  'venueId',
  'startDate',
  'endDate',
  'expectedIncrementalVisitors',
  'expectedIncrementalRevenueYuan',
  'expectedAttendance',
  'expectedOutsideCitySharePct',
  'expectedSpendPerAttendeeYuan',
] as const;

/**
 * Scenarios and their changes. Stored apart from the official plan: nothing here writes a
 * campaign or an event. Every change bumps the scenario's version and re-queues the projections
 * already asked for, so they are fresh by the next read.
 */
@Injectable()
export class ScenariosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: ScenarioQueue,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateScenarioDto, user: AuthUser): Promise<ScenarioView> {
    const now = this.clock.now();
    const id = newId();
    await this.dataSource.manager.insert(Scenario, {
      id,
      name: dto.name.trim(),
      description: dto.description ?? null,
      version: 1,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    return this.get(id);
  }

  async list(query: ListScenariosQuery): Promise<Page<ScenarioView>> {
    const { limit, offset } = pageWindow(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(Scenario, {
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const changes = await this.changesOf(rows.map((r) => r.id));
    return mapPage(pageOf(rows, total, query), (s) =>
      ScenarioView.of(
        s,
        changes.filter((c) => c.scenarioId === s.id),
      ),
    );
  }

  async get(id: string): Promise<ScenarioView> {
    const scenario = await this.find(id);
    return ScenarioView.of(scenario, await this.changesOf([id]));
  }

  async find(id: string): Promise<Scenario> {
    const scenario = await this.dataSource.manager.findOneBy(Scenario, { id });
    if (!scenario) throw new NotFoundError('Scenario', id);
    return scenario;
  }

  async update(id: string, dto: UpdateScenarioDto): Promise<ScenarioView> {
    await this.find(id);
    if (dto.name === null)
      throw new ValidationError('name must not be null', [{ field: 'name', problems: ['must not be null'] }]);
    const patch: Partial<Scenario> = { updatedAt: this.clock.now() };
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.description !== undefined) patch.description = dto.description;
    await this.dataSource.manager.update(Scenario, { id }, patch);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    await this.dataSource.manager.delete(Scenario, { id });
  }

  async addChange(id: string, dto: AddScenarioChangeDto): Promise<ScenarioView> {
    const { subjectType, subjectId, details } = this.validate(dto);
    await this.dataSource.transaction(async (manager) => {
      const scenario = await manager.findOneBy(Scenario, { id });
      if (!scenario) throw new NotFoundError('Scenario', id);
      await this.assertSubject(manager, dto, subjectType, subjectId);
      const last = await manager.findOne(ScenarioChange, {
        where: { scenarioId: id },
        order: { seq: 'DESC' },
      });
      await manager.insert(ScenarioChange, {
        id: newId(),
        scenarioId: id,
        seq: (last?.seq ?? 0) + 1,
        action: dto.action,
        subjectType,
        subjectId,
        details,
        createdAt: this.clock.now(),
      });
      await this.bump(manager, id);
    });
    await this.requeue(id);
    return this.get(id);
  }

  async removeChange(id: string, changeId: string): Promise<ScenarioView> {
    await this.dataSource.transaction(async (manager) => {
      const change = await manager.findOneBy(ScenarioChange, { id: changeId, scenarioId: id });
      if (!change) throw new NotFoundError('Scenario change', changeId);
      await manager.delete(ScenarioChange, { id: changeId });
      await this.bump(manager, id);
    });
    await this.requeue(id);
    return this.get(id);
  }

  private async bump(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Scenario)
      .set({ version: NEXT_VERSION, updatedAt: this.clock.now() })
      .where('id = :id', { id })
      .execute();
  }

  /** Re-queues the projections of targets already asked for with this scenario. */
  private async requeue(id: string): Promise<void> {
    const rows = await this.dataSource
      .getRepository(ScenarioProjection)
      .createQueryBuilder('p')
      .select('DISTINCT p.targetId', 'targetId')
      .where('p.scenarioId = :id', { id })
      .getRawMany<{ targetId: string }>();
    for (const r of rows) await this.queue.enqueue(id, r.targetId);
  }

  private changesOf(ids: string[]): Promise<ScenarioChange[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ScenarioChange)
      .createQueryBuilder('c')
      .where('c.scenarioId IN (:...ids)', { ids })
      .orderBy('c.seq', 'ASC')
      .getMany();
  }

  /** Checks that the change has the fields its action needs and no others (400 naming them). */
  private validate(dto: AddScenarioChangeDto): {
    subjectType: ScenarioSubject | null;
    subjectId: string | null;
    details: ScenarioChangeDetails;
  } {
    const problems: { field: string; problems: string[] }[] = [];
    const rule = ACTION_FIELDS[dto.action];
    const needsSubject = !dto.action.startsWith('add_');
    let subjectType: ScenarioSubject | null = null;
    let subjectId: string | null = null;
    if (needsSubject) {
      if (!!dto.campaignId === !!dto.eventId)
        problems.push({
          field: 'campaignId',
          problems: [`${dto.action} needs exactly one of campaignId and eventId`],
        });
      subjectType = dto.campaignId ? 'campaign' : 'event';
      subjectId = dto.campaignId ?? dto.eventId ?? null;
    } else {
      for (const f of ['campaignId', 'eventId'] as const)
        if (dto[f] !== undefined) problems.push({ field: f, problems: [`${dto.action} does not take ${f}`] });
    }
    let allowed = [...rule.required, ...rule.optional];
    if (dto.action === 'change')
      allowed = subjectType === 'campaign' ? CAMPAIGN_CHANGE_FIELDS : EVENT_CHANGE_FIELDS;
    const details: ScenarioChangeDetails = {};
    for (const f of DETAIL_FIELDS) {
      const value = dto[f];
      if (value === undefined) continue;
      if (!allowed.includes(f))
        problems.push({
          field: f,
          problems: [`${dto.action} of ${subjectType ?? 'a new item'} does not take ${f}`],
        });
      else
        (details as Record<string, unknown>)[f] =
          typeof value === 'string' && f === 'name' ? value.trim() : value;
    }
    for (const f of rule.required)
      if (dto[f as keyof AddScenarioChangeDto] === undefined)
        problems.push({ field: f, problems: [`${dto.action} needs ${f}`] });
    if (dto.action === 'change' && !Object.keys(details).length && problems.length === 0)
      problems.push({ field: 'action', problems: [`change needs at least one of ${allowed.join(', ')}`] });
    if (dto.startDate && dto.endDate && dto.endDate < dto.startDate)
      problems.push({ field: 'endDate', problems: ['endDate must not be before startDate'] });
    if (problems.length)
      throw new ValidationError(
        `Invalid ${dto.action} change: ${problems.map((p) => p.problems[0]).join('; ')}`,
        problems,
      );
    return { subjectType, subjectId, details };
  }

  private async assertSubject(
    manager: EntityManager,
    dto: AddScenarioChangeDto,
    subjectType: ScenarioSubject | null,
    subjectId: string | null,
  ): Promise<void> {
    if (dto.venueId && !(await manager.existsBy(Venue, { id: dto.venueId })))
      throw new NotFoundError('Venue', dto.venueId);
    if (!subjectType || !subjectId) return;
    const row =
      subjectType === 'campaign'
        ? await manager.findOne(Campaign, { select: { id: true, status: true }, where: { id: subjectId } })
        : await manager.findOne(Event, { select: { id: true, status: true }, where: { id: subjectId } });
    if (!row) throw new NotFoundError(subjectType === 'campaign' ? 'Campaign' : 'Event', subjectId);
    if (row.status === 'completed' || row.status === 'cancelled') {
      throw new UnprocessableError(
        'scenario_change_invalid',
        `The ${subjectType} ${subjectId} is ${row.status}: a scenario cannot ${dto.action} it`,
        { subjectType, subjectId, status: row.status },
      );
    }
  }
}
