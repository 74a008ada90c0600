import type { ReportView, SectionView } from './report-view.js';

/** The plain-text part: the same words and figures as the HTML, for clients that show text only. Pure. */
export function renderText(view: ReportView, unsubscribeUrl: string): string {
  const out: string[] = [];
  out.push(view.title, view.weekLine, '', view.greeting, view.intro, '');
  for (const w of view.warnings) out.push(`! ${w}`);
  if (view.warnings.length) out.push('');
  for (const t of view.targets) {
    out.push(`== ${t.heading} — ${t.statusLabel} ==`, t.targetLine);
    for (const r of t.rows) {
      out.push(`- ${r.label}: ${r.value}`);
      if (r.detail) out.push(`  ${r.detail}`);
    }
    out.push('');
  }
  if (view.chart) {
    out.push(`== ${view.chart.title} ==`);
    for (const c of view.chart.captions) out.push(c);
    out.push('');
  }
  for (const s of view.sections) out.push(...section(s, '=='), '');
  out.push(...view.footer, '', `${view.unsubscribeLabel}: ${unsubscribeUrl}`);
  return `${out.join('\n')}\n`;
}

function section(s: SectionView, mark: string): string[] {
  const lines = [`${mark} ${s.title} ${mark}`];
  if (s.subsections) {
    for (const sub of s.subsections) lines.push(...section(sub, '--'));
    return [...lines, ...(s.notes ?? [])];
  }
  if (!s.rows.length) return [...lines, s.empty, ...(s.notes ?? [])];
  for (const row of s.rows) {
    if (!s.columns.length) lines.push(`- ${row.join(' ')}`);
    else lines.push(`- ${row[0]}`, ...row.slice(1).map((v, i) => `  ${s.columns[i + 1]}: ${v}`));
  }
  return [...lines, ...(s.notes ?? [])];
}
