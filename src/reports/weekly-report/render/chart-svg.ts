import type { ReportLanguage } from '../../subscriptions/report-subscription.entity.js';
import type { ChartPoint, Metric } from '../weekly-report-data.js';

/** The scale the vertical axis is labelled in: K/M/B (the HTML caption says what they stand for) or 万/亿. */
export type AxisScale = 'one' | 'thousand' | 'million' | 'billion' | 'wan' | 'yi';

export interface ChartPanelInput {
  letter: string;
  metric: Metric;
  year: number;
  /** The report week's Sunday: a marker line. */
  marker: string | null;
  points: ChartPoint[];
}

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
  scales: AxisScale[];
}

export const COLORS = {
  actual: '#1570ef',
  path: '#667085',
  projection: '#dc6803',
  band: '#f79009',
  grid: '#e4e7ec',
  axis: '#475467',
};

const WIDTH = 600;
const PANEL = 210;
const LEFT = 58;
const RIGHT = 14;
const TOP = 26;
const PLOT = 150;
const LABEL_SIZE = 12;

/**
 * The chart's fonts, by family: Source Sans 3 for digits and Latin, Noto Sans CJK SC for the few
 * Chinese characters (万, 亿, 月). svgToPng loads exactly these files (see chart-png).
 */
export const FONT_FAMILY = "'Source Sans 3', 'Noto Sans CJK SC'";

const MONTHS: Record<ReportLanguage, (month: number) => string> = {
  en: (month) =>
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1],
  'zh-CN': (month) => `${month}月`,
};

/**
 * One panel per target: cumulative actual, the target path (dashed), the projection median with
 * its 80 % and 95 % bands. Labels are text in the reader's language (months, and the axis values
 * with K/M/B or 万/亿), set in FONT_FAMILY; the words around them are in the email's HTML. Pure.
 */
export function chartSvg(panels: ChartPanelInput[], lang: ReportLanguage): ChartSvg {
  const height = Math.max(1, panels.length) * PANEL + 6;
  const parts: string[] = [];
  const scales: AxisScale[] = [];
  panels.forEach((panel, i) => {
    const { svg, scale } = panelSvg(panel, i * PANEL + 6, lang);
    parts.push(svg);
    scales.push(scale);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}"><rect width="${WIDTH}" height="${height}" rx="8" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width: WIDTH, height, scales };
}

function panelSvg(
  panel: ChartPanelInput,
  top: number,
  lang: ReportLanguage,
): { svg: string; scale: AxisScale } {
  const x0 = LEFT;
  const x1 = WIDTH - RIGHT;
  const y0 = top + TOP;
  const y1 = y0 + PLOT;
  const yearStart = Date.UTC(panel.year, 0, 1);
  const yearDays = (Date.UTC(panel.year + 1, 0, 1) - yearStart) / 86_400_000;
  const xOf = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    const day = (Date.UTC(y, m - 1, d) - yearStart) / 86_400_000 + 1;
    return x0 + (Math.min(Math.max(day, 0), yearDays) / yearDays) * (x1 - x0);
  };
  const values = panel.points.flatMap((p) => [p.path, p.actual, p.median, p.hi95, p.hi80]);
  const max = Math.max(1, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const { step, top: yMax } = niceAxis(max);
  const yOf = (v: number) => y1 - (v / yMax) * (y1 - y0);
  const scale = axisScale(yMax, lang);
  const out: string[] = [];

  // frame, grid and labels
  out.push(
    `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${PLOT}" fill="none" stroke="${COLORS.grid}"/>`,
  );
  const labels: string[] = [];
  for (let v = 0; v <= yMax + step / 2; v += step) {
    const y = r(yOf(v));
    out.push(`<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    labels.push(textAt(axisLabel(v, scale), x0 - 7, y + 4.2, 'end'));
  }
  for (let month = 1; month <= 12; month++) {
    const first = `${panel.year}-${String(month).padStart(2, '0')}-01`;
    const x = r(xOf(first));
    if (month > 1) out.push(`<line x1="${x}" y1="${y1}" x2="${x}" y2="${y1 + 4}" stroke="${COLORS.axis}"/>`);
    const next = month === 12 ? x1 : xOf(`${panel.year}-${String(month + 1).padStart(2, '0')}-01`);
    labels.push(textAt(MONTHS[lang](month), r((x + next) / 2), y1 + 17, 'middle'));
  }
  // panel letter
  out.push(`<rect x="${x0}" y="${top + 2}" width="20" height="18" rx="4" fill="${COLORS.axis}"/>`);
  out.push(
    `<text x="${x0 + 10}" y="${top + 15.5}" text-anchor="middle" font-size="13" font-weight="600" fill="#ffffff">${escapeXml(panel.letter)}</text>`,
  );

  if (panel.marker) {
    const x = r(xOf(panel.marker));
    out.push(
      `<line x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="${COLORS.axis}" stroke-width="1" stroke-dasharray="2 3"/>`,
    );
  }
  const band = (lo: keyof ChartPoint, hi: keyof ChartPoint, opacity: number) => {
    const pts = panel.points.filter((p) => p[lo] !== null && p[hi] !== null);
    if (pts.length < 2) return;
    const upper = pts.map((p) => `${r(xOf(p.date))},${r(yOf(p[hi] as number))}`);
    const lower = pts.reverse().map((p) => `${r(xOf(p.date))},${r(yOf(p[lo] as number))}`);
    out.push(
      `<polygon points="${[...upper, ...lower].join(' ')}" fill="${COLORS.band}" fill-opacity="${opacity}"/>`,
    );
  };
  band('lo95', 'hi95', 0.16);
  band('lo80', 'hi80', 0.3);
  const line = (key: keyof ChartPoint, color: string, width: number, dash = '') => {
    const pts = panel.points.filter((p) => p[key] !== null);
    if (pts.length < 2) return;
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${r(xOf(p.date))} ${r(yOf(p[key] as number))}`).join('');
    out.push(
      `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
  };
  line('path', COLORS.path, 1.8, '6 4');
  line('median', COLORS.projection, 2.2);
  line('actual', COLORS.actual, 2.6);
  out.push(`<g font-size="${LABEL_SIZE}" fill="${COLORS.axis}">${labels.join('')}</g>`);
  return { svg: out.join(''), scale };
}

/** A round step giving 3 to 6 gridlines, and the axis top. */
export function niceAxis(max: number): { step: number; top: number } {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { step, top: Math.ceil(max / step) * step };
}

export function axisScale(top: number, lang: ReportLanguage): AxisScale {
  if (lang === 'zh-CN') return top >= 1e8 ? 'yi' : top >= 1e4 ? 'wan' : 'one';
  return top >= 1e9 ? 'billion' : top >= 1e6 ? 'million' : top >= 1e4 ? 'thousand' : 'one';
}

const DIVISOR: Record<AxisScale, number> = {
  one: 1,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  wan: 1e4,
  yi: 1e8,
};
const SUFFIX: Record<AxisScale, string> = {
  one: '',
  thousand: 'K',
  million: 'M',
  billion: 'B',
  wan: '万',
  yi: '亿',
};

export function axisLabel(value: number, scale: AxisScale): string {
  if (value === 0) return '0';
  const n = value / DIVISOR[scale];
  const text = Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 100) / 100);
  return `${text}${SUFFIX[scale]}`;
}

/** A label centred on or ending at x, on the baseline y. */
const textAt = (label: string, x: number, y: number, anchor: 'middle' | 'end') =>
  `<text x="${x}" y="${r(y)}" text-anchor="${anchor}">${escapeXml(label)}</text>`;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const r = (n: number) => Math.round(n * 10) / 10;
