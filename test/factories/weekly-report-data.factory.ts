import type {
  ChartPoint,
  ScoreboardDigest,
  TargetReport,
  WeeklyReportData,
} from '../../src/reports/weekly-report/weekly-report-data.js';

/** Cumulative weekly points for a year: a straight path to `total`, actuals to `throughWeek`. */
function points(total: number, throughWeek: number, pace: number, withProjection: boolean): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (let w = 1; w <= 52; w++) {
    const day = new Date(Date.UTC(2022, 0, 2 + (w - 1) * 7));
    const date = day.toISOString().slice(0, 10);
    const path = (total * w) / 52;
    const actual = w <= throughWeek ? path * pace : null;
    const projected = w >= throughWeek && withProjection ? path * (pace + (w - throughWeek) * 0.001) : null;
    const spread = projected === null ? null : ((w - throughWeek) / 52) * total * 0.12;
    out.push({
      date,
      path,
      actual,
      median: projected,
      lo80: projected === null ? null : projected - spread! * 0.6,
      hi80: projected === null ? null : projected + spread! * 0.6,
      lo95: projected === null ? null : projected - spread!,
      hi95: projected === null ? null : projected + spread!,
    });
  }
  return out;
}

/** A hand-made week 14 of 2022 with a city visitors target (projected) and a revenue one (not yet). */
export function sampleReportData(overrides: Partial<WeeklyReportData> = {}): WeeklyReportData {
  const visitors: TargetReport = {
    targetId: '11111111-1111-4111-8111-111111111111',
    metric: 'visitors',
    scope: { kind: 'city', scopeKey: 'city', venueId: null, name: { zh: '全市', en: 'City-wide' } },
    year: 2022,
    baselineYear: 2021,
    growthRate: 0.3,
    targetTotal: 104_000_000,
    week: { actual: 1_850_000, path: 1_700_000, daysWithActuals: 5, days: 7 },
    yearToDate: {
      through: '2022-04-10',
      actual: 21_500_000,
      path: 22_000_000,
      daysWithActuals: 98,
      days: 100,
    },
    weeklyRunRateNeeded: 2_172_000,
    weeksLeft: 38,
    projection: {
      asOf: '2022-04-10',
      stale: false,
      median: 101_500_000,
      interval80: [96_000_000, 107_000_000],
      interval95: [92_000_000, 111_000_000],
      probability: 0.41,
      status: 'at_risk',
      expectedWeeklyRunRate: 2_100_000,
    },
    revenuePerVisitor: null,
    missingDays: ['2022-04-09', '2022-04-10'],
    chart: points(104_000_000, 14, 0.97, true),
  };
  const revenue: TargetReport = {
    ...visitors,
    targetId: '22222222-2222-4222-8222-222222222222',
    metric: 'revenue',
    growthRate: 0.34,
    targetTotal: 125_000_000_000,
    week: { actual: 2_300_000_000, path: 2_050_000_000, daysWithActuals: 7, days: 7 },
    yearToDate: {
      through: '2022-04-10',
      actual: 26_000_000_000,
      path: 26_400_000_000,
      daysWithActuals: 100,
      days: 100,
    },
    weeklyRunRateNeeded: 2_600_000_000,
    projection: null,
    revenuePerVisitor: { actual: 1209.3, baseline: 1163.5, needed: 1201.9 },
    missingDays: [],
    chart: points(125_000_000_000, 14, 0.985, false),
  };
  return {
    version: 1,
    week: { key: '2022-W14', year: 2022, week: 14, start: '2022-04-04', end: '2022-04-10' },
    generatedAt: '2022-04-11T01:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    targets: [visitors, revenue],
    topContributors: [
      {
        kind: 'event',
        id: 'e1',
        name: { zh: '天门山清明踏青节', en: 'Tianmen Mountain Qingming outing festival' },
        responsible: '张家界天门山旅游股份有限公司',
        visitors: 42_000,
        revenue: 12_600_000,
        basis: 'expected',
      },
    ],
    upcoming: [
      {
        kind: 'campaign',
        id: 'c1',
        name: { zh: '高铁营销：长沙—张家界', en: 'High-speed rail: Changsha–Zhangjiajie' },
        start: '2022-04-15',
        end: '2022-05-31',
        status: 'scheduled',
        venue: null,
        responsible: '市文旅局市场推广科',
        expectedVisitors: 80_000,
      },
    ],
    awaitingApproval: [
      {
        id: 'e2',
        name: { zh: '武陵源山地自行车赛', en: 'Wulingyuan mountain bike race' },
        organizer: '张家界市自行车运动协会',
        venue: { zh: '武陵源风景名胜区', en: 'Wulingyuan Scenic Area' },
        start: '2022-04-23',
        end: '2022-04-24',
        submittedAt: '2022-04-08T02:00:00.000Z',
        expectedAttendance: 6_000,
      },
    ],
    capacityWarnings: [
      {
        eventId: 'e3',
        name: { zh: '五一天门山音乐节', en: 'May Day Tianmen music festival' },
        venue: { zh: '天门山国家森林公园', en: 'Tianmen Mountain National Forest Park' },
        date: '2022-05-01',
        expected: 28_000,
        capacity: 30_000,
        level: 'near',
        status: 'approved',
      },
    ],
    missingActuals: [
      {
        metric: 'visitors',
        scopeKey: 'city',
        scope: { zh: '全市', en: 'City-wide' },
        dates: ['2022-04-09', '2022-04-10'],
      },
    ],
    projectionAsOf: '2022-04-10',
    caveats: [{ code: 'projection_not_computed', targetIds: ['22222222-2222-4222-8222-222222222222'] }],
    scoreboard: sampleScoreboard(),
    ...overrides,
  };
}

/** Five ranked units (three best, two that need attention), two unranked, three items unmeasured. */
export function sampleScoreboard(overrides: Partial<ScoreboardDigest> = {}): ScoreboardDigest {
  const unit = (
    unit: string,
    rank: number,
    perVisitor: number,
    visitors: number,
    revenuePerYuan: number | null,
  ) => ({
    unit,
    rank,
    yuanPerMeasuredVisitor: perVisitor,
    measuredVisitors: visitors,
    measuredSpendYuan: Math.round(perVisitor * visitors),
    measuredRevenuePerYuan: revenuePerYuan,
  });
  return {
    year: 2022,
    units: 7,
    rankedUnits: 5,
    best: [
      unit('市场管理科', 1, 12.4, 145_000, 28.1),
      unit('宣传推广科', 2, 30.25, 99_174, 9.6),
      unit('体育中心', 2, 30.25, 59_504, null),
    ],
    attention: [unit('国际交流科', 5, 1_480, 608, 0.4), unit('乡村旅游科', 4, 96.5, 20_725, 3.2)],
    unranked: [
      { unit: '武陵源区文旅局', because: 'no campaigns (events carry no spend)' },
      { unit: '产业发展科', because: 'no completed campaign has a measured effect on visitors' },
    ],
    unmeasured: {
      items: 3,
      reasons: [
        { reason: 'the effect window lacks actuals for 3 of its 10 day(s)', items: 2 },
        { reason: 'its effect has not been computed yet', items: 1 },
      ],
    },
    ...overrides,
  };
}
