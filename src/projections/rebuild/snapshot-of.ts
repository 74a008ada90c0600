import type { ContributionDetail } from '../math/contribution-spread.js';
import type { ProjectionResult } from '../math/projection-math.js';
import type { ProjectionSnapshot } from './projection-snapshot.entity.js';
import type { RevenuePerVisitor } from '../math/revenue-per-visitor.js';

export interface SnapshotMeta {
  id: string;
  targetId: string;
  inputsVersion: number;
  computedAt: Date;
  inputsHash: string;
  durationMs: number;
  contributions: ContributionDetail[];
  revenuePerVisitor: RevenuePerVisitor | null;
  notes: string[];
}

const r = Math.round;

/** The snapshot row of a projection: amounts rounded to whole visitors or yuan. Pure. */
export function snapshotOf(result: ProjectionResult, meta: SnapshotMeta): ProjectionSnapshot {
  const details = new Map(meta.contributions.map((c) => [c.input.id, c]));
  return {
    id: meta.id,
    targetId: meta.targetId,
    inputsVersion: meta.inputsVersion,
    computedAt: meta.computedAt,
    asOf: result.asOf,
    inputsHash: meta.inputsHash,
    durationMs: meta.durationMs,
    method: result.method,
    model: result.model.slice(0, 200),
    targetTotal: r(result.targetTotal),
    actualToDate: r(result.actualToDate),
    estimatedToDate: r(result.estimatedToDate),
    pathToDate: r(result.pathToDate),
    gap: r(result.gapToPath),
    median: r(result.projected.median),
    lo80: r(result.projected.lo80),
    hi80: r(result.projected.hi80),
    lo95: r(result.projected.lo95),
    hi95: r(result.projected.hi95),
    probability: Math.min(1, Math.max(0, result.probability)),
    status: result.status,
    neededDaily: r(result.runRate.neededDaily),
    neededWeekly: r(result.runRate.neededWeekly),
    expectedDaily: r(result.runRate.expectedDaily),
    expectedWeekly: r(result.runRate.expectedWeekly),
    contributionsTotal: r(result.contributionsTotal),
    daysCounted: result.daysCounted,
    daysRemaining: result.daysRemaining,
    contributions: result.contributions.map((c) => {
      const detail = details.get(c.id);
      return {
        id: c.id,
        kind: c.kind,
        name: c.name,
        nameEn: detail?.nameEn ?? null,
        expected: r(c.expected),
        realised: r(c.realised),
        remaining: r(c.remaining),
        actual: c.actual === null ? null : r(c.actual),
        from: detail?.from ?? '',
        to: detail?.to ?? '',
        basis: detail?.basis ?? '',
      };
    }),
    daily: result.daily.map((d) => ({
      date: d.date,
      target: r(d.target),
      actual: d.actual === null ? null : r(d.actual),
      projected: r(d.projected),
      lo80: r(d.lo80),
      hi80: r(d.hi80),
      lo95: r(d.lo95),
      hi95: r(d.hi95),
    })),
    missingDates: result.missingDates,
    revenuePerVisitor: meta.revenuePerVisitor,
    notes: meta.notes,
  };
}
