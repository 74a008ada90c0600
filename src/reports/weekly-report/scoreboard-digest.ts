import type { ScoreRow } from '../../scoreboard/scoreboard-math.js';
import type { ScoreboardDigest, ScoreboardUnit } from './weekly-report-data.js';

const SCOREBOARD_TOP = 3;

/**
 * The weekly report's scoreboard section from the scoreboard's rows by responsible unit (ranks
 * as the scoreboard gives them, nothing recomputed): the three best and the three weakest ranked
 * units, the unranked ones apart, and why completed items could not be measured. Pure.
 */
export function scoreboardDigest(year: number, rows: readonly ScoreRow[]): ScoreboardDigest {
  const ranked = rows
    .filter((r) => r.yuanPerMeasuredVisitor !== null && r.ranks.yuanPerMeasuredVisitor !== null)
    .sort(
      (a, b) =>
        a.ranks.yuanPerMeasuredVisitor! - b.ranks.yuanPerMeasuredVisitor! || a.label.localeCompare(b.label),
    )
    .map((r): ScoreboardUnit => ({
      unit: r.label,
      rank: r.ranks.yuanPerMeasuredVisitor!,
      yuanPerMeasuredVisitor: r.yuanPerMeasuredVisitor!,
      measuredVisitors: r.measured.visitors,
      measuredSpendYuan: r.measured.spendYuan,
      measuredRevenuePerYuan: r.measuredRevenuePerYuan,
    }));
  const best = ranked.slice(0, SCOREBOARD_TOP);
  const attention = ranked.slice(SCOREBOARD_TOP).slice(-SCOREBOARD_TOP).reverse();
  const reasons = new Map<string, number>();
  for (const r of rows)
    for (const u of r.unmeasured.list) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  return {
    year,
    units: rows.length,
    rankedUnits: ranked.length,
    best,
    attention,
    unranked: rows
      .filter((r) => r.yuanPerMeasuredVisitor === null || r.ranks.yuanPerMeasuredVisitor === null)
      .map((r) => ({ unit: r.label, because: r.notRankedBecause })),
    unmeasured: {
      items: rows.reduce((n, r) => n + r.unmeasured.items, 0),
      reasons: [...reasons.entries()]
        .map(([reason, items]) => ({ reason, items }))
        .sort((a, b) => b.items - a.items || a.reason.localeCompare(b.reason)),
    },
  };
}
