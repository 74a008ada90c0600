import { escapeHtml } from '../../subscriptions/unsubscribe-page.js';
import type { ProjectionStatus } from '../weekly-report-data.js';
import { COLORS } from './chart-svg.js';
import type { ReportView, SectionView, TargetView } from './report-view.js';

/**
 * The HTML part: tables and inline styles (what mail clients keep), one column that reads on a
 * phone, light by default and dark where the client asks for it (`prefers-color-scheme` with
 * `color-scheme`), and the chart as an inline `cid:` image so it shows even when remote images
 * are blocked. Pure.
 */
export interface HtmlChart {
  cid: string;
  width: number;
  height: number;
}

const STATUS_COLORS: Record<ProjectionStatus | 'none', { bg: string; fg: string }> = {
  on_track: { bg: '#dcfae6', fg: '#067647' },
  at_risk: { bg: '#fef0c7', fg: '#b54708' },
  off_track: { bg: '#fee4e2', fg: '#b42318' },
  none: { bg: '#f2f4f7', fg: '#475467' },
};

const FONT = `font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei',Roboto,Helvetica,Arial,sans-serif`;
const e = escapeHtml;

export function renderHtml(view: ReportView, chart: HtmlChart | null, unsubscribeUrl: string): string {
  const preheader = view.targets.map((t) => `${t.heading}: ${t.statusLabel}`).join(' · ');
  const body: string[] = [];
  body.push(
    `<tr><td class="pad" style="padding:24px 24px 8px 24px">
<div class="muted" style="font-size:13px;color:#475467">${e(view.weekLine)}</div>
<h1 class="fg" style="margin:4px 0 0 0;font-size:22px;line-height:1.3;color:#101828">${e(view.title)}</h1>
</td></tr>`,
  );
  body.push(
    `<tr><td class="pad fg" style="padding:8px 24px 8px 24px;font-size:15px;line-height:1.6;color:#101828"><p style="margin:0 0 6px 0">${e(view.greeting)}</p><p style="margin:0">${e(view.intro)}</p></td></tr>`,
  );
  if (view.warnings.length) {
    body.push(
      `<tr><td class="pad" style="padding:8px 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:separate"><tr><td class="warn" style="background:#fffaeb;border:1px solid #fedf89;border-radius:8px;padding:10px 14px;font-size:14px;line-height:1.5;color:#93370d">${view.warnings
        .map((w) => `<div>⚠ ${e(w)}</div>`)
        .join('')}</td></tr></table></td></tr>`,
    );
  }
  for (const t of view.targets) body.push(targetCard(t));
  if (view.chart && chart) {
    const legend = [
      swatch(COLORS.actual, view.chart.legend.actual, 'solid'),
      swatch(COLORS.path, view.chart.legend.path, 'dashed'),
      swatch(COLORS.projection, view.chart.legend.projection, 'solid'),
      box('rgba(247,144,9,0.45)', view.chart.legend.band80),
      box('rgba(247,144,9,0.2)', view.chart.legend.band95),
    ].join(' ');
    body.push(
      `<tr><td class="pad" style="padding:16px 24px 4px 24px"><h2 class="fg" style="margin:0 0 8px 0;font-size:17px;color:#101828">${e(view.chart.title)}</h2>
<img src="cid:${e(chart.cid)}" width="${chart.width}" alt="${e(view.chart.alt)}" style="display:block;width:100%;max-width:${chart.width}px;height:auto;border:1px solid #e4e7ec;border-radius:8px">
<div class="muted" style="margin-top:8px;font-size:13px;line-height:1.7;color:#475467">${legend}</div>
${view.chart.captions.map((c) => `<div class="muted" style="font-size:13px;line-height:1.6;color:#475467">${e(c)}</div>`).join('')}
</td></tr>`,
    );
  }
  for (const s of view.sections) body.push(section(s));
  body.push(
    `<tr><td class="pad muted" style="padding:20px 24px 28px 24px;font-size:12px;line-height:1.7;color:#667085;border-top:1px solid #e4e7ec">${view.footer
      .map((f) => `<div>${e(f)}</div>`)
      .join(
        '',
      )}<div style="margin-top:8px"><a href="${e(unsubscribeUrl)}" style="color:#667085;text-decoration:underline">${e(view.unsubscribeLabel)}</a></div></td></tr>`,
  );

  return `<!doctype html>
<html lang="${view.lang}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(view.subject)}</title>
<style>
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .bg { background:#0c111d !important; }
  .card { background:#161b26 !important; border-color:#333741 !important; }
  .fg { color:#f5f5f6 !important; }
  .muted { color:#94969c !important; }
  .warn { background:#4e1d09 !important; border-color:#93370d !important; color:#fedf89 !important; }
  .cell { border-color:#333741 !important; color:#cecfd2 !important; }
  .head { background:#1f242f !important; color:#cecfd2 !important; }
}
@media only screen and (max-width: 620px) { .pad { padding-left:14px !important; padding-right:14px !important; } }
</style>
</head>
<body class="bg" style="margin:0;padding:0;background:#f2f4f7;${FONT}">
<div style="display:none;max-height:0;overflow:hidden;opacity:0">${e(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="bg" style="background:#f2f4f7"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" class="card" style="width:100%;max-width:640px;background:#ffffff;border:1px solid #e4e7ec;border-radius:12px;${FONT}">
${body.join('\n')}
</table>
</td></tr></table>
</body>
</html>`;
}

function targetCard(t: TargetView): string {
  const c = STATUS_COLORS[t.status ?? 'none'];
  const rows = t.rows
    .map(
      (r) => `<tr><td class="cell" style="padding:8px 0;border-top:1px solid #eaecf0;vertical-align:top">
<div class="muted" style="font-size:13px;color:#475467">${e(r.label)}</div>
<div class="fg" style="font-size:18px;font-weight:600;color:#101828">${e(r.value)}</div>
${r.detail ? `<div class="muted" style="font-size:13px;line-height:1.5;color:#475467">${e(r.detail)}</div>` : ''}
</td></tr>`,
    )
    .join('');
  return `<tr><td class="pad" style="padding:12px 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="card" style="border:1px solid #e4e7ec;border-radius:10px;background:#ffffff"><tr><td style="padding:14px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>
<td class="fg" style="font-size:16px;font-weight:600;color:#101828">${e(t.heading)}</td>
<td align="right" style="white-space:nowrap"><span style="display:inline-block;padding:3px 10px;border-radius:999px;background:${c.bg};color:${c.fg};font-size:13px;font-weight:600">${e(t.statusLabel)}</span></td>
</tr></table>
<div class="muted" style="margin:4px 0 6px 0;font-size:13px;color:#475467">${e(t.targetLine)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${rows}</table>
</td></tr></table></td></tr>`;
}

function section(s: SectionView): string {
  const title = `<h2 class="fg" style="margin:0 0 8px 0;font-size:17px;color:#101828">${e(s.title)}</h2>`;
  const inner = s.subsections
    ? s.subsections
        .map(
          (sub) =>
            `<h3 class="fg" style="margin:10px 0 6px 0;font-size:15px;color:#101828">${e(sub.title)}</h3>${table(sub)}`,
        )
        .join('')
    : table(s);
  const notes = (s.notes ?? [])
    .map(
      (n) =>
        `<p class="muted" style="margin:8px 0 0 0;font-size:13px;line-height:1.5;color:#475467">${e(n)}</p>`,
    )
    .join('');
  return `<tr><td class="pad" style="padding:16px 24px 4px 24px">${title}${inner}${notes}</td></tr>`;
}

function table(s: SectionView): string {
  if (!s.rows.length)
    return `<p class="muted" style="margin:0;font-size:14px;color:#475467">${e(s.empty)}</p>`;
  if (!s.columns.length) {
    return `<ul class="fg" style="margin:0;padding-left:18px;font-size:14px;line-height:1.6;color:#101828">${s.rows
      .map((r) => `<li>${e(r.join(' '))}</li>`)
      .join('')}</ul>`;
  }
  const head = s.columns
    .map(
      (c) =>
        `<th align="left" class="head" style="padding:6px 8px;background:#f9fafb;font-size:12px;font-weight:600;color:#475467">${e(c)}</th>`,
    )
    .join('');
  const rows = s.rows
    .map(
      (r) =>
        `<tr>${r
          .map(
            (v) =>
              `<td class="cell" style="padding:6px 8px;border-top:1px solid #eaecf0;font-size:13px;line-height:1.45;color:#344054;vertical-align:top">${e(v)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr>${head}</tr>${rows}</table>`;
}

function swatch(color: string, label: string, style: 'solid' | 'dashed'): string {
  return `<span style="white-space:nowrap"><span style="display:inline-block;width:18px;height:0;border-top:3px ${style} ${color};vertical-align:middle"></span> ${e(label)}</span>`;
}

function box(color: string, label: string): string {
  return `<span style="white-space:nowrap"><span style="display:inline-block;width:14px;height:10px;background:${color};vertical-align:middle"></span> ${e(label)}</span>`;
}
