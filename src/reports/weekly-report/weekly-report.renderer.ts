import { Injectable } from '@nestjs/common';
import type { MailAddress, OutgoingMail } from '../../infra/mail/outgoing-mail.js';
import type { ReportLanguage } from '../subscriptions/report-subscription.entity.js';
import { chartSvg, type AxisScale } from './render/chart-svg.js';
import { svgToPng } from './render/chart-png.js';
import { MESSAGES } from './render/messages.js';
import { renderCsv } from './render/render-csv.js';
import { renderHtml } from './render/render-html.js';
import { renderText } from './render/render-text.js';
import { buildReportView, PANEL_LETTERS } from './render/report-view.js';
import { forAudience, type WeeklyReportData } from './weekly-report-data.js';

export const CHART_CID = 'weekly-chart@planner';

/** What every reader of the same edition, language and targets shares: rendered once per process. */
interface SharedParts {
  data: WeeklyReportData;
  chart: { png: Buffer; scales: AxisScale[]; width: number; height: number } | null;
  csv: string;
}

export interface RenderedReport {
  subject: string;
  html: string;
  text: string;
  csv: { filename: string; content: string };
  chart: { png: Buffer; cid: string } | null;
}

const CACHE_SIZE = 64;

/**
 * Turns report data into a message for one reader. The chart (resvg, the costly part) and the
 * CSV are rendered once per edition, language and target selection and reused for every reader
 * who shares them; only the greeting and the unsubscribe link differ per reader.
 */
@Injectable()
export class WeeklyReportRenderer {
  /** Per data object (editions are parsed once and kept), then per language and targets. */
  private readonly cache = new WeakMap<WeeklyReportData, Map<string, Promise<SharedParts>>>();

  async render(
    data: WeeklyReportData,
    reader: { language: ReportLanguage; displayName: string; targetIds: string[] | null },
    unsubscribeUrl: string,
    options: { inlineChartAsDataUri?: boolean } = {},
  ): Promise<RenderedReport> {
    const parts = await this.shared(data, reader.language, reader.targetIds);
    const view = buildReportView(
      parts.data,
      reader.language,
      reader.displayName,
      parts.chart?.scales ?? null,
    );
    const chart = parts.chart
      ? {
          cid: options.inlineChartAsDataUri ? '' : CHART_CID,
          width: parts.chart.width,
          height: parts.chart.height,
        }
      : null;
    let html = renderHtml(view, chart, unsubscribeUrl);
    if (options.inlineChartAsDataUri && parts.chart) {
      html = html.replace('src="cid:"', `src="data:image/png;base64,${parts.chart.png.toString('base64')}"`);
    }
    return {
      subject: view.subject,
      html,
      text: renderText(view, unsubscribeUrl),
      csv: { filename: MESSAGES[reader.language].csv.filename(data.week.key), content: parts.csv },
      chart: parts.chart ? { png: parts.chart.png, cid: CHART_CID } : null,
    };
  }

  /** The message for one reader: HTML + text, the chart inline, the CSV attached, one-click unsubscribe. */
  async message(
    data: WeeklyReportData,
    reader: { language: ReportLanguage; displayName: string; targetIds: string[] | null },
    to: MailAddress,
    messageId: string,
    unsubscribeUrl: string,
  ): Promise<OutgoingMail> {
    const report = await this.render(data, reader, unsubscribeUrl);
    return {
      messageId,
      to,
      subject: report.subject,
      html: report.html,
      text: report.text,
      headers: {
        'List-Id': `Weekly target report <weekly-report.${messageId.split('@')[1]?.replace('>', '') ?? 'planner'}>`,
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
      attachments: [
        ...(report.chart
          ? [
              {
                filename: 'weekly-chart.png',
                content: report.chart.png,
                contentType: 'image/png',
                cid: report.chart.cid,
              },
            ]
          : []),
        {
          filename: report.csv.filename,
          content: report.csv.content,
          contentType: 'text/csv; charset=utf-8',
        },
      ],
    };
  }

  private shared(
    data: WeeklyReportData,
    lang: ReportLanguage,
    targetIds: string[] | null,
  ): Promise<SharedParts> {
    const key = `${lang}|${targetIds ? [...targetIds].sort().join(',') : '*'}`;
    let forData = this.cache.get(data);
    if (!forData) this.cache.set(data, (forData = new Map<string, Promise<SharedParts>>()));
    let parts = forData.get(key);
    if (!parts) {
      parts = this.renderShared(forAudience(data, targetIds), lang);
      const entries = forData;
      void parts.catch(() => entries.delete(key));
      forData.set(key, parts);
      if (forData.size > CACHE_SIZE) forData.delete(forData.keys().next().value as string);
    }
    return parts;
  }

  private async renderShared(data: WeeklyReportData, lang: ReportLanguage): Promise<SharedParts> {
    let chart: SharedParts['chart'] = null;
    if (data.targets.length) {
      const svg = chartSvg(
        data.targets.map((t, i) => ({
          letter: PANEL_LETTERS[i] ?? '?',
          metric: t.metric,
          year: t.year,
          // The week's last day in the target's year (31 December for a week across New Year).
          marker: t.yearToDate.through.slice(0, 4) === String(t.year) ? t.yearToDate.through : null,
          points: t.chart,
        })),
        lang,
      );
      chart = { png: await svgToPng(svg.svg), scales: svg.scales, width: svg.width, height: svg.height };
    }
    return { data, chart, csv: renderCsv(data, lang) };
  }
}
