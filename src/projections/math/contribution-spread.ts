import type { Metric } from '../../actuals/metric.js';
import { eachDay, localDatesOf, type LocalDate } from '../../common/time/local-date.js';
import type { ContributionInput } from './projection-math.js';

/**
 * What events and campaigns add to a target, day by day. Pure.
 *
 * - An event brings `expectedAttendance × outside-city share` extra visitors (people from the
 *   city would be in the city anyway), and those visitors × expected spend per attendee extra
 *   revenue, spread evenly over the local days it touches (in its venue's zone).
 * - A campaign brings its expected incremental visitors or revenue spread evenly over its dates.
 * - Once recorded (a completed event's actual attendance and revenue, a completed campaign's
 *   measured increments), the actual replaces the expectation: for an event, actual attendance ×
 *   the same outside share, and actual revenue × that share (or, without a revenue figure, the
 *   actual outside visitors × expected spend).
 * Amounts are whole units, spread so that the days add up to the amount exactly. Only the days
 * of the target year count (an event over New Year's Eve gives each year its days' part).
 */
export interface ContributionDetail {
  input: ContributionInput;
  nameEn: string | null;
  from: LocalDate;
  to: LocalDate;
  basis: string;
  /** An event back in `submitted` after a change, counted with its last approved plan. */
  pendingReapproval?: boolean;
  /** An event linked to a campaign (`events.campaignId`). */
  campaignId?: string | null;
  /** The event is inside this counted campaign's increment: listed, nothing added. */
  insideCampaign?: string;
}

export interface EventFacts {
  id: string;
  titleZh: string;
  titleEn: string | null;
  status: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  expectedAttendance: number;
  expectedOutsideCitySharePct: number | null;
  expectedSpendPerAttendeeYuan: number | null;
  actualAttendance: number | null;
  actualRevenueYuan: number | null;
  /** The campaign the event is linked to, if any. */
  campaignId?: string | null;
}

export interface CampaignFacts {
  id: string;
  name: string;
  status: string;
  startDate: LocalDate;
  endDate: LocalDate;
  expectedIncrementalVisitors: number | null;
  expectedIncrementalRevenueYuan: number | null;
  actualIncrementalVisitors: number | null;
  actualIncrementalRevenueYuan: number | null;
}

/** Whole amounts per day that add up to `total` exactly: the first `remainder` days get one more. */
export function spreadEvenly(total: number, days: number): number[] {
  if (days <= 0) return [];
  const base = Math.floor(total / days);
  const extra = total - base * days;
  return Array.from({ length: days }, (_, i) => base + (i < extra ? 1 : 0));
}

export function eventContribution(
  event: EventFacts,
  metric: Metric,
  dates: readonly LocalDate[],
): ContributionDetail | null {
  const days = localDatesOf(event.startsAt, event.endsAt, event.timeZone);
  const share = (event.expectedOutsideCitySharePct ?? 0) / 100;
  const spend = event.expectedSpendPerAttendeeYuan ?? 0;
  const outside = event.expectedAttendance * share;
  const expected = Math.round(metric === 'visitors' ? outside : outside * spend);
  let actual: number | null = null;
  if (event.status === 'completed' && event.actualAttendance !== null) {
    const actualOutside = event.actualAttendance * share;
    actual = Math.round(
      metric === 'visitors'
        ? actualOutside
        : event.actualRevenueYuan !== null
          ? event.actualRevenueYuan * share
          : actualOutside * spend,
    );
  }
  const basis = [
    `${event.expectedAttendance} expected attendees × ${event.expectedOutsideCitySharePct ?? 0} % from outside the city`,
    ...(metric === 'revenue' ? [`× ${spend} yuan expected spend per attendee`] : []),
    ...(event.expectedOutsideCitySharePct === null ? ['(no outside-city share given: counted as 0)'] : []),
    ...(actual !== null ? [`; completed: replaced by the recorded actuals`] : []),
  ].join(' ');
  const detail = place(
    { id: event.id, kind: 'event', name: event.titleZh },
    event.titleEn,
    days,
    expected,
    actual,
    basis,
    dates,
  );
  if (detail && event.campaignId) detail.campaignId = event.campaignId;
  return detail;
}

/**
 * A campaign's expected (or measured) increment already includes what the events it runs bring:
 * an event linked to a campaign that is counted beside it adds nothing of its own (it stays
 * listed, with its figures zeroed and the reason in its basis), so nothing is counted twice. An
 * event whose campaign is not counted (cancelled, a draft, or a venue target, which counts no
 * campaign) keeps its own figures.
 */
export function withoutDoubleCounting(details: readonly ContributionDetail[]): ContributionDetail[] {
  const campaigns = new Map(
    details.filter((d) => d.input.kind === 'campaign').map((d) => [d.input.id, d.input.name]),
  );
  return details.map((d) => {
    const campaignId = d.input.kind === 'event' ? d.campaignId : null;
    if (!campaignId || !campaigns.has(campaignId)) return d;
    return {
      ...d,
      input: { ...d.input, daily: d.input.daily.map(() => 0), actual: null },
      basis: `${d.basis}; inside campaign ${campaigns.get(campaignId)}, whose increment already counts it: not added again`,
      insideCampaign: campaignId,
    };
  });
}

export function campaignContribution(
  campaign: CampaignFacts,
  metric: Metric,
  dates: readonly LocalDate[],
): ContributionDetail | null {
  const expectedRaw =
    metric === 'visitors' ? campaign.expectedIncrementalVisitors : campaign.expectedIncrementalRevenueYuan;
  const actualRaw =
    metric === 'visitors' ? campaign.actualIncrementalVisitors : campaign.actualIncrementalRevenueYuan;
  const actual = campaign.status === 'completed' && actualRaw !== null ? actualRaw : null;
  const what = metric === 'visitors' ? 'incremental visitors' : 'incremental revenue (yuan)';
  const basis =
    expectedRaw === null
      ? `no expected ${what} given: counted as 0`
      : `${expectedRaw} expected ${what} over the campaign's dates` +
        (actual !== null ? '; completed: replaced by the measured increment' : '');
  return place(
    { id: campaign.id, kind: 'campaign', name: campaign.name },
    null,
    eachDay(campaign.startDate, campaign.endDate),
    expectedRaw ?? 0,
    actual,
    basis,
    dates,
  );
}

/** Spreads an amount over its days and keeps the target year's part (null when none is in it). */
// The position of each date in a year's dates, made once per dates array: a city target places
// hundreds of events on the same year.
const indexes = new WeakMap<readonly LocalDate[], Map<LocalDate, number>>();

function indexOf(dates: readonly LocalDate[]): Map<LocalDate, number> {
  let index = indexes.get(dates);
  if (!index) {
    index = new Map(dates.map((d, i) => [d, i]));
    indexes.set(dates, index);
  }
  return index;
}

function place(
  who: Pick<ContributionInput, 'id' | 'kind' | 'name'>,
  nameEn: string | null,
  days: LocalDate[],
  expected: number,
  actual: number | null,
  basis: string,
  dates: readonly LocalDate[],
): ContributionDetail | null {
  const index = indexOf(dates);
  const inYear = days.filter((d) => index.has(d));
  if (!inYear.length) return null;
  const perDay = spreadEvenly(expected, days.length);
  const daily = new Array<number>(dates.length).fill(0);
  days.forEach((d, k) => {
    const i = index.get(d);
    if (i !== undefined) daily[i] = perDay[k];
  });
  // The year's part of a recorded actual, in proportion to its days in the year.
  const yearActual = actual === null ? null : Math.round((actual * inYear.length) / days.length);
  return {
    input: { ...who, daily, actual: yearActual },
    nameEn,
    from: inYear[0],
    to: inYear[inYear.length - 1],
    basis,
  };
}
