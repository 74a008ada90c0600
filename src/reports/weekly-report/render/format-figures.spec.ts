import { describe, expect, it } from '@jest/globals';
import {
  formatChange,
  formatCount,
  formatDate,
  formatFigure,
  formatInstant,
  formatMoney,
  formatRange,
} from './format-figures.js';

describe('figures for people', () => {
  it('groups thousands and shows ¥ in English', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatMoney(1234567, 'en')).toBe('¥1,234,567');
    expect(formatFigure(987, 'visitors', 'en')).toBe('987');
  });

  it('writes 万 and 亿 in Chinese', () => {
    expect(formatCount(1234567, 'zh-CN')).toBe('123.46万');
    expect(formatCount(9876, 'zh-CN')).toBe('9,876');
    expect(formatCount(120000, 'zh-CN')).toBe('12万');
    expect(formatMoney(1234567890, 'zh-CN')).toBe('12.35亿元');
    expect(formatFigure(25_300_000, 'visitors', 'zh-CN')).toBe('2530万人次');
    expect(formatFigure(null, 'revenue', 'zh-CN')).toBe('—');
  });

  it('signs changes', () => {
    expect(formatChange(0.0312)).toBe('+3.1%');
    expect(formatChange(-0.2)).toBe('−20.0%');
    expect(formatChange(0)).toBe('±0.0%');
  });

  it('formats dates with the date-fns locales', () => {
    expect(formatDate('2022-04-04', 'en')).toBe('4 April 2022');
    expect(formatDate('2022-04-04', 'zh-CN')).toBe('2022年4月4日');
    expect(formatRange('2022-04-04', '2022-04-10', 'en')).toBe('4–10 April 2022');
    expect(formatRange('2022-03-28', '2022-04-03', 'en')).toBe('28 March–3 April 2022');
    expect(formatRange('2022-04-04', '2022-04-10', 'zh-CN')).toBe('2022年4月4日至4月10日');
    expect(formatInstant('2022-04-11T01:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2022年4月11日 09:00');
  });
});
