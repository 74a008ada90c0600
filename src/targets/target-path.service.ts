import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActualsQueryService } from '../actuals/actuals-query.service.js';
import { ValidationError } from '../common/errors/domain-error.js';
import { yearDays, yearEnd, yearOf, yearStart, type LocalDate } from '../common/time/local-date.js';
import { HolidayCalendar } from '../holidays/holiday-calendar.service.js';
import { alignBaselineProfile, shapeOf, type AlignmentRule } from '../holidays/holiday-alignment.js';
import type { HolidayYear } from '../holidays/holiday-year.js';
import { cumulativePath, uniformShares, type PathDay } from './target-path.js';
import type { TargetPathView } from './dto/target.view.js';
import { TargetsService, type ResolvedTarget } from './targets.service.js';
import { LruMap } from '../common/lru-map.js';
import { ProjectionInputs, type InputChange } from '../projections/rebuild/projection-inputs.js';
import type { Target } from './target.entity.js';

/**
 * Kinds of change that move a projection but never a path: a path is made of the target itself,
 * its baseline year's actuals and the holidays.
 */
const PATH_NEUTRAL: ReadonlySet<InputChange['source']> = new Set(['event', 'campaign']);

/** Below this share of baseline days with a figure, the path is uniform. */
export const MIN_PROFILE_COVERAGE = 0.8;

export type PathShape = 'baseline_profile' | 'uniform';

export interface TargetPathDay extends PathDay {
  /** The baseline day whose figure shapes this day (null: uniform, or a weekday mean). */
  alignedFrom: LocalDate | null;
  rule: AlignmentRule | 'uniform';
}

export interface TargetPath {
  resolved: ResolvedTarget;
  shape: PathShape;
  /** Why the shape is what it is, for people. */
  shapeNote: string;
  calendars: { baseline: HolidayYear['source']; target: HolidayYear['source'] };
  /** Every day of the target year (slice with {@link slicePath}). */
  days: TargetPathDay[];
}

/**
 * The target path: how much of the yearly total the year should have brought by each day. Its
 * shape is the baseline year's daily profile (same metric and scope) with the moving holidays
 * moved to the target year (see holiday-alignment.ts); uniform when the baseline year has
 * figures for fewer than 80 % of its days.
 */
@Injectable()
export class TargetPathService {
  private readonly memo = new PathMemo();
  /**
   * Paths by target id, with the inputs version of the target row they were made from (read
   * before the path's inputs, so a change meanwhile shows as a newer version). A commit that
   * moved a target only with event or campaign changes carries its entry to the new version:
   * an event's capacity check after its edit then reads no path input at all.
   */
  private readonly byVersion = new LruMap<string, { inputsVersion: number; path: TargetPath }>(
    PATH_MEMO_SIZE,
  );

  constructor(
    private readonly actuals: ActualsQueryService,
    private readonly holidays: HolidayCalendar,
    private readonly targets: TargetsService,
    inputs: ProjectionInputs,
  ) {
    inputs.onCommittedBumps(PATH_NEUTRAL, (bumps) => {
      for (const { targetId, from, to } of bumps) {
        const known = this.byVersion.peek(targetId);
        if (known?.inputsVersion === from) known.inputsVersion = to;
      }
    });
  }

  /**
   * The path of a target as read from its row (not resolved): without reading any input when
   * the row's inputs version is one this process has the path of. Its `resolved.target` is the
   * row it was made from: use its days and shape, not that row's freshness columns.
   */
  async ofTarget(target: Target): Promise<TargetPath> {
    const known = this.byVersion.get(target.id);
    if (known?.inputsVersion === target.inputsVersion) return known.path;
    const path = await this.path(await this.targets.resolve(target));
    this.byVersion.set(target.id, { inputsVersion: target.inputsVersion, path });
    return path;
  }

  /** The path of a target, by id. */
  async forTarget(targetId: string): Promise<TargetPath> {
    return this.path(await this.targets.get(targetId));
  }

  /** The API view of a target's path within [from, to] (default: the whole year). */
  async read(targetId: string, from?: LocalDate, to?: LocalDate): Promise<TargetPathView> {
    const path = await this.forTarget(targetId);
    const { target, total, totalSource } = path.resolved;
    const days = slicePath(path.days, target.year, from, to);
    return {
      targetId: target.id,
      year: target.year,
      metric: target.metric,
      targetTotal: total,
      totalSource,
      shape: path.shape,
      shapeNote: path.shapeNote,
      calendars: path.calendars,
      from: from ?? yearStart(target.year),
      to: to ?? yearEnd(target.year),
      days: days.map((d) => ({
        date: d.date,
        expected: d.expected,
        cumulative: d.cumulative,
        alignedFrom: d.alignedFrom,
        rule: d.rule,
      })),
    };
  }

  /**
   * The path of a resolved target. Its inputs are read every time (the holidays of both years and
   * the baseline year's daily figures: two small queries), and the path is computed once per
   * distinct inputs ({@link PathMemo}): an event or campaign edit bumps the target's inputs
   * version but leaves these alone, so the capacity checks and rebuilds that follow reuse it.
   */
  async path(resolved: ResolvedTarget): Promise<TargetPath> {
    const { target } = resolved;
    const calendars = await this.holidays.years([target.baselineYear, target.year]);
    const profiled = resolved.baselineDays / resolved.baselineDaysInYear >= MIN_PROFILE_COVERAGE;
    const values = profiled
      ? await this.actuals.dailyValues(
          { metric: target.metric, venueId: target.venueId },
          yearStart(target.baselineYear),
          yearEnd(target.baselineYear),
        )
      : null;
    const inputs = { resolved, calendars, values };
    return { ...this.memo.get(inputs, () => pathOf(inputs)), resolved };
  }
}

interface PathInputs {
  resolved: ResolvedTarget;
  calendars: Map<number, HolidayYear>;
  /** The baseline year's daily figures; null when too few days have one (a uniform path). */
  values: Map<LocalDate, number> | null;
}

/** Paths kept per process; the least recently used is dropped beyond this. */
const PATH_MEMO_SIZE = 256;

/**
 * Computed paths by a digest of everything they are made of, so a hit is right by construction
 * (no version to keep in step): the target's year, baseline year, metric, scope and total, the
 * baseline coverage, both years' holiday days and the baseline figures.
 */
class PathMemo {
  private readonly entries = new LruMap<string, Omit<TargetPath, 'resolved'>>(PATH_MEMO_SIZE);

  get(inputs: PathInputs, compute: () => TargetPath): Omit<TargetPath, 'resolved'> {
    const key = digestOf(inputs);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const { resolved: _, ...path } = compute();
    this.entries.set(key, path);
    return path;
  }
}

function digestOf({ resolved, calendars, values }: PathInputs): string {
  const { target } = resolved;
  const hash = createHash('sha256').update(
    JSON.stringify([
      target.year,
      target.baselineYear,
      target.metric,
      target.venueId,
      resolved.total,
      resolved.baselineDays,
      resolved.baselineDaysInYear,
      [...calendars.values()].map((c) => [c.year, c.source, c.days.map((d) => [d.date, d.kind, d.holiday])]),
    ]),
  );
  if (values) for (const [date, value] of values) hash.update(`${date}=${value};`);
  return hash.digest('base64');
}

/** The path made of its inputs. Pure. */
function pathOf({ resolved, calendars, values }: PathInputs): TargetPath {
  const { target } = resolved;
  const dates = yearDays(target.year);
  const baselineCalendar = calendars.get(target.baselineYear)!;
  const targetCalendar = calendars.get(target.year)!;
  const sources = { baseline: baselineCalendar.source, target: targetCalendar.source };

  if (!values) {
    return {
      resolved,
      shape: 'uniform',
      shapeNote: `${target.baselineYear} has ${target.metric} figures for ${resolved.baselineDays} of ${resolved.baselineDaysInYear} days for this scope (fewer than ${MIN_PROFILE_COVERAGE * 100} %): the path is spread evenly over the days of ${target.year}.`,
      calendars: sources,
      days: cumulativePath(dates, uniformShares(dates.length), resolved.total).map((d) => ({
        ...d,
        alignedFrom: null,
        rule: 'uniform',
      })),
    };
  }

  const aligned = alignBaselineProfile({
    baseline: { calendar: baselineCalendar, values },
    target: { calendar: targetCalendar },
  });
  const path = cumulativePath(dates, shapeOf(aligned), resolved.total);
  const unknown = [target.baselineYear, target.year].filter((y) => calendars.get(y)!.source === 'none');
  return {
    resolved,
    shape: 'baseline_profile',
    shapeNote:
      `Shaped like ${target.baselineYear}'s daily ${target.metric}, with its public holidays moved to their ${target.year} dates.` +
      (unknown.length
        ? ` The holidays of ${unknown.join(' and ')} are not known yet (add them under /api/v1/holidays): they are not moved.`
        : ''),
    calendars: sources,
    days: path.map((d, i) => ({ ...d, alignedFrom: aligned[i].baselineDate, rule: aligned[i].rule })),
  };
}

/** The days of a path within [from, to], both within the target year. */
export function slicePath<T extends { date: LocalDate }>(
  days: T[],
  year: number,
  from: LocalDate = yearStart(year),
  to: LocalDate = yearEnd(year),
): T[] {
  const problems = [
    ...(yearOf(from) !== year ? [{ field: 'from', problems: [`must be in ${year}`] }] : []),
    ...(yearOf(to) !== year ? [{ field: 'to', problems: [`must be in ${year}`] }] : []),
    ...(to < from ? [{ field: 'to', problems: ['must not be before from'] }] : []),
  ];
  if (problems.length)
    throw new ValidationError(problems.map((p) => `${p.field} ${p.problems[0]}`).join('; '), problems);
  return days.filter((d) => d.date >= from && d.date <= to);
}
