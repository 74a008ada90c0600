import { describe, expect, it } from '@jest/globals';
import { REPORT_LANGUAGES } from '../../subscriptions/report-subscription.entity.js';
import { fontCharacters } from '../../../../test/support/font-cmap.js';
import { straightPanel } from '../../../../test/support/chart-panels.js';
import { CHART_FONT_FILES, svgToPng } from './chart-png.js';
import { chartSvg, FONT_FAMILY } from './chart-svg.js';
import { PANEL_LETTERS } from './report-view.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One label on a small canvas, set as the chart sets its labels. */
const label = (text: string, weight = 400) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20" font-family="${FONT_FAMILY}"><text x="4" y="15" font-size="12" font-weight="${weight}">${text}</text></svg>`;

describe('svgToPng', () => {
  it('has a glyph for every character of every label, in both languages, at every scale', () => {
    // Sixteen panels (every letter), their totals from 5 to 5 × 10¹², so every scale and suffix shows.
    const panels = PANEL_LETTERS.split('').map((letter, i) =>
      straightPanel(5 * 10 ** (i % 13) * (1 + (i % 3)), { letter, marker: null }),
    );
    const covered = new Set(CHART_FONT_FILES.flatMap((file) => [...fontCharacters(file)]));
    for (const lang of REPORT_LANGUAGES) {
      const { svg, scales } = chartSvg(panels, lang);
      expect(new Set(scales).size).toBe(lang === 'en' ? 4 : 3);
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, t]) => t).join('');
      const missing = [...new Set(texts)].filter((c) => !covered.has(c.codePointAt(0)!));
      // A character listed here has no glyph: add it to TEXT in assets/fonts/make-chart-cjk-subset.sh
      // and run that script, or change the label.
      expect(missing).toEqual([]);
    }
  });

  it('draws the labels with the shipped fonts, never a system font', async () => {
    const png = (text: string, weight?: number) => svgToPng(label(text, weight));
    const [blank, digit, latin, wan, yi, month, semibold] = await Promise.all([
      png(''),
      png('8'),
      png('M'),
      png('万'),
      png('亿'),
      png('月'),
      png('M', 600),
    ]);
    expect(blank.subarray(0, 8)).toEqual(PNG);
    for (const drawn of [digit, latin, wan, yi, month]) expect(drawn).not.toEqual(blank);
    expect(semibold).not.toEqual(latin);
    // Characters no shipped font has come out as the same empty box (.notdef), even on a machine
    // with CJK system fonts; the chart's own Chinese characters do not.
    const [cat, dog] = await Promise.all([png('猫'), png('狗')]);
    expect(cat).toEqual(dog);
    for (const drawn of [wan, yi, month]) expect(drawn).not.toEqual(cat);
  });

  it('says which font file is missing rather than drawing blank labels', async () => {
    const files = [...CHART_FONT_FILES.slice(0, 2), '/nonexistent/NotoSansCJKsc-ChartLabels.otf'];
    await expect(svgToPng(label('亿'), files)).rejects.toThrow(
      "The chart's font file is missing: /nonexistent/NotoSansCJKsc-ChartLabels.otf",
    );
  });
});
