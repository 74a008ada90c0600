import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { ActualsQueryService } from '../actuals/actuals-query.service.js';
import { scopeKeyOf } from '../actuals/metric.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { daysInYear, yearEnd, yearStart } from '../common/time/local-date.js';
import { isUniqueViolation } from '../infra/database/constraint-violation.js';
import { assertIfMatch, changedMeanwhile, NEXT_VERSION } from '../common/http/if-match.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { newId } from '../infra/database/new-id.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import type { CreateTargetDto } from './dto/create-target.dto.js';
import { pageOf, pageWindow, type Page } from '../common/http/pagination.js';
import type { ListTargetsQuery } from './dto/list-targets.query.js';
import { TARGET_REQUIRED_FIELDS, type UpdateTargetDto } from './dto/update-target.dto.js';
import { Target } from './target.entity.js';

export type TotalSource = 'baseline_actuals' | 'entered';

/** A target with its total worked out: what every reader of a target needs. */
export interface ResolvedTarget {
  target: Target;
  /** Sum of the baseline year's daily actuals for this metric and scope (null when not complete). */
  baselineTotal: number | null;
  /** Days of the baseline year that have a figure, out of `baselineDaysInYear`. */
  baselineDays: number;
  baselineDaysInYear: number;
  /** The yearly total to reach. */
  total: number;
  totalSource: TotalSource;
}

/**
 * Yearly targets. The total is never stored for computed targets: it is the baseline year's
 * actuals × (1 + growth), read when needed, so a corrected baseline figure moves the target at
 * once. A planner enters the total only when the baseline year has no complete actuals for the
 * metric and scope.
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectRepository(Target) private readonly targets: Repository<Target>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actuals: ActualsQueryService,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateTargetDto, user: AuthUser): Promise<ResolvedTarget> {
    const venueId = dto.scope === 'venue' ? (dto.venueId ?? null) : null;
    if (dto.scope === 'venue' && !venueId)
      throw new ValidationError('venueId is required for a venue target', [
        { field: 'venueId', problems: ['required when scope is venue'] },
      ]);
    if (dto.scope === 'city' && dto.venueId)
      throw new ValidationError('A city target has no venueId', [
        { field: 'venueId', problems: ['must be left out when scope is city'] },
      ]);
    this.checkYears(dto.year, dto.baselineYear);
    if (venueId) await this.checkVenue(venueId);
    const scopeKey = scopeKeyOf(venueId);
    if (await this.targets.existsBy({ year: dto.year, metric: dto.metric, scopeKey }))
      throw duplicate(dto.year);
    const target = this.targets.create({
      id: newId(),
      year: dto.year,
      metric: dto.metric,
      scope: dto.scope,
      venueId,
      scopeKey,
      baselineYear: dto.baselineYear,
      growthRate: dto.growthRate,
      enteredTotal: null,
      note: dto.note ?? null,
      inputsVersion: 1,
      projectedVersion: 0,
      // A new target has no projection yet.
      dirtySince: this.clock.now(),
      createdById: user.id,
    });
    target.enteredTotal = await this.checkTotal(
      target,
      dto.targetTotal ?? null,
      dto.targetTotal !== undefined,
    );
    try {
      // A new target is dirty from its first row (inputsVersion 1, dirtySince set above).
      await this.targets.insert(target);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(dto.year);
      throw error;
    }
    await this.projections.queue([target.id], 'target');
    return this.get(target.id);
  }

  async update(id: string, dto: UpdateTargetDto): Promise<ResolvedTarget> {
    rejectNulls(dto, TARGET_REQUIRED_FIELDS);
    const target = await this.find(id);
    if (dto.baselineYear !== undefined) target.baselineYear = dto.baselineYear;
    if (dto.growthRate !== undefined) target.growthRate = dto.growthRate;
    if (dto.note !== undefined) target.note = dto.note;
    this.checkYears(target.year, target.baselineYear);
    const entered = dto.targetTotal === undefined ? target.enteredTotal : dto.targetTotal;
    target.enteredTotal = await this.checkTotal(target, entered, dto.targetTotal !== undefined);
    await this.projections.transaction(async (manager, changed) => {
      // Compare-and-set: an edit that landed since the read above is not overwritten.
      const result = await manager.update(
        Target,
        { id, version: target.version },
        {
          baselineYear: target.baselineYear,
          growthRate: target.growthRate,
          enteredTotal: target.enteredTotal,
          note: target.note,
          version: NEXT_VERSION,
        },
      );
      if (result.affected !== 1) throw changedMeanwhile('Target', id);
      await changed({ source: 'target', years: [target.year], targetIds: [id] });
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const target = await this.find(id);
    const result = await this.targets.delete({ id, version: target.version });
    if (result.affected !== 1) throw changedMeanwhile('Target', id);
  }

  async list(query: ListTargetsQuery = {}): Promise<ResolvedTarget[]> {
    return Promise.all((await this.rows(query)).map((t) => this.resolve(t)));
  }

  /** The target rows matching the filter, not resolved (no actuals read). */
  rows(query: ListTargetsQuery = {}): Promise<Target[]> {
    return this.targets.find({ where: targetFilter(query), order: TARGET_ORDER });
  }

  /** One page of targets, as every list answers: `{items, total, limit, offset}`. */
  async page(query: ListTargetsQuery): Promise<Page<ResolvedTarget>> {
    const { limit, offset } = pageWindow(query);
    const [rows, total] = await this.targets.findAndCount({
      where: targetFilter(query),
      order: { ...TARGET_ORDER, id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return pageOf(await Promise.all(rows.map((t) => this.resolve(t))), total, query);
  }

  async get(id: string): Promise<ResolvedTarget> {
    return this.resolve(await this.find(id));
  }

  async find(id: string): Promise<Target> {
    const target = await this.targets.findOneBy({ id });
    if (!target) throw new NotFoundError('Target', id);
    assertIfMatch('targets', id, target.version);
    return target;
  }

  /** Works out the total of a target from its baseline year's actuals or its entered total. */
  async resolve(target: Target): Promise<ResolvedTarget> {
    const baselineDaysInYear = daysInYear(target.baselineYear);
    const coverage = await this.actuals.coverage(
      { metric: target.metric, venueId: target.venueId },
      yearStart(target.baselineYear),
      yearEnd(target.baselineYear),
    );
    const complete = coverage.days === baselineDaysInYear;
    const baselineTotal = complete ? coverage.total : null;
    if (target.enteredTotal !== null) {
      return {
        target,
        baselineTotal,
        baselineDays: coverage.days,
        baselineDaysInYear,
        total: target.enteredTotal,
        totalSource: 'entered',
      };
    }
    return {
      target,
      baselineTotal,
      baselineDays: coverage.days,
      baselineDaysInYear,
      // A computed target's baseline stays complete: actuals are replaced, never deleted.
      total: Math.round((baselineTotal ?? 0) * (1 + target.growthRate)),
      totalSource: 'baseline_actuals',
    };
  }

  /**
   * The entered total to store: null when the baseline year is complete (the total is computed),
   * the given total otherwise. `explicit`: the caller sent `targetTotal` in this request.
   */
  private async checkTotal(
    target: Target,
    entered: number | null,
    explicit: boolean,
  ): Promise<number | null> {
    const days = daysInYear(target.baselineYear);
    const coverage = await this.actuals.coverage(
      { metric: target.metric, venueId: target.venueId },
      yearStart(target.baselineYear),
      yearEnd(target.baselineYear),
    );
    if (coverage.days === days) {
      if (entered !== null && explicit) {
        throw new UnprocessableError(
          'target_total_computed',
          `${target.baselineYear} has ${target.metric} actuals for every day: the total is computed as their sum × (1 + growthRate); leave targetTotal out`,
        );
      }
      // A total entered before the baseline was complete stays until a planner sets it to null.
      return explicit ? null : entered;
    }
    if (entered === null) {
      throw new UnprocessableError(
        'baseline_actuals_missing',
        `${target.baselineYear} has ${target.metric} actuals for ${coverage.days} of ${days} days for this scope, so the total cannot be computed: import the missing days or enter targetTotal`,
        { baselineDays: coverage.days, baselineDaysInYear: days },
      );
    }
    return entered;
  }

  private checkYears(year: number, baselineYear: number): void {
    if (baselineYear >= year)
      throw new ValidationError(
        `The baseline year (${baselineYear}) must be before the target year (${year})`,
        [{ field: 'baselineYear', problems: ['must be before year'] }],
      );
  }

  private async checkVenue(venueId: string): Promise<void> {
    const found = await this.dataSource
      .createQueryBuilder()
      .select('v.id', 'id')
      .from('venues', 'v')
      .where('v.id = :venueId', { venueId })
      .getRawOne<{ id: string }>();
    if (!found) throw new UnprocessableError('venue_unknown', `There is no venue ${venueId}`);
  }
}

function duplicate(year: number): ConflictError {
  return new ConflictError(
    'target_exists',
    `There already is a ${year} target for this metric and scope: update it instead`,
  );
}

const TARGET_ORDER = { year: 'DESC', scope: 'ASC', metric: 'DESC' } as const;

function targetFilter(query: ListTargetsQuery): FindOptionsWhere<Target> {
  const where: FindOptionsWhere<Target> = {};
  if (query.year !== undefined) where.year = query.year;
  if (query.metric) where.metric = query.metric;
  if (query.scope) where.scope = query.scope;
  if (query.venueId) where.venueId = query.venueId;
  return where;
}
