import type { Metric } from '../src/actuals/metric.js';
import type { CampaignSeed, EventSeed } from './planning.seed.js';

/**
 * Demo data for measured uplift (issue 9): completed 2021 and early-2022 campaigns and events,
 * and illustrative effects written into the demo's daily actuals around some of them, so that
 * GET /campaigns/:id/effect and /events/:id/effect and the 2022 scoreboard show every verdict:
 *
 * - measured: the 2021 summer high-speed-rail campaign (city +8 % over its effect window), the
 *   2021 autumn festival campaign together with the
 *   Tianmen event inside its window (city +20 %, the venue +40 % on the event's days: the city's
 *   excess is split between the two by their expected increments), and the January 2022
 *   ice-and-snow campaign (city +25 % over its effect window, in the low season);
 * - no effect detectable: the November 2021 online campaign and the early-January 2022 winter
 *   tours of the travel agency (nothing added to the actuals; the January estimate is not zero,
 *   as the demo's year-on-year pace steps up on 1 January, but its interval includes zero);
 * - not measurable: the March 2021 campaign (less than the year and a half of history the
 *   estimator needs: the demo's actuals start on 1 January 2020), the event on the demo date
 *   (its one-day tail has no actuals yet), and, in the city, the March 2022 spring media push
 *   and Grand Canyon hike: their windows overlap the 2022 plan's year-long campaigns (online
 *   from February, media and travel agencies from March), whose excess cannot be told apart
 *   from theirs until those end and their windows have actuals.
 *
 * So on the 2022 scoreboard two responsible units are ranked by measured yuan per visitor (the
 * bureau's market promotion section and the travel agency, from their January campaigns) and the
 * others say why not. January windows avoid the New Year and Spring Festival holidays.
 *
 * Windows avoid public holidays and month ends: the estimator's yearly reference (the same
 * weekday 52 weeks earlier) does not know that a holiday moved, nor that the demo's monthly
 * steps fall one weekday later a year on (see the README's limits).
 *
 * EVERY FIGURE HERE IS ILLUSTRATIVE: budgets, expectations, typed-in actuals and the effects
 * added to the (already illustrative) daily actuals. The effects move figures between days of
 * the same year, so each year's total stays exactly as seeds/baseline.seed.ts makes it.
 */
export const ACCOUNTABILITY_NOTE =
  'Illustrative completed item for the measured-uplift demo; dates and figures illustrative';
export const EFFECT_NOTE =
  'Illustrative generated figure including an illustrative campaign or event effect, not an official statistic';

export const ACCOUNTABILITY_CAMPAIGNS: CampaignSeed[] = [
  {
    key: 'summer-rail-2021',
    name: '2021 暑期高铁游：长沙—张家界西（示例）',
    description: '暑期高铁专列与车站广告 (summer trains and station advertising), illustrative',
    channel: 'high_speed_rail',
    status: 'completed',
    budgetYuan: 2_500_000,
    startDate: '2021-07-05',
    endDate: '2021-07-18',
    targetMarkets: ['长沙', '武汉'],
    responsibleUnit: '市文旅广体局市场推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 250_000,
    expectedIncrementalRevenueYuan: 230_000_000,
    actualSpendYuan: 2_380_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    key: 'autumn-festival-2021',
    name: '2021 秋季节庆营销（示例）',
    description: '秋季节庆联合推广 (joint promotion of the autumn festivals), illustrative',
    channel: 'festival',
    status: 'completed',
    budgetYuan: 1_800_000,
    startDate: '2021-10-11',
    endDate: '2021-10-22',
    targetMarkets: ['全国 (national)'],
    responsibleUnit: '市文旅广体局节会办',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 150_000,
    expectedIncrementalRevenueYuan: 140_000_000,
    actualSpendYuan: 1_750_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    key: 'online-2021-11',
    name: '2021 冬季线上直播推介（示例）',
    description: '淡季线上直播 (off-season live streams), illustrative',
    channel: 'online',
    status: 'completed',
    budgetYuan: 400_000,
    startDate: '2021-11-08',
    endDate: '2021-11-21',
    targetMarkets: ['全国 (national)'],
    responsibleUnit: '市文旅广体局宣传推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 20_000,
    expectedIncrementalRevenueYuan: 15_000_000,
    actualSpendYuan: 390_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    key: 'spring-2021',
    name: '2021 春季踏青推广（示例）',
    description: '春季踏青线路推广 (spring routes), illustrative',
    channel: 'regional',
    status: 'completed',
    budgetYuan: 600_000,
    startDate: '2021-03-15',
    endDate: '2021-03-28',
    targetMarkets: ['湖南省内 (Hunan)'],
    responsibleUnit: '市文旅广体局市场推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 40_000,
    expectedIncrementalRevenueYuan: 30_000_000,
    actualSpendYuan: 610_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    key: 'winter-tours-2022',
    name: '2022 元旦后冬季旅游专线推介（示例）',
    description: '旅行社冬季专线与团队产品 (the agency’s winter lines and group products), illustrative',
    channel: 'travel_agency',
    status: 'completed',
    budgetYuan: 500_000,
    startDate: '2022-01-04',
    endDate: '2022-01-09',
    targetMarkets: ['长沙', '广州'],
    responsibleUnit: '湖南省中国旅行社张家界分社',
    responsibleOrganization: 'travel',
    expectedIncrementalVisitors: 30_000,
    expectedIncrementalRevenueYuan: 25_000_000,
    actualSpendYuan: 480_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    key: 'ice-snow-2022',
    name: '2022 冬季冰雪旅游营销（示例）',
    description: '冰雪旅游与雪景摄影推广 (ice-and-snow tourism and snow-scenery photography), illustrative',
    channel: 'regional',
    status: 'completed',
    budgetYuan: 900_000,
    startDate: '2022-01-17',
    endDate: '2022-01-21',
    targetMarkets: ['湖南省内 (Hunan)', '重庆', '湖北'],
    responsibleUnit: '市文旅广体局市场推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 60_000,
    expectedIncrementalRevenueYuan: 50_000_000,
    actualSpendYuan: 880_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    key: 'spring-media-2022',
    name: '2022 早春媒体投放（示例）',
    description: '早春短视频与户外广告 (short videos and outdoor ads), illustrative',
    channel: 'new_media_partnership',
    status: 'completed',
    budgetYuan: 1_200_000,
    startDate: '2022-03-07',
    endDate: '2022-03-20',
    targetMarkets: ['粤港澳大湾区', '长沙'],
    responsibleUnit: '市文旅广体局宣传推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 80_000,
    expectedIncrementalRevenueYuan: 70_000_000,
    actualSpendYuan: 1_150_000,
    note: ACCOUNTABILITY_NOTE,
  },
];

export const ACCOUNTABILITY_EVENTS: EventSeed[] = [
  {
    titleZh: '2021 天门山秋季音乐节（示例）',
    titleEn: '2021 Tianmen Mountain autumn music festival (illustrative)',
    description: '秋季山地音乐节 (an autumn mountain music festival), illustrative',
    category: 'festival',
    status: 'completed',
    organization: 'tianmen',
    venue: 'tianmen',
    startsAt: '2021-10-16T10:00',
    endsAt: '2021-10-17T21:00',
    expectedAttendance: 20_000,
    expectedOutsideCitySharePct: 70,
    expectedSpendPerAttendeeYuan: 900,
    contactName: '李娜',
    campaign: 'autumn-festival-2021',
    actualAttendance: 23_500,
    actualRevenueYuan: 19_000_000,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    titleZh: '2022 大峡谷早春徒步（示例）',
    titleEn: '2022 Grand Canyon early-spring hike (illustrative)',
    description: '早春徒步活动 (an early-spring hike), illustrative',
    category: 'sports',
    status: 'completed',
    organization: 'travel',
    venue: 'grand-canyon',
    startsAt: '2022-03-12T08:00',
    endsAt: '2022-03-12T17:00',
    expectedAttendance: 800,
    expectedOutsideCitySharePct: 50,
    expectedSpendPerAttendeeYuan: 500,
    contactName: '王强',
    actualAttendance: 760,
    note: ACCOUNTABILITY_NOTE,
  },
  {
    titleZh: '2022 武陵源清明后踏青（示例）',
    titleEn: '2022 Wulingyuan spring walk (illustrative)',
    description: '踏青活动，尾日尚无实际数据 (its tail day has no actuals yet), illustrative',
    category: 'culture',
    status: 'completed',
    organization: 'forest-park',
    venue: 'wulingyuan',
    startsAt: '2022-04-10T09:00',
    endsAt: '2022-04-10T17:00',
    expectedAttendance: 3_000,
    expectedOutsideCitySharePct: 60,
    expectedSpendPerAttendeeYuan: 400,
    contactName: '赵敏',
    actualAttendance: 2_900,
    note: ACCOUNTABILITY_NOTE,
  },
];

/** An illustrative effect written into the daily actuals: figures of the days multiplied by 1 + uplift. */
export interface IllustrativeEffect {
  /** Venue key, or null for the city. */
  venue: string | null;
  metrics: Metric[];
  from: string;
  /** Last day, included (the item's end plus its effect tail). */
  to: string;
  uplift: number;
}

export const ILLUSTRATIVE_EFFECTS: IllustrativeEffect[] = [
  { venue: null, metrics: ['visitors', 'revenue'], from: '2021-07-05', to: '2021-07-25', uplift: 0.08 },
  { venue: null, metrics: ['visitors', 'revenue'], from: '2021-10-11', to: '2021-10-29', uplift: 0.2 },
  { venue: 'tianmen', metrics: ['visitors', 'revenue'], from: '2021-10-16', to: '2021-10-18', uplift: 0.4 },
  { venue: null, metrics: ['visitors', 'revenue'], from: '2022-01-17', to: '2022-01-28', uplift: 0.25 },
];

/**
 * Adds the effects to one year of one series (rows in date order) and takes the same amount
 * back from the year's other days in proportion to their figures, so the year's total is
 * unchanged. Returns the new values, index by index.
 */
export function withEffects(
  rows: readonly { date: string; value: number }[],
  windows: readonly { from: string; to: string; uplift: number }[],
): number[] {
  const inWindow = (date: string) => windows.find((w) => date >= w.from && date <= w.to);
  const values = rows.map((r) => {
    const w = inWindow(r.date);
    return w ? Math.round(r.value * (1 + w.uplift)) : r.value;
  });
  const added = values.reduce((a, v, i) => a + v - rows[i].value, 0);
  const others = rows.map((r, i) => (inWindow(r.date) ? -1 : i)).filter((i) => i >= 0);
  const base = others.reduce((a, i) => a + rows[i].value, 0);
  if (!added || !base) return values;
  let taken = 0;
  for (const i of others) {
    const take = Math.floor((rows[i].value / base) * added);
    values[i] -= take;
    taken += take;
  }
  // The rounding remainder, one unit a day from the first of the other days.
  for (let k = 0; taken < added; k++, taken++) values[others[k % others.length]]--;
  return values;
}
