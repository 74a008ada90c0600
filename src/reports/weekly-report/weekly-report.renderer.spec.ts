import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { sampleReportData, sampleScoreboard } from '../../../test/factories/weekly-report-data.factory.js';
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
      // The chart's values read 150M, 100B: the caption says what M and B stand for.
      expect(part).toContain(
        'Panel A: Tourist arrivals · City-wide · 2022 (vertical axis: million visitors (M)',
      );
      expect(part).toContain('Panel B: Tourism revenue · City-wide · 2022 (vertical axis: billion yuan (B)');
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
      // The chart's values carry 万/亿 themselves (1.5亿): the caption's unit is the noun alone.
      expect(part).toContain('图A：旅游接待人次 · 全市 · 2022（纵轴单位：人次；横轴：月份）');
      expect(part).toContain('图B：旅游总收入 · 全市 · 2022（纵轴单位：元；横轴：月份）');
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
    expect(r.text).toContain('Projections: not computed yet');
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

  describe('the scoreboard section', () => {
    /** The scoreboard section of a rendered text part, up to the next section. */
    const sectionOf = (part: string, title: string) => {
      const from = part.indexOf(title);
      expect(from).toBeGreaterThanOrEqual(0);
      const next = part.indexOf('\n== ', from + title.length);
      return part.slice(from, next < 0 ? undefined : next);
    };

    it('ranks the three best and those that need attention, in English, in HTML and text alike', async () => {
      const r = await renderer.render(sampleReportData(), reader('en'), 'https://p.test/u');
      for (const part of [text(r.html), r.text]) {
        expect(part).toContain('Scoreboard 2022: yuan per measured incremental visitor');
        expect(part).toContain('1. 市场管理科');
        expect(part).toContain('¥12');
        expect(part).toContain('145,000');
        expect(part).toContain('¥1,798,000');
        expect(part).toContain('¥28.1');
        expect(part).toContain('5. 国际交流科');
        expect(part).toContain('¥1,480');
        expect(part).toContain(
          'Caveats: 3 completed item(s) could not be measured (2 × the effect window lacks actuals for 3 of its 10 day(s); 1 × its effect has not been computed yet); 2 of 7 unit(s) have no measured cost per visitor and are not ranked (never counted as zero).',
        );
        // Unranked units are never shown with a figure (not as zero, not at all).
        expect(part).not.toContain('武陵源区文旅局');
        expect(part).not.toContain('产业发展科');
      }
      const board = sectionOf(r.text, '== Scoreboard 2022');
      // Best first; the attention list weakest first; shared ranks as the scoreboard gives them.
      expect(board.match(/^- \d+\. .+$/gm)).toEqual([
        '- 1. 市场管理科',
        '- 2. 宣传推广科',
        '- 2. 体育中心',
        '- 5. 国际交流科',
        '- 4. 乡村旅游科',
      ]);
      expect(board.indexOf('-- Best (cheapest visitor) --')).toBeLessThan(
        board.indexOf('-- Need attention --'),
      );
      expect(board).toContain('  Revenue per yuan: —');
    });

    it('says it in Chinese with 万 and 元, the reasons in Chinese', async () => {
      const r = await renderer.render(sampleReportData(), reader('zh-CN'), 'https://p.test/u');
      for (const part of [text(r.html), r.text]) {
        expect(part).toContain('2022年责任单位记分板：实测每新增人次成本');
        expect(part).toContain('成本最低的单位');
        expect(part).toContain('需要关注的单位');
        expect(part).toContain('14.5万人次');
        expect(part).toContain('179.8万元');
        expect(part).toContain('1,480元');
        expect(part).toContain(
          '说明：3项已完成的营销或活动无法测算成效（成效窗口10天中有3天缺少实际数据：2项，成效尚未计算：1项）；7个责任单位中2个没有实测的每新增人次成本，不参与排名，也不按零计。',
        );
      }
    });

    it('says in one sentence that nothing was measured, with the caveats, rather than disappearing', async () => {
      const none = sampleScoreboard({
        rankedUnits: 0,
        best: [],
        attention: [],
        unranked: [{ unit: '市场管理科', because: 'no campaign completed yet' }],
        units: 1,
        unmeasured: { items: 0, reasons: [] },
      });
      const en = await renderer.render(
        sampleReportData({ scoreboard: none }),
        reader('en'),
        'https://p.test/u',
      );
      const zh = await renderer.render(
        sampleReportData({ scoreboard: none }),
        reader('zh-CN'),
        'https://p.test/u',
      );
      for (const part of [text(en.html), en.text]) {
        expect(part).toContain(
          'Nothing was measured for 2022 yet: no responsible unit has a measured cost per visitor, so none is ranked.',
        );
        expect(part).toContain(
          'every completed item was measured; 1 of 1 unit(s) have no measured cost per visitor',
        );
        expect(part).not.toContain('Best (cheapest visitor)');
        expect(part).not.toMatch(/¥0\b/);
      }
      for (const part of [text(zh.html), zh.text])
        expect(part).toContain('2022年还没有任何责任单位有实测的每新增人次成本，记分板暂不排名。');
    });

    it('leaves out the attention list when every ranked unit is among the best', async () => {
      const board = sampleScoreboard();
      const r = await renderer.render(
        sampleReportData({ scoreboard: { ...board, rankedUnits: 3, attention: [] } }),
        reader('en'),
        'https://p.test/u',
      );
      expect(r.text).toContain('-- Best (cheapest visitor) --');
      expect(r.text).not.toContain('Need attention');
    });

    it('renders an edition frozen before the scoreboard existed without the section', async () => {
      const old = sampleReportData();
      delete old.scoreboard;
      const r = await renderer.render(old, reader('en'), 'https://p.test/u');
      expect(r.text).not.toContain('Scoreboard');
      expect(r.text).toContain('== Missing actuals ==');
    });
  });
});
