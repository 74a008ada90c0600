import { unmeasurableCodeOf } from '../../../effects/uplift-estimator.js';
import type { UnmeasuredCode } from '../../../scoreboard/scoreboard-math.js';
import type { ReportLanguage } from '../../subscriptions/report-subscription.entity.js';
import type { Caveat, Metric, ProjectionStatus } from '../weekly-report-data.js';

/**
 * Every word of the report, in both languages. The interface makes the compiler refuse a
 * language that misses a string.
 */
export interface Messages {
  subject(week: number, year: number, range: string): string;
  title: string;
  weekLine(week: number, year: number, range: string): string;
  greeting(name: string): string;
  intro: string;
  metric: Record<Metric, string>;
  status: Record<ProjectionStatus, string>;
  statusUnknown: string;
  lastWeek: string;
  yearToDate(through: string): string;
  againstPath: string;
  targetPathAsked: string;
  projection: string;
  projectionInterval(lo80: string, hi80: string, lo95: string, hi95: string): string;
  probability: string;
  target(total: string, growth: string, baselineYear: number): string;
  targetUnknown: string;
  runRateNeeded(weeksLeft: number): string;
  expectedRunRate: string;
  revenuePerVisitor: string;
  perVisitorLine(actual: string, baseline: string, needed: string): string;
  notComputed: string;
  stale: string;
  actualsThrough(date: string): string;
  daysWithActuals(have: number, of: number): string;
  chartTitle: string;
  chartAlt: string;
  chartLegend: { actual: string; path: string; projection: string; band80: string; band95: string };
  chartPanel(letter: string, title: string, unit: string): string;
  chartUnit(metric: Metric, scale: 'one' | 'thousand' | 'million' | 'billion' | 'wan' | 'yi'): string;
  chartAxis: string;
  contributors: string;
  contributorsNone: string;
  upcoming: string;
  upcomingNone: string;
  decisions: string;
  awaitingApproval: string;
  awaitingNone: string;
  submitted: string;
  capacity: string;
  capacityNone: string;
  capacityLine(expected: string, capacity: string, share: string): string;
  capacityLevel: { over: string; near: string };
  missing: string;
  missingNone: string;
  missingLine(metric: string, scope: string, days: string): string;
  dataIncomplete(days: number): string;
  scoreboard: {
    title(year: number): string;
    best: string;
    attention: string;
    columns: {
      rank: string;
      unit: string;
      perVisitor: string;
      visitors: string;
      spend: string;
      revenuePerYuan: string;
    };
    revenuePerYuan(value: string): string;
    /** When no unit has a measured yuan per visitor for the year. */
    none(year: number): string;
    /** The caveats, in one line. */
    caveats(unmeasured: number, reasons: string, unranked: number, units: number): string;
    reasonCount(reason: string, items: number): string;
    /** The measurement's reason in the reader's language (the effects record it in English). */
    reason(reason: string): string;
  };
  columns: {
    item: string;
    responsible: string;
    visitors: string;
    revenue: string;
    basis: string;
    dates: string;
    status: string;
    venue: string;
    expected: string;
  };
  basis: { actual: string; expected: string };
  kind: { event: string; campaign: string };
  itemStatus: Record<string, string>;
  caveat: Record<Caveat['code'], string>;
  /** The footer: the oldest last counted day among the projections. */
  projectionAsOf(asOf: string): string;
  projectionNone: string;
  generated(at: string): string;
  csvNote: string;
  footer: string;
  unsubscribe: string;
  csv: {
    columns: string[];
    filename(week: string): string;
  };
}

const ITEM_STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  cancelled: '已取消',
  completed: '已完成',
  scheduled: '已排期',
  active: '进行中',
};

const ITEM_STATUS_EN: Record<string, string> = {
  draft: 'draft',
  submitted: 'awaiting approval',
  approved: 'approved',
  rejected: 'rejected',
  cancelled: 'cancelled',
  completed: 'completed',
  scheduled: 'scheduled',
  active: 'active',
};

const CSV_COLUMNS_EN = [
  'target_id',
  'metric',
  'scope',
  'year',
  'week',
  'week_start',
  'week_end',
  'week_actual',
  'week_target_path',
  'week_vs_path',
  'ytd_actual',
  'ytd_target_path',
  'ytd_vs_path',
  'target_total',
  'projection_median',
  'projection_lo80',
  'projection_hi80',
  'projection_lo95',
  'projection_hi95',
  'probability',
  'status',
  'weekly_run_rate_needed',
  'revenue_per_visitor',
  'baseline_revenue_per_visitor',
  'days_with_actuals',
  'missing_days',
  'projection_as_of',
];

const CSV_COLUMNS_ZH = [
  '目标ID',
  '指标',
  '范围',
  '年份',
  '周',
  '周开始',
  '周结束',
  '上周实际',
  '上周目标进度',
  '上周较进度',
  '年初至今实际',
  '年初至今目标进度',
  '年初至今较进度',
  '年度目标',
  '预测中位数',
  '预测80%下限',
  '预测80%上限',
  '预测95%下限',
  '预测95%上限',
  '达标概率',
  '状态',
  '每周所需',
  '人均消费',
  '基准年人均消费',
  '有数据天数',
  '缺失日期',
  '预测计入实际数据至',
];

/** The scoreboard's own reasons for an item without a measurement (scoreboard-math.ts), by text. */
const SCOREBOARD_REASONS = new Map<string, UnmeasuredCode>([
  ['not measurable', 'not_measurable'],
  ['its effect has not been computed yet', 'not_computed_yet'],
]);

/** Unmeasured reasons in Chinese by code, given the numbers of the English text in order. */
const REASONS_ZH: Record<UnmeasuredCode, (numbers: string[]) => string> = {
  window_lacks_actuals: ([missing, days]) => `成效窗口${days}天中有${missing}天缺少实际数据`,
  too_little_history: ([length, needed, history]) =>
    `历史数据不足：${length}天的成效窗口之前需要至少${needed}天连续完整的每日实际数据（一年的年度参照加拟合与回测区间），现有${history}天`,
  too_few_backtests: ([windows]) => `反事实预测仅能在${windows}个无节假日的历史窗口上回测（至少需要3个）`,
  reference_has_empty_days: () => '年度参照期有零接待或零收入的日期，无法计算比例',
  not_measurable: () => '无法测算',
  not_computed_yet: () => '成效尚未计算',
};

/** The effects' and the scoreboard's reasons in Chinese; others as recorded. */
function reasonZh(reason: string): string {
  const code = unmeasurableCodeOf(reason) ?? SCOREBOARD_REASONS.get(reason);
  return code ? REASONS_ZH[code](reason.match(/\d+/g) ?? []) : reason;
}

const zh: Messages = {
  subject: (week, year, range) => `旅游复苏目标周报｜${year}年第${week}周（${range}）`,
  title: '旅游复苏目标周报',
  weekLine: (week, year, range) => `${year}年第${week}周 · ${range}`,
  greeting: (name) => `${name}，您好：`,
  intro: '以下是上周旅游接待与收入相对年度目标的进展、全年走势预测，以及需要决策的事项。',
  metric: { visitors: '旅游接待人次', revenue: '旅游总收入' },
  status: { on_track: '有望达标', at_risk: '存在风险', off_track: '难以达标' },
  statusUnknown: '尚无预测',
  lastWeek: '上周',
  yearToDate: (through) => `年初至${through}`,
  againstPath: '较目标进度',
  targetPathAsked: '目标进度要求',
  projection: '全年预测',
  projectionInterval: (lo80, hi80, lo95, hi95) => `80%区间 ${lo80}–${hi80}；95%区间 ${lo95}–${hi95}`,
  probability: '达标概率',
  target: (total, growth, baselineYear) => `年度目标 ${total}（较${baselineYear}年${growth}）`,
  targetUnknown: '年度目标总量暂无法计算（基准年实际数据不完整）',
  runRateNeeded: (weeksLeft) => `剩余${weeksLeft}周每周需完成`,
  expectedRunRate: '预测每周完成',
  revenuePerVisitor: '人均消费',
  perVisitorLine: (actual, baseline, needed) => `今年 ${actual}，基准年 ${baseline}，达标需 ${needed}`,
  notComputed: '预测尚未计算',
  stale: '预测正在更新，以下为最近一次结果',
  actualsThrough: (date) => `计入实际数据至${date}`,
  daysWithActuals: (have, of) => `${of}天中有${have}天有数据`,
  chartTitle: '累计走势',
  chartAlt: '累计实际、目标进度与全年预测区间图',
  chartLegend: {
    actual: '累计实际',
    path: '目标进度',
    projection: '预测中位数',
    band80: '80%区间',
    band95: '95%区间',
  },
  chartPanel: (letter, title, unit) => `图${letter}：${title}（纵轴单位：${unit}；横轴：月份）`,
  // The chart's values carry 万 or 亿 themselves (1.5亿): the unit is the noun alone.
  chartUnit: (metric) => (metric === 'revenue' ? '元' : '人次'),
  chartAxis: '月份',
  contributors: '上周贡献最大的活动与营销',
  contributorsNone: '上周没有已批准的活动或进行中的营销。',
  upcoming: '未来两周开始',
  upcomingNone: '未来两周没有新开始的活动或营销。',
  decisions: '待决策事项',
  awaitingApproval: '待审批活动',
  awaitingNone: '没有待审批的活动。',
  submitted: '提交于',
  capacity: '承载量预警',
  capacityNone: '没有超过承载量或接近承载量的安排。',
  capacityLine: (expected, capacity, share) => `预计 ${expected}，最大承载量 ${capacity}（${share}）`,
  capacityLevel: { over: '超过承载量', near: '接近承载量（超过80%）' },
  missing: '缺失的实际数据',
  missingNone: '上周每天的实际数据均已录入。',
  missingLine: (metric, scope, days) => `${scope} · ${metric}：${days}`,
  dataIncomplete: (days) => `数据不完整：上周有${days}个日期缺少实际数据，相关数字偏低，请留意。`,
  scoreboard: {
    title: (year) => `${year}年责任单位记分板：实测每新增人次成本`,
    best: '成本最低的单位',
    attention: '需要关注的单位',
    columns: {
      rank: '名次',
      unit: '责任单位',
      perVisitor: '每新增人次成本',
      visitors: '实测新增人次',
      spend: '实测营销支出',
      revenuePerYuan: '每元带来收入',
    },
    revenuePerYuan: (value) => `${value}元`,
    none: (year) => `${year}年还没有任何责任单位有实测的每新增人次成本，记分板暂不排名。`,
    caveats: (unmeasured, reasons, unranked, units) =>
      `说明：${unmeasured ? `${unmeasured}项已完成的营销或活动无法测算成效（${reasons}）` : '已完成的营销和活动均已测算'}；${units}个责任单位中${unranked}个没有实测的每新增人次成本，不参与排名，也不按零计。`,
    reasonCount: (reason, items) => `${reason}：${items}项`,
    reason: reasonZh,
  },
  columns: {
    item: '名称',
    responsible: '责任单位',
    visitors: '人次',
    revenue: '收入',
    basis: '依据',
    dates: '日期',
    status: '状态',
    venue: '地点',
    expected: '预计人次',
  },
  basis: { actual: '实际', expected: '预计' },
  kind: { event: '活动', campaign: '营销' },
  itemStatus: ITEM_STATUS_ZH,
  caveat: {
    no_targets: '本年度尚未设定目标。',
    projection_not_computed: '部分目标的全年预测尚未计算，报告未列出预测数字。',
    projection_stale: '部分目标的预测正在按最新数据重新计算。',
  },
  projectionAsOf: (asOf) => `预测计入实际数据至：${asOf}`,
  projectionNone: '预测：尚未计算',
  generated: (at) => `数据读取时间：${at}`,
  csvNote: '附件CSV含本周各项数字，可用Excel打开。',
  footer: '您收到此邮件，是因为市文旅局为您订阅了《旅游复苏目标周报》。',
  unsubscribe: '退订',
  csv: {
    columns: CSV_COLUMNS_ZH,
    filename: (week) => `旅游目标周报-${week}.csv`,
  },
};

const en: Messages = {
  subject: (week, year, range) => `Weekly target report: week ${week}, ${year} (${range})`,
  title: 'Tourism recovery: weekly target report',
  weekLine: (week, year, range) => `Week ${week}, ${year} · ${range}`,
  greeting: (name) => `Dear ${name},`,
  intro:
    'How last week went against the year’s targets, where the year is heading, and what needs a decision.',
  metric: { visitors: 'Tourist arrivals', revenue: 'Tourism revenue' },
  status: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
  statusUnknown: 'No projection yet',
  lastWeek: 'Last week',
  yearToDate: (through) => `Year to date (to ${through})`,
  againstPath: 'against the target path',
  targetPathAsked: 'target path asked',
  projection: 'Projected year-end',
  projectionInterval: (lo80, hi80, lo95, hi95) =>
    `80% interval ${lo80}–${hi80}; 95% interval ${lo95}–${hi95}`,
  probability: 'Probability of reaching the target',
  target: (total, growth, baselineYear) => `Target ${total} (${growth} on ${baselineYear})`,
  targetUnknown: 'The target total cannot be computed yet (incomplete baseline actuals)',
  runRateNeeded: (weeksLeft) => `Needed per week for the remaining ${weeksLeft} weeks`,
  expectedRunRate: 'Forecast per week',
  revenuePerVisitor: 'Revenue per visitor',
  perVisitorLine: (actual, baseline, needed) => `this year ${actual}, baseline ${baseline}, needed ${needed}`,
  notComputed: 'Projection not computed yet',
  stale: 'The projection is being updated; these are its latest figures',
  actualsThrough: (date) => `actuals to ${date}`,
  daysWithActuals: (have, of) => `${have} of ${of} days reported`,
  chartTitle: 'Cumulative progress',
  chartAlt: 'Chart of cumulative actuals, the target path and the projection with its intervals',
  chartLegend: {
    actual: 'Cumulative actual',
    path: 'Target path',
    projection: 'Projection (median)',
    band80: '80% interval',
    band95: '95% interval',
  },
  chartPanel: (letter, title, unit) =>
    `Panel ${letter}: ${title} (vertical axis: ${unit}; horizontal: month)`,
  chartUnit: (metric, scale) => {
    const noun = metric === 'revenue' ? 'yuan' : 'visitors';
    return scale === 'billion'
      ? `billion ${noun} (B)`
      : scale === 'million'
        ? `million ${noun} (M)`
        : scale === 'thousand'
          ? `thousand ${noun} (K)`
          : noun;
  },
  chartAxis: 'month',
  contributors: 'What contributed most last week',
  contributorsNone: 'No approved event or active campaign last week.',
  upcoming: 'Starting in the next two weeks',
  upcomingNone: 'Nothing starts in the next two weeks.',
  decisions: 'Needs a decision',
  awaitingApproval: 'Events awaiting approval',
  awaitingNone: 'No event is waiting for approval.',
  submitted: 'submitted',
  capacity: 'Capacity warnings',
  capacityNone: 'No day is planned above or near a venue’s carrying capacity.',
  capacityLine: (expected, capacity, share) => `expected ${expected}, capacity ${capacity} (${share})`,
  capacityLevel: { over: 'over capacity', near: 'near capacity (above 80%)' },
  missing: 'Missing actuals',
  missingNone: 'Every day of last week has its actual figures.',
  missingLine: (metric, scope, days) => `${scope} · ${metric}: ${days}`,
  dataIncomplete: (days) =>
    `Incomplete data: ${days} day(s) of last week have no actual figures yet, so some numbers are too low.`,
  scoreboard: {
    title: (year) => `Scoreboard ${year}: yuan per measured incremental visitor`,
    best: 'Best (cheapest visitor)',
    attention: 'Need attention',
    columns: {
      rank: 'Rank',
      unit: 'Responsible unit',
      perVisitor: 'Yuan per visitor',
      visitors: 'Measured visitors',
      spend: 'Measured spend',
      revenuePerYuan: 'Revenue per yuan',
    },
    revenuePerYuan: (value) => `¥${value}`,
    none: (year) =>
      `Nothing was measured for ${year} yet: no responsible unit has a measured cost per visitor, so none is ranked.`,
    caveats: (unmeasured, reasons, unranked, units) =>
      `Caveats: ${unmeasured ? `${unmeasured} completed item(s) could not be measured (${reasons})` : 'every completed item was measured'}; ${unranked} of ${units} unit(s) have no measured cost per visitor and are not ranked (never counted as zero).`,
    reasonCount: (reason, items) => `${items} × ${reason}`,
    reason: (reason) => reason,
  },
  columns: {
    item: 'Name',
    responsible: 'Responsible',
    visitors: 'Visitors',
    revenue: 'Revenue',
    basis: 'Basis',
    dates: 'Dates',
    status: 'Status',
    venue: 'Venue',
    expected: 'Expected visitors',
  },
  basis: { actual: 'actual', expected: 'expected' },
  kind: { event: 'Event', campaign: 'Campaign' },
  itemStatus: ITEM_STATUS_EN,
  caveat: {
    no_targets: 'No targets are set for this year yet.',
    projection_not_computed:
      'The year-end projection of some targets is not computed yet; no projected figures are shown for them.',
    projection_stale: 'Some projections are being recomputed with the latest data.',
  },
  projectionAsOf: (asOf) => `Projections count actuals to: ${asOf}`,
  projectionNone: 'Projections: not computed yet',
  generated: (at) => `Figures read: ${at}`,
  csvNote: 'The attached CSV holds this week’s figures for spreadsheets.',
  footer: 'You receive this email because the tourism bureau subscribed you to the weekly target report.',
  unsubscribe: 'Unsubscribe',
  csv: {
    columns: CSV_COLUMNS_EN,
    filename: (week) => `weekly-target-report-${week}.csv`,
  },
};

export const MESSAGES: Record<ReportLanguage, Messages> = { 'zh-CN': zh, en };
