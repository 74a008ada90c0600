import { describe, expect, it } from '@jest/globals';
import { dailyAttendance, eventWarnings, type CheckInput } from './event-checks.js';

const at = (iso: string) => new Date(iso);

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    event: {
      id: 'e',
      startsAt: at('2035-10-01T01:00:00Z'),
      endsAt: at('2035-10-01T10:00:00Z'),
      expectedAttendance: 1000,
    },
    venue: { id: 'v', nameZh: '天门山', maxDailyCapacity: 10000, timeZone: 'Asia/Shanghai' },
    now: at('2035-01-01T00:00:00Z'),
    overlapping: [],
    demand: new Map(),
    ...overrides,
  };
}

describe('event checks', () => {
  it('spreads attendance over the local days the event touches, rounding up', () => {
    // 23:00 on 1 October to 01:00 on 3 October, Shanghai time: three local days.
    const event = {
      startsAt: at('2035-10-01T15:00:00Z'),
      endsAt: at('2035-10-02T17:00:00Z'),
      expectedAttendance: 10,
    };
    expect(dailyAttendance(event, 'Asia/Shanghai')).toEqual({
      days: ['2035-10-01', '2035-10-02', '2035-10-03'],
      perDay: 4,
    });
    // Ending exactly at local midnight does not touch the next day.
    const toMidnight = {
      startsAt: at('2035-10-01T01:00:00Z'),
      endsAt: at('2035-10-01T16:00:00Z'),
      expectedAttendance: 10,
    };
    expect(dailyAttendance(toMidnight, 'Asia/Shanghai').days).toEqual(['2035-10-01']);
  });

  it('has no warning for a small event in the future', () => {
    expect(eventWarnings(input())).toEqual([]);
  });

  it('flags the capacity above 100 % (override needed) and above 80 % (notice), per day', () => {
    const demand = new Map([['2035-10-01', { visitors: 8500, eventIds: ['other'] }]]);
    const [over] = eventWarnings(input({ demand, event: { ...input().event, expectedAttendance: 2000 } }));
    expect(over).toMatchObject({
      code: 'capacity_exceeded',
      requiresOverride: true,
      relatedIds: ['other'],
      days: [{ date: '2035-10-01', loadPct: 105 }],
    });
    const [near] = eventWarnings(input({ demand }));
    expect(near).toMatchObject({
      code: 'capacity_near_limit',
      severity: 'notice',
      requiresOverride: false,
      days: [{ loadPct: 95 }],
    });
    expect(
      eventWarnings(input({ demand: new Map([['2035-10-01', { visitors: 7000, eventIds: [] }]]) })),
    ).toEqual([]);
  });

  it('skips capacity where the venue has none', () => {
    const venue = { ...input().venue, maxDailyCapacity: null };
    expect(eventWarnings(input({ venue, event: { ...input().event, expectedAttendance: 1e9 } }))).toEqual([]);
  });

  it('names overlapping events and a start in the past', () => {
    const overlapping = [
      {
        id: 'o',
        titleZh: '马拉松',
        status: 'approved',
        startsAt: at('2035-10-01T00:00:00Z'),
        endsAt: at('2035-10-01T05:00:00Z'),
      },
    ];
    const warnings = eventWarnings(input({ overlapping, now: at('2035-10-01T02:00:00Z') }));
    expect(warnings.map((w) => [w.code, w.relatedIds])).toEqual([
      ['venue_overlap', ['o']],
      ['start_in_past', []],
    ]);
    expect(warnings[0].message).toContain('马拉松 (approved)');
  });
});
