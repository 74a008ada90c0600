import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { sampleReportData } from '../../../test/factories/weekly-report-data.factory.js';
import { CHART_CID, WeeklyReportRenderer } from './weekly-report.renderer.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const reader = (language: 'zh-CN' | 'en') => ({ language, displayName: '王芳', targetIds: null });
const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

describe('WeeklyReportRenderer', () => {
  const renderer = new WeeklyReportRenderer();

  it('renders the English report: figures, intervals, status, chart by cid, CSV', async () => {
    const r = await renderer.render(sampleReportData(), reader('en'), 'https://p.test/u?token=x');
    expect(r.subject).toBe('Weekly target report: week 14, 2022 (4–10 April 2022)');
    for (const part of [text(r.html), r.text]) {
      expect(part).toContain('1,850,000');
      expect(part).toContain('101,500,000');
      expect(part).toContain('80% interval 96,000,000–107,000,000; 95% interval 92,000,000–111,000,000');
      expect(part).toContain('At risk');
      expect(part).toContain('Probability of reaching the target 41% · actuals to 10 April 2022');
      expect(part).toContain('¥2,300,000,000');
      expect(part).toContain('Projection not computed yet');
      expect(part).toContain('Incomplete data: 2 day(s)');
      expect(part).toContain('Sat 9 Apr, Sun 10 Apr');
      expect(part).toContain('Wulingyuan mountain bike race');
    }
    expect(r.html).toContain(`src="cid:${CHART_CID}"`);
    expect(r.html).toContain('prefers-color-scheme: dark');
    expect(r.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(r.chart?.png.subarray(0, 8)).toEqual(PNG);
    const rows = parse<Record<string, string>>(r.csv.content, { bom: true, columns: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      week: '2022-W14',
      week_actual: '1850000',
      projection_median: '101500000',
      status: 'At risk',
    });
    expect(rows[1]).toMatchObject({
      metric: 'Tourism revenue',
      projection_median: '',
      status: 'No projection yet',
    });
  });

  it('renders the Chinese report with 万/亿 and Chinese dates, every figure in both parts', async () => {
    const r = await renderer.render(sampleReportData(), reader('zh-CN'), 'https://p.test/u?token=x');
    expect(r.subject).toBe('旅游复苏目标周报｜2022年第14周（2022年4月4日至4月10日）');
    for (const part of [text(r.html), r.text]) {
      expect(part).toContain('王芳，您好：');
      expect(part).toContain('185万人次');
      expect(part).toContain('1.02亿人次');
      expect(part).toContain('23亿元');
      expect(part).toContain('存在风险');
      expect(part).toContain('预测尚未计算');
      expect(part).toContain('4月9日 周六');
      expect(part).toContain('数据不完整');
    }
    expect(r.text).not.toMatch(/Tourist|Projection|visitors/);
    expect(r.csv.content.startsWith('\uFEFF目标ID,')).toBe(true);
  });

  it('shares one chart between readers of the same edition, language and targets', async () => {
    const data = sampleReportData();
    const a = await renderer.render(data, reader('en'), 'https://p.test/a');
    const b = await renderer.render(data, { ...reader('en'), displayName: 'Li Lei' }, 'https://p.test/b');
    expect(a.chart?.png).toBe(b.chart?.png);
    const only = await renderer.render(
      data,
      { ...reader('en'), targetIds: [data.targets[1].targetId] },
      'https://p.test/c',
    );
    expect(only.chart?.png).not.toBe(a.chart?.png);
    expect(only.text).not.toContain('Tourist arrivals');
    expect(only.text).not.toContain('Incomplete data');
  });

  it('says so when there are no targets, and sends no chart', async () => {
    const r = await renderer.render(
      sampleReportData({
        targets: [],
        missingActuals: [],
        caveats: [{ code: 'no_targets' }],
        projectionAsOf: null,
      }),
      reader('en'),
      'https://p.test/u',
    );
    expect(r.chart).toBeNull();
    expect(r.text).toContain('No targets are set for this year yet.');
    expect(r.text).toContain('Projection computed: not yet');
  });

  it('builds a message with the unsubscribe headers and both attachments', async () => {
    const mail = await renderer.message(
      sampleReportData(),
      reader('en'),
      { name: 'Wang Fang', address: 'w@example.com' },
      '<2022-W14.s1@planner.test>',
      'https://p.test/api/v1/public/unsubscribe?token=t',
    );
    expect(mail.headers).toMatchObject({
      'List-Unsubscribe': '<https://p.test/api/v1/public/unsubscribe?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.attachments?.map((a) => [a.filename, a.contentType, a.cid])).toEqual([
      ['weekly-chart.png', 'image/png', CHART_CID],
      ['weekly-target-report-2022-W14.csv', 'text/csv; charset=utf-8', undefined],
    ]);
  });
});
