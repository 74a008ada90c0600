import { describe, expect, it } from '@jest/globals';
import { competitionRanks, scoreboard, type ScoreItem } from './scoreboard-math.js';

const campaign = (o: Partial<ScoreItem>): ScoreItem => ({
  kind: 'campaign',
  id: Math.random().toString(36),
  name: 'c',
  unit: 'A',
  organizationKey: 'none',
  organizationLabel: '(none)',
  channel: 'media',
  status: 'completed',
  budgetYuan: 1_000_000,
  allocatedYuan: 1_000_000,
  actualSpendYuan: 1_000_000,
  expectedVisitors: 10_000,
  expectedRevenueYuan: 9_000_000,
  endDate: '2022-03-31',
  completedOn: '2022-04-05',
  visitors: { verdict: 'measured', estimate: 20_000, reason: null },
  revenue: { verdict: 'measured', estimate: 10_000_000, reason: null },
  ...o,
});
const TODAY = '2022-06-01';

describe('scoreboard maths', () => {
  it('gives competition ranks with ties and no rank without a figure', () => {
    expect(competitionRanks([50, 20, 20, null, 70], 'asc', 2)).toEqual([3, 1, 1, null, 4]);
    expect(competitionRanks([0.5, 0.9, 0.9, 0.1], 'desc', 4)).toEqual([3, 1, 1, 4]);
    expect(competitionRanks([10.004, 10.001], 'asc', 2)).toEqual([1, 1]);
    expect(competitionRanks([], 'asc', 2)).toEqual([]);
  });

  it('prices measured visitors and revenue per yuan, and ranks the units', () => {
    const rows = scoreboard(
      [
        campaign({ unit: 'A' }), // 50 yuan per visitor, 10 yuan per yuan
        campaign({ unit: 'B', visitors: { verdict: 'measured', estimate: 50_000, reason: null } }), // 20
        campaign({
          unit: 'C',
          visitors: { verdict: 'no_effect_detectable', estimate: 50_000, reason: null },
        }), // 20: a tie
      ],
      'unit',
      TODAY,
    );
    expect(rows.map((r) => [r.label, r.yuanPerMeasuredVisitor, r.ranks.yuanPerMeasuredVisitor])).toEqual([
      ['B', 20, 1],
      ['C', 20, 1],
      ['A', 50, 3],
    ]);
    expect(rows[0].measuredRevenuePerYuan).toBe(10);
    expect(rows[0].ranks.measuredRevenuePerYuan).toBe(1);
    expect(rows.find((r) => r.label === 'C')!.measured).toMatchObject({ items: 1, significant: 1 });
  });

  it('counts unmeasured items apart, never as zero, and says why a unit is not ranked', () => {
    const rows = scoreboard(
      [
        campaign({ unit: 'A' }),
        campaign({
          unit: 'A',
          name: 'no data',
          actualSpendYuan: 500_000,
          visitors: { verdict: 'not_measurable', estimate: null, reason: 'window without actuals' },
          revenue: null,
        }),
        campaign({ unit: 'D', name: 'waiting', visitors: null, revenue: null }),
        campaign({
          unit: 'E',
          status: 'active',
          actualSpendYuan: null,
          completedOn: null,
          visitors: null,
          revenue: null,
        }),
      ],
      'unit',
      TODAY,
    );
    const a = rows.find((r) => r.label === 'A')!;
    expect(a.yuanPerMeasuredVisitor).toBe(50); // the unmeasured campaign's 500,000 yuan is not in it
    expect(a.spentYuan).toBe(1_500_000);
    expect(a.unmeasured).toEqual({
      items: 1,
      spendYuan: 500_000,
      list: [
        expect.objectContaining({
          name: 'no data',
          verdict: 'not_measurable',
          reason: 'window without actuals',
          reasonCode: 'not_measurable',
        }),
      ],
    });
    const d = rows.find((r) => r.label === 'D')!;
    expect(d.measured.visitors).toBeNull();
    expect(d.yuanPerMeasuredVisitor).toBeNull();
    expect(d.ranks.yuanPerMeasuredVisitor).toBeNull();
    expect(d.notRankedBecause).toBe('no completed campaign has a measured effect on visitors');
    expect(d.notRankedCode).toBe('no_measured_campaign');
    expect(d.unmeasured.list[0]).toMatchObject({ verdict: 'pending', reasonCode: 'not_computed_yet' });
    const e = rows.find((r) => r.label === 'E')!;
    expect(e).toMatchObject({
      open: 1,
      notRankedBecause: 'no campaign completed yet',
      notRankedCode: 'no_campaign_completed',
    });
    expect(rows[0].label).toBe('A'); // ranked rows first
  });

  it('measures discipline: spend recorded within 14 days of the end, events completed once ended', () => {
    const rows = scoreboard(
      [
        campaign({ unit: 'A', endDate: '2022-03-31', completedOn: '2022-04-14' }), // on time (14 days)
        campaign({ unit: 'A', endDate: '2022-03-31', completedOn: '2022-04-15' }), // late
        campaign({
          unit: 'A',
          status: 'active',
          endDate: '2022-05-01',
          completedOn: null,
          actualSpendYuan: null,
        }), // overdue
        campaign({
          unit: 'A',
          status: 'active',
          endDate: '2022-05-25',
          completedOn: null,
          actualSpendYuan: null,
        }), // not due
        campaign({ unit: 'A', status: 'cancelled', endDate: '2022-01-01', completedOn: null }), // ignored
        { ...campaign({ unit: 'A' }), kind: 'event', status: 'completed', endDate: '2022-05-01' },
        {
          ...campaign({ unit: 'A' }),
          kind: 'event',
          status: 'approved',
          endDate: '2022-05-01',
          completedOn: null,
        },
        {
          ...campaign({ unit: 'A' }),
          kind: 'event',
          status: 'approved',
          endDate: '2022-07-01',
          completedOn: null,
        },
      ],
      'unit',
      TODAY,
    );
    expect(rows[0].discipline).toEqual({
      rate: 2 / 5,
      campaignsDue: 3,
      campaignsOnTime: 1,
      eventsDue: 2,
      eventsCompleted: 1,
    });
    expect(rows[0].campaigns).toBe(4);
    expect(rows[0].events).toBe(3);
  });

  it('groups by organization and channel', () => {
    const items = [
      campaign({ channel: 'media', organizationKey: 'o1', organizationLabel: 'Bureau' }),
      campaign({ channel: 'regional', organizationKey: 'o1', organizationLabel: 'Bureau' }),
    ];
    expect(scoreboard(items, 'organization', TODAY).map((r) => [r.key, r.label, r.campaigns])).toEqual([
      ['o1', 'Bureau', 2],
    ]);
    expect(
      scoreboard(items, 'channel', TODAY)
        .map((r) => r.key)
        .sort(),
    ).toEqual(['media', 'regional']);
  });
});
