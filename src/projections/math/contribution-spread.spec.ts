import { describe, expect, it } from '@jest/globals';
import { yearDays } from '../../common/time/local-date.js';
import {
  campaignContribution,
  eventContribution,
  spreadEvenly,
  withoutDoubleCounting,
  type EventFacts,
} from './contribution-spread.js';

const dates = yearDays(2022);
const at = (date: string) => dates.indexOf(date);

const event = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  id: 'e1',
  titleZh: '环天门山马拉松',
  titleEn: 'Marathon',
  status: 'approved',
  // 09:00 on 1 July to 18:00 on 3 July, Shanghai: three local days.
  startsAt: new Date('2022-07-01T01:00:00Z'),
  endsAt: new Date('2022-07-03T10:00:00Z'),
  timeZone: 'Asia/Shanghai',
  expectedAttendance: 1000,
  expectedOutsideCitySharePct: 60,
  expectedSpendPerAttendeeYuan: 800,
  actualAttendance: null,
  actualRevenueYuan: null,
  ...overrides,
});

describe('spreadEvenly', () => {
  it('gives whole amounts that add up exactly, the first days taking the remainder', () => {
    expect(spreadEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(spreadEvenly(600, 3)).toEqual([200, 200, 200]);
    expect(spreadEvenly(5, 0)).toEqual([]);
  });
});

describe('eventContribution', () => {
  it('counts attendance × outside share for visitors, × spend for revenue, over its local days', () => {
    const visitors = eventContribution(event(), 'visitors', dates)!;
    expect(visitors).toMatchObject({ from: '2022-07-01', to: '2022-07-03', nameEn: 'Marathon' });
    expect(visitors.input).toMatchObject({ id: 'e1', kind: 'event', actual: null });
    expect(visitors.input.daily.slice(at('2022-07-01'), at('2022-07-04'))).toEqual([200, 200, 200]);
    expect(visitors.input.daily.reduce((a, b) => a + b, 0)).toBe(600);
    const revenue = eventContribution(event(), 'revenue', dates)!;
    expect(revenue.input.daily.reduce((a, b) => a + b, 0)).toBe(480_000);
    expect(revenue.basis).toMatch(/800 yuan/);
  });

  it('replaces the expectation by the recorded actuals once completed', () => {
    const done = event({ status: 'completed', actualAttendance: 2000, actualRevenueYuan: 3_000_000 });
    expect(eventContribution(done, 'visitors', dates)!.input.actual).toBe(1200);
    expect(eventContribution(done, 'revenue', dates)!.input.actual).toBe(1_800_000);
    const noRevenue = event({ status: 'completed', actualAttendance: 2000 });
    expect(eventContribution(noRevenue, 'revenue', dates)!.input.actual).toBe(960_000);
  });

  it('counts nothing without an outside share, and says so', () => {
    const none = eventContribution(event({ expectedOutsideCitySharePct: null }), 'visitors', dates)!;
    expect(none.input.daily.every((v) => v === 0)).toBe(true);
    expect(none.basis).toMatch(/counted as 0/);
  });

  it('keeps only the target year’s days of an event over New Year', () => {
    const newYear = event({
      startsAt: new Date('2022-12-30T01:00:00Z'),
      endsAt: new Date('2023-01-01T10:00:00Z'),
      status: 'completed',
      actualAttendance: 1500,
    });
    const c = eventContribution(newYear, 'visitors', dates)!;
    expect(c).toMatchObject({ from: '2022-12-30', to: '2022-12-31' });
    expect(c.input.daily.reduce((a, b) => a + b, 0)).toBe(400);
    expect(c.input.actual).toBe(600); // 2 of its 3 days: 900 × 2 / 3
    expect(eventContribution(newYear, 'visitors', yearDays(2021))).toBeNull();
  });
});

describe('campaignContribution', () => {
  const campaign = {
    id: 'c1',
    name: '高铁营销',
    status: 'active',
    startDate: '2022-04-01',
    endDate: '2022-04-10',
    expectedIncrementalVisitors: 1005,
    expectedIncrementalRevenueYuan: null,
    actualIncrementalVisitors: 900,
    actualIncrementalRevenueYuan: null,
  };

  it('spreads the expected increment uniformly over its dates', () => {
    const c = campaignContribution(campaign, 'visitors', dates)!;
    expect(c.input.daily.slice(at('2022-04-01'), at('2022-04-11'))).toEqual([
      101, 101, 101, 101, 101, 100, 100, 100, 100, 100,
    ]);
    expect(c.input.actual).toBeNull(); // not completed: the measured figure is not final
    expect(campaignContribution({ ...campaign, status: 'completed' }, 'visitors', dates)!.input.actual).toBe(
      900,
    );
    expect(campaignContribution(campaign, 'revenue', dates)!.basis).toMatch(/counted as 0/);
  });
});

describe('withoutDoubleCounting', () => {
  const campaign = {
    id: 'c1',
    name: '音乐节营销',
    status: 'active',
    startDate: '2022-06-25',
    endDate: '2022-07-10',
    expectedIncrementalVisitors: 5000,
    expectedIncrementalRevenueYuan: null,
    actualIncrementalVisitors: null,
    actualIncrementalRevenueYuan: null,
  };
  const total = (d: { input: { daily: readonly number[] } }) => d.input.daily.reduce((a, b) => a + b, 0);

  it('adds nothing for an event inside a counted campaign, and keeps it listed with the reason', () => {
    const inside = eventContribution(
      event({ campaignId: 'c1', status: 'completed', actualAttendance: 900 }),
      'visitors',
      dates,
    )!;
    const alone = eventContribution(event({ id: 'e2' }), 'visitors', dates)!;
    const out = withoutDoubleCounting([inside, alone, campaignContribution(campaign, 'visitors', dates)!]);
    expect(out.map((d) => [d.input.id, total(d), d.input.actual])).toEqual([
      ['e1', 0, null],
      ['e2', 600, null],
      ['c1', 5000, null],
    ]);
    expect(out[0]).toMatchObject({ insideCampaign: 'c1', basis: expect.stringContaining('音乐节营销') });
  });

  it('keeps an event’s own figures when its campaign is not counted', () => {
    const linked = eventContribution(event({ campaignId: 'c-cancelled' }), 'visitors', dates)!;
    expect(total(withoutDoubleCounting([linked])[0])).toBe(600);
  });
});
