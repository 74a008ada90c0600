import type { Metric } from '../src/actuals/metric.js';
import { eachDay, isoWeekday, yearDays, type LocalDate } from '../src/common/time/local-date.js';
import { packageHolidayDays } from '../src/holidays/chinese-days-source.js';

/**
 * Demo actuals and targets. The 2022 Zhangjiajie government work report gives growth RATES only
 * (2021: arrivals +9.11 %, tourism revenue +8.97 %; 2022 targets: +30 % and +34 %), never the
 * absolute totals nor any daily figure. Every absolute figure here is therefore ILLUSTRATIVE,
 * generated deterministically, and says so in the data: `source` is `illustrative-demo-seed`
 * and every row and target carries a note.
 *
 * - 2020 city totals: round illustrative numbers ({@link CITY_TOTALS_2020});
 * - 2021 = 2020 × (1 + the report's 2021 growth), exactly (to the unit), for the city and for
 *   each venue;
 * - 2022: daily figures up to {@link DEMO_DATE}, at an illustrative pace
 *   ({@link PACE_2022}) below the +30 % / +34 % the targets ask, so the demo has a gap to close;
 * - daily shape: seasonality of a mountain destination (winter low, summer and October high),
 *   weekends, and peaks on the public holidays of each year's calendar (chinese-days package),
 *   with a little deterministic noise.
 */
export const DEMO_DATE: LocalDate = '2022-04-10';
export const ILLUSTRATIVE_SOURCE = 'illustrative-demo-seed';
export const ACTUAL_NOTE = 'Illustrative generated figure, not an official statistic';

export const CITY_TOTALS_2020: Record<Metric, number> = { visitors: 48_000_000, revenue: 52_000_000_000 };
/** From the 2022 work report, chapter 二.(一): 2021 over 2020. */
export const GROWTH_2021: Record<Metric, number> = { visitors: 0.0911, revenue: 0.0897 };
/** Illustrative pace of 2022 over 2021 until the demo date. */
export const PACE_2022: Record<Metric, number> = { visitors: 0.17, revenue: 0.21 };

export interface VenueProfile {
  /** Key in seeds/venues.seed.ts. */
  key: string;
  /** Illustrative share of the city's arrivals that visit the venue (not additive: see the API docs). */
  visitShare: number;
  /** Illustrative revenue per visit (tickets, transport, in-park), yuan. */
  revenuePerVisit: number;
}

/** The seeded scenic areas that count visits (Qixingshan is still being built in 2022). */
export const VENUE_PROFILES: VenueProfile[] = [
  { key: 'wulingyuan', visitShare: 0.15, revenuePerVisit: 310 },
  { key: 'tianmen', visitShare: 0.05, revenuePerVisit: 420 },
  { key: 'grand-canyon', visitShare: 0.03, revenuePerVisit: 260 },
  { key: 'hongjiaguan', visitShare: 0.012, revenuePerVisit: 60 },
  { key: 'long-march-park', visitShare: 0.01, revenuePerVisit: 40 },
];

export interface DemoTarget {
  metric: Metric;
  /** Venue key, or null for the city. */
  venue: string | null;
  growthRate: number;
  note: string;
}

export const DEMO_TARGETS: DemoTarget[] = [
  {
    metric: 'visitors',
    venue: null,
    growthRate: 0.3,
    note: '2022 work report: tourist arrivals +30 % or more over 2021 (baseline figures illustrative)',
  },
  {
    metric: 'revenue',
    venue: null,
    growthRate: 0.34,
    note: '2022 work report: total tourism revenue +34 % or more over 2021 (baseline figures illustrative)',
  },
  {
    metric: 'visitors',
    venue: 'wulingyuan',
    growthRate: 0.3,
    note: 'Illustrative venue target, in line with the city’s +30 %',
  },
  {
    metric: 'visitors',
    venue: 'tianmen',
    growthRate: 0.3,
    note: 'Illustrative venue target, in line with the city’s +30 %',
  },
];

export interface DemoActual {
  date: LocalDate;
  metric: Metric;
  /** Venue key, or null for the city. */
  venue: string | null;
  value: number;
}

/** Relative weight of each month (January first) for a mountain destination. */
const MONTHS = [0.55, 0.7, 0.8, 1.0, 1.1, 1.0, 1.4, 1.5, 1.0, 1.25, 0.85, 0.6];
const HOLIDAY_FACTOR: Record<string, number> = {
  spring_festival: 1.7,
  national_day: 2.6,
  may_day: 2.4,
  new_year: 1.5,
  qingming: 1.8,
  dragon_boat: 1.8,
  mid_autumn: 1.9,
  other: 1.5,
};

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative daily weights of a year (not normalised). */
export function dailyShape(year: number, seed: number): number[] {
  const special = new Map(packageHolidayDays(year).map((d) => [d.date, d]));
  const noise = random(seed * 7919 + year);
  return yearDays(year).map((date) => {
    const month = Number(date.slice(5, 7));
    let weight = MONTHS[month - 1] * (isoWeekday(date) >= 6 ? 1.35 : 1);
    const day = special.get(date);
    if (day?.kind === 'holiday') weight = MONTHS[month - 1] * HOLIDAY_FACTOR[day.holiday];
    if (day?.kind === 'workday') weight = MONTHS[month - 1] * 0.9;
    return weight * (0.95 + 0.1 * noise());
  });
}

/** Whole numbers proportional to the weights that add up to `total` exactly (largest remainder). */
export function spreadTotal(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const values = exact.map(Math.floor);
  let rest = total - values.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0; k++, rest--) values[order[k % order.length][1]]++;
  return values;
}

/** The yearly totals of a scope: 2020, 2021 (= 2020 × report growth) and a full-year 2022 pace. */
export function yearlyTotals(metric: Metric, profile: VenueProfile | null): Record<number, number> {
  const visits2020 = profile ? CITY_TOTALS_2020.visitors * profile.visitShare : CITY_TOTALS_2020.visitors;
  const y2020 = Math.round(
    metric === 'visitors'
      ? visits2020
      : profile
        ? visits2020 * profile.revenuePerVisit
        : CITY_TOTALS_2020.revenue,
  );
  const y2021 = Math.round(y2020 * (1 + GROWTH_2021[metric]));
  return { 2020: y2020, 2021: y2021, 2022: Math.round(y2021 * (1 + PACE_2022[metric])) };
}

/** Every demo daily figure: 2020 and 2021 in full, 2022 up to the demo date, city and venues. */
export function demoActuals(venues: string[] = VENUE_PROFILES.map((v) => v.key)): DemoActual[] {
  const rows: DemoActual[] = [];
  const scopes: (VenueProfile | null)[] = [null, ...VENUE_PROFILES.filter((p) => venues.includes(p.key))];
  scopes.forEach((profile, s) => {
    for (const metric of ['visitors', 'revenue'] as const) {
      const totals = yearlyTotals(metric, profile);
      for (const year of [2020, 2021, 2022]) {
        // Revenue follows the visits of the same scope, with its own small noise.
        const shape = dailyShape(year, s * 10 + (metric === 'visitors' ? 1 : 2));
        const values = spreadTotal(shape, totals[year]);
        const dates = yearDays(year);
        const last = year === 2022 ? eachDay('2022-01-01', DEMO_DATE).length : dates.length;
        for (let i = 0; i < last; i++)
          rows.push({ date: dates[i], metric, venue: profile?.key ?? null, value: values[i] });
      }
    }
  });
  return rows;
}
