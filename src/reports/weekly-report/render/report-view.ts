import type { ReportLanguage } from '../../subscriptions/report-subscription.entity.js';
import type {
  LocalizedName,
  ProjectionStatus,
  ScoreboardDigest,
  TargetReport,
  WeeklyReportData,
} from '../weekly-report-data.js';
import type { AxisScale } from './chart-svg.js';
import {
  formatChange,
  formatDate,
  formatDay,
  formatFigure,
  formatInstant,
  formatMoney,
  formatPerVisitor,
  formatRange,
  formatShare,
  formatShortDate,
  relative,
} from './format-figures.js';
import { MESSAGES, type Messages } from './messages.js';

/**
 * The report as words and formatted figures, shared by the HTML and the plain-text renderers so
 * that both say exactly the same thing. Pure.
 */
export interface ReportView {
  lang: ReportLanguage;
  subject: string;
  title: string;
  weekLine: string;
  greeting: string;
  intro: string;
  /** Shown first when the data is incomplete or the projection missing. */
  warnings: string[];
  targets: TargetView[];
  chart: { title: string; alt: string; legend: Messages['chartLegend']; captions: string[] } | null;
  sections: SectionView[];
  footer: string[];
  unsubscribeLabel: string;
}

export interface TargetView {
  heading: string;
  status: ProjectionStatus | null;
  statusLabel: string;
  targetLine: string;
  rows: Array<{ label: string; value: string; detail: string }>;
}

export interface SectionView {
  title: string;
  /** Table header and rows, or an empty-state sentence. */
  columns: string[];
  rows: string[][];
  empty: string;
  subsections?: SectionView[];
  /** Lines after the table (caveats). */
  notes?: string[];
}

export const PANEL_LETTERS = 'ABCDEFGHIJKLMNOP';

export const nameIn = (name: LocalizedName, lang: ReportLanguage): string =>
  (lang === 'en' ? name.en || name.zh : name.zh || name.en) ?? '';

export function targetHeading(t: TargetReport, lang: ReportLanguage): string {
  const m = MESSAGES[lang];
  const scope = nameIn(t.scope.name, lang);
  return `${m.metric[t.metric]} · ${scope} · ${t.year}`;
}

export function buildReportView(
  data: WeeklyReportData,
  lang: ReportLanguage,
  displayName: string,
  chartScales: AxisScale[] | null,
): ReportView {
  const m = MESSAGES[lang];
  const range = formatRange(data.week.start, data.week.end, lang);
  const missingDays = new Set(data.missingActuals.flatMap((x) => x.dates)).size;
  const warnings: string[] = [];
  if (missingDays) warnings.push(m.dataIncomplete(missingDays));
  for (const c of data.caveats) warnings.push(m.caveat[c.code]);

  const targets = data.targets.map((t) => targetView(t, data, lang));
  const chart =
    chartScales && data.targets.length
      ? {
          title: m.chartTitle,
          alt: m.chartAlt,
          legend: m.chartLegend,
          captions: data.targets.map((t, i) =>
            m.chartPanel(
              PANEL_LETTERS[i],
              targetHeading(t, lang),
              m.chartUnit(t.metric, chartScales[i] ?? 'one'),
            ),
          ),
        }
      : null;

  const sections: SectionView[] = [
    {
      title: m.contributors,
      columns: [
        m.columns.item,
        m.columns.responsible,
        m.columns.visitors,
        m.columns.revenue,
        m.columns.basis,
      ],
      rows: data.topContributors.map((c) => [
        `${m.kind[c.kind]} · ${nameIn(c.name, lang)}`,
        c.responsible,
        formatFigure(c.visitors, 'visitors', lang),
        formatFigure(c.revenue, 'revenue', lang),
        m.basis[c.basis],
      ]),
      empty: m.contributorsNone,
    },
    {
      title: m.upcoming,
      columns: [m.columns.item, m.columns.dates, m.columns.venue, m.columns.status, m.columns.expected],
      rows: data.upcoming.map((u) => [
        `${m.kind[u.kind]} · ${nameIn(u.name, lang)}`,
        u.start === u.end
          ? formatShortDate(u.start, lang)
          : `${formatShortDate(u.start, lang)}–${formatShortDate(u.end, lang)}`,
        u.venue ? nameIn(u.venue, lang) : '—',
        m.itemStatus[u.status] ?? u.status,
        formatFigure(u.expectedVisitors, 'visitors', lang),
      ]),
      empty: m.upcomingNone,
    },
    {
      title: m.decisions,
      columns: [],
      rows: [],
      empty: '',
      subsections: [
        {
          title: m.awaitingApproval,
          columns: [
            m.columns.item,
            m.columns.responsible,
            m.columns.venue,
            m.columns.dates,
            m.columns.expected,
          ],
          rows: data.awaitingApproval.map((e) => [
            nameIn(e.name, lang),
            e.organizer,
            nameIn(e.venue, lang),
            `${formatShortDate(e.start, lang)}–${formatShortDate(e.end, lang)}${
              e.submittedAt ? ` (${m.submitted} ${formatShortDate(e.submittedAt.slice(0, 10), lang)})` : ''
            }`,
            formatFigure(e.expectedAttendance, 'visitors', lang),
          ]),
          empty: m.awaitingNone,
        },
        {
          title: m.capacity,
          columns: [m.columns.item, m.columns.venue, m.columns.dates, m.columns.status, m.columns.expected],
          rows: data.capacityWarnings.map((w) => [
            nameIn(w.name, lang),
            nameIn(w.venue, lang),
            formatDay(w.date, lang),
            `${m.capacityLevel[w.level]} · ${m.itemStatus[w.status] ?? w.status}`,
            m.capacityLine(
              formatFigure(w.expected, 'visitors', lang),
              formatFigure(w.capacity, 'visitors', lang),
              formatShare(w.expected / w.capacity),
            ),
          ]),
          empty: m.capacityNone,
        },
      ],
    },
    ...(data.scoreboard ? [scoreboardSection(data.scoreboard, lang)] : []),
    {
      title: m.missing,
      columns: [],
      rows: data.missingActuals.map((x) => [
        m.missingLine(
          m.metric[x.metric],
          nameIn(x.scope, lang),
          x.dates.map((d) => formatDay(d, lang)).join(lang === 'en' ? ', ' : '、'),
        ),
      ]),
      empty: m.missingNone,
    },
  ];

  const footer = [
    data.projectionAsOf ? m.projectionAsOf(formatDate(data.projectionAsOf, lang)) : m.projectionNone,
    m.generated(formatInstant(data.generatedAt, lang, data.timeZone)),
    m.csvNote,
    m.footer,
  ];

  return {
    lang,
    subject: m.subject(data.week.week, data.week.year, range),
    title: m.title,
    weekLine: m.weekLine(data.week.week, data.week.year, range),
    greeting: m.greeting(displayName),
    intro: m.intro,
    warnings,
    targets,
    chart,
    sections,
    footer,
    unsubscribeLabel: m.unsubscribe,
  };
}

/**
 * The scoreboard section: the three best and the three that need attention by measured yuan per
 * visitor, and the caveats in one line; one sentence when nothing was measured for the year.
 */
function scoreboardSection(board: ScoreboardDigest, lang: ReportLanguage): SectionView {
  const m = MESSAGES[lang];
  const s = m.scoreboard;
  const reasons = board.unmeasured.reasons
    .map((r) => s.reasonCount(s.reason(r.reason), r.items))
    .join(lang === 'en' ? '; ' : '，');
  const notes = [s.caveats(board.unmeasured.items, reasons, board.unranked.length, board.units)];
  const table = (title: string, units: ScoreboardDigest['best']): SectionView => ({
    title,
    columns: [
      `${s.columns.rank} · ${s.columns.unit}`,
      s.columns.perVisitor,
      s.columns.visitors,
      s.columns.spend,
      s.columns.revenuePerYuan,
    ],
    rows: units.map((u) => [
      `${u.rank}. ${u.unit}`,
      formatPerVisitor(u.yuanPerMeasuredVisitor, lang),
      formatFigure(u.measuredVisitors, 'visitors', lang),
      formatMoney(u.measuredSpendYuan, lang),
      u.measuredRevenuePerYuan === null ? '—' : s.revenuePerYuan(u.measuredRevenuePerYuan.toFixed(1)),
    ]),
    empty: '',
  });
  if (!board.rankedUnits)
    return { title: s.title(board.year), columns: [], rows: [], empty: s.none(board.year), notes };
  return {
    title: s.title(board.year),
    columns: [],
    rows: [],
    empty: '',
    subsections: [
      table(s.best, board.best),
      ...(board.attention.length ? [table(s.attention, board.attention)] : []),
    ],
    notes,
  };
}

function targetView(t: TargetReport, data: WeeklyReportData, lang: ReportLanguage): TargetView {
  const m = MESSAGES[lang];
  const fig = (n: number | null) => formatFigure(n, t.metric, lang);
  const rows: TargetView['rows'] = [
    {
      label: `${m.lastWeek} (${formatShortDate(data.week.start, lang)}–${formatShortDate(data.week.end, lang)})`,
      value: fig(t.week.actual),
      detail: `${m.targetPathAsked} ${fig(t.week.path)} · ${m.againstPath} ${formatChange(relative(t.week.actual, t.week.path))} · ${m.daysWithActuals(t.week.daysWithActuals, t.week.days)}`,
    },
    {
      label: m.yearToDate(formatDate(t.yearToDate.through, lang)),
      value: fig(t.yearToDate.actual),
      detail: `${m.targetPathAsked} ${fig(t.yearToDate.path)} · ${m.againstPath} ${formatChange(relative(t.yearToDate.actual, t.yearToDate.path))} · ${m.daysWithActuals(t.yearToDate.daysWithActuals, t.yearToDate.days)}`,
    },
  ];
  const p = t.projection;
  rows.push(
    p
      ? {
          label: m.projection,
          value: fig(p.median),
          detail: [
            m.projectionInterval(
              fig(p.interval80[0]),
              fig(p.interval80[1]),
              fig(p.interval95[0]),
              fig(p.interval95[1]),
            ),
            `${m.probability} ${formatShare(p.probability)}`,
            m.actualsThrough(formatDate(p.asOf, lang)),
            ...(p.stale ? [m.stale] : []),
          ].join(' · '),
        }
      : { label: m.projection, value: m.notComputed, detail: '' },
  );
  rows.push({
    label: m.runRateNeeded(t.weeksLeft),
    value: fig(t.weeklyRunRateNeeded),
    detail: p?.expectedWeeklyRunRate != null ? `${m.expectedRunRate} ${fig(p.expectedWeeklyRunRate)}` : '',
  });
  if (t.revenuePerVisitor) {
    const r = t.revenuePerVisitor;
    rows.push({
      label: m.revenuePerVisitor,
      value: formatPerVisitor(r.actual, lang),
      detail: `${m.perVisitorLine(formatPerVisitor(r.actual, lang), formatPerVisitor(r.baseline, lang), formatPerVisitor(r.needed, lang))} · ${formatChange(relative(r.actual, r.baseline))}`,
    });
  }
  return {
    heading: targetHeading(t, lang),
    status: p?.status ?? null,
    statusLabel: p ? m.status[p.status] : m.statusUnknown,
    targetLine:
      t.targetTotal === null
        ? m.targetUnknown
        : m.target(fig(t.targetTotal), formatChange(t.growthRate), t.baselineYear),
    rows,
  };
}
