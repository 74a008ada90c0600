import { describe, expect, it } from '@jest/globals';
import { straightPanel } from '../../../../test/support/chart-panels.js';
import { axisLabel, axisScale, chartSvg, FONT_FAMILY, niceAxis } from './chart-svg.js';

const panel = (total: number, letter?: string) => straightPanel(total, { letter });

/** The text of each label, in order, as a reader of the image would see it. */
const labels = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, t]) =>
    t.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
  );

describe('chartSvg', () => {
  it('labels an English chart with K/M/B values, month names and the panel letter', () => {
    const { svg, scales, width, height } = chartSvg([panel(104_000_000)], 'en');
    expect(scales).toEqual(['million']);
    expect([width, height]).toEqual([600, 216]);
    expect(labels(svg)).toEqual([
      'A',
      '0',
      '50M',
      '100M',
      '150M',
      ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    ]);
  });

  it('labels a Chinese chart with 万/亿 on the values and 月 on the months', () => {
    const { svg, scales } = chartSvg([panel(104_000_000), panel(3_000_000, 'B')], 'zh-CN');
    expect(scales).toEqual(['yi', 'wan']);
    const [a, b] = svg.split('width="20" height="18"').slice(1).map(labels);
    expect(a).toEqual([
      'A',
      '0',
      '0.5亿',
      '1亿',
      '1.5亿',
      ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    ]);
    expect(b.slice(0, 5)).toEqual(['B', '0', '100万', '200万', '300万']);
  });

  it('sets every label as text in the fonts the PNG loads, no glyph drawn by hand', () => {
    const { svg } = chartSvg([panel(5_000)], 'en');
    expect(svg).toContain(`font-family="${FONT_FAMILY}"`);
    expect(svg).not.toMatch(/<path d="[^"]*"[^>]*stroke="#475467"/);
    expect(labels(svg).slice(0, 6)).toEqual(['A', '0', '2,000', '4,000', '6,000', 'Jan']);
  });

  it('escapes a label before it goes into the SVG', () => {
    expect(chartSvg([panel(10, '<&>')], 'en').svg).toContain('>&#60;&#38;&#62;</text>');
  });

  it('draws one panel per target, stacked', () => {
    const { svg, height } = chartSvg([panel(10), panel(20, 'B'), panel(30, 'C')], 'en');
    expect(height).toBe(3 * 210 + 6);
    expect(labels(svg).filter((l) => /^[A-C]$/.test(l))).toEqual(['A', 'B', 'C']);
  });
});

describe('the axis', () => {
  it('takes a round step giving 3 to 6 gridlines', () => {
    expect(niceAxis(104_000_000)).toEqual({ step: 50_000_000, top: 150_000_000 });
    expect(niceAxis(7)).toEqual({ step: 2, top: 8 });
    expect(niceAxis(1)).toEqual({ step: 0.25, top: 1 });
  });

  it('is labelled in the reader’s scale', () => {
    expect(axisScale(150_000_000, 'zh-CN')).toBe('yi');
    expect(axisScale(20_000, 'zh-CN')).toBe('wan');
    expect(axisScale(5_000, 'zh-CN')).toBe('one');
    expect(axisScale(1.5e11, 'en')).toBe('billion');
    expect(axisScale(2e6, 'en')).toBe('million');
    expect(axisScale(20_000, 'en')).toBe('thousand');
    expect(axisScale(5_000, 'en')).toBe('one');
    expect(axisLabel(0, 'yi')).toBe('0');
    expect(axisLabel(150_000_000_000, 'yi')).toBe('1,500亿');
    expect(axisLabel(5_000, 'wan')).toBe('0.5万');
    expect(axisLabel(2_500_000, 'thousand')).toBe('2,500K');
    expect(axisLabel(7_500, 'one')).toBe('7,500');
  });
});
