import { describe, expect, it } from '@jest/globals';
import { yearDays } from '../common/time/local-date.js';
import { campaignContribution, type CampaignFacts } from '../projections/math/contribution-spread.js';
import {
  applyScenario,
  type ScenarioChangeInput,
  type ScenarioFacts,
  type VenueEventFacts,
} from './scenario-apply.js';

const dates = yearDays(2022);
const counted = 100; // 1 January to 10 April are counted
const target = { metric: 'visitors' as const, venueId: null, dates, counted };

const campaign: CampaignFacts = {
  id: 'c1',
  name: 'regional',
  status: 'scheduled',
  startDate: '2022-06-01',
  endDate: '2022-06-10',
  expectedIncrementalVisitors: 10_000,
  expectedIncrementalRevenueYuan: null,
  actualIncrementalVisitors: null,
  actualIncrementalRevenueYuan: null,
};
const event: VenueEventFacts = {
  id: 'e1',
  titleZh: '马拉松',
  titleEn: null,
  status: 'approved',
  startsAt: new Date('2022-10-15T00:00:00Z'),
  endsAt: new Date('2022-10-15T10:00:00Z'),
  timeZone: 'Asia/Shanghai',
  venueId: 'v1',
  expectedAttendance: 20_000,
  expectedOutsideCitySharePct: 50,
  expectedSpendPerAttendeeYuan: 500,
  actualAttendance: null,
  actualRevenueYuan: null,
};
const facts: ScenarioFacts = {
  campaigns: new Map([['c1', campaign]]),
  events: new Map([['e1', event]]),
  venueZones: new Map([['v1', 'Asia/Shanghai']]),
};
const official = [campaignContribution(campaign, 'visitors', dates)!];
const change = (c: Partial<ScenarioChangeInput>): ScenarioChangeInput => ({
  id: 'x',
  action: 'add_campaign',
  subjectType: null,
  subjectId: null,
  details: {},
  ...c,
});

describe('applyScenario', () => {
  it('adds a tentative festival with the official contribution maths', () => {
    const { contributions, applied } = applyScenario(
      official,
      [
        change({
          id: 'n1',
          action: 'add_event',
          details: {
            name: '音乐节',
            venueId: 'v1',
            startDate: '2022-10-01',
            endDate: '2022-10-07',
            expectedAttendance: 50_000,
            expectedOutsideCitySharePct: 70,
          },
        }),
      ],
      facts,
      target,
    );
    expect(applied[0]).toMatchObject({ changeId: 'n1', remainingDelta: 35_000, note: null });
    const added = contributions.find((c) => c.input.id === 'n1')!;
    expect(added.from).toBe('2022-10-01');
    expect(added.to).toBe('2022-10-07');
    expect(added.input.daily.reduce((a, b) => a + b, 0)).toBe(35_000);
  });

  it('cancels, moves and changes official items without touching the inputs', () => {
    const { contributions, applied } = applyScenario(
      official,
      [
        change({
          id: 'm',
          action: 'move',
          subjectType: 'campaign',
          subjectId: 'c1',
          details: { startDate: '2022-02-01' },
        }),
        change({
          id: 'k',
          action: 'change',
          subjectType: 'campaign',
          subjectId: 'c1',
          details: { expectedIncrementalVisitors: 20_000 },
        }),
        change({
          id: 'e',
          action: 'change',
          subjectType: 'event',
          subjectId: 'e1',
          details: { expectedAttendance: 40_000 },
        }),
        change({ id: 'z', action: 'cancel', subjectType: 'event', subjectId: 'e1' }),
      ],
      facts,
      target,
    );
    // Moved into counted days: nothing of it is still to come.
    expect(applied[0].remainingDelta).toBe(-10_000);
    expect(contributions.find((c) => c.input.id === 'c1')!.from).toBe('2022-02-01');
    expect(contributions.find((c) => c.input.id === 'c1')!.to).toBe('2022-02-10');
    expect(applied[1].remainingDelta).toBe(0);
    // The event was not in the official list (city target fed it anyway): 40,000 × 50 %.
    expect(applied[2].remainingDelta).toBe(20_000);
    expect(applied[3].remainingDelta).toBe(-20_000);
    expect(official[0].from).toBe('2022-06-01');
    expect(campaign.startDate).toBe('2022-06-01');
  });

  it('says why a change does not count for the target', () => {
    const venueTarget = { ...target, venueId: 'v2' };
    const { applied } = applyScenario(
      [],
      [
        change({
          id: 'a',
          details: {
            name: 'x',
            startDate: '2022-07-01',
            endDate: '2022-07-02',
            expectedIncrementalVisitors: 5,
          },
        }),
        change({
          id: 'b',
          action: 'add_event',
          details: {
            name: 'y',
            venueId: 'v1',
            startDate: '2022-07-01',
            endDate: '2022-07-01',
            expectedAttendance: 5,
          },
        }),
        change({ id: 'c', action: 'cancel', subjectType: 'campaign', subjectId: 'gone' }),
      ],
      facts,
      venueTarget,
    );
    expect(applied.map((a) => a.note)).toEqual([
      'Campaigns count for city targets only',
      'At another venue than the target’s',
      'The campaign no longer exists: change ignored',
    ]);
    expect(applied.every((a) => a.remainingDelta === 0)).toBe(true);
  });
});
