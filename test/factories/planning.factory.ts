import type TestAgent from 'supertest/lib/agent.js';
import type { TestUser } from './user.factory.js';

let counter = 0;
const next = () => `${++counter}-${Date.now().toString(36)}`;

/** A venue body: a scenic area with the given daily capacity (null for none). */
export function venueBody(overrides: Record<string, unknown> = {}) {
  const n = next();
  return {
    nameZh: `测试景区 ${n}`,
    nameEn: `Test scenic area ${n}`,
    district: '武陵源区',
    kind: 'scenic_area',
    aRating: 5,
    maxDailyCapacity: 10000,
    ...overrides,
  };
}

/** Creates a venue through the API as the given planner or admin; returns its view. */
export async function createVenue(http: TestAgent, by: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await http.post('/api/v1/venues').set(by.auth).send(venueBody(overrides));
  if (res.status !== 201) throw new Error(`createVenue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; nameZh: string; maxDailyCapacity: number | null; timeZone: string };
}

export function campaignBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `高铁营销 ${next()}`,
    channel: 'high_speed_rail',
    budgetYuan: 3_000_000,
    startDate: '2022-04-01',
    endDate: '2022-06-30',
    targetMarkets: ['长沙', '武汉'],
    responsibleUnit: '市文旅局市场推广科',
    ...overrides,
  };
}

export async function createCampaign(http: TestAgent, by: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await http.post('/api/v1/campaigns').set(by.auth).send(campaignBody(overrides));
  if (res.status !== 201) throw new Error(`createCampaign: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; version: number };
}

/** An event body at the venue, by default far in the future (no "start in the past" warning). */
export function eventBody(venueId: string, overrides: Record<string, unknown> = {}) {
  return {
    titleZh: `测试活动 ${next()}`,
    titleEn: 'Test event',
    category: 'festival',
    venueId,
    startsAt: '2035-05-01T09:00',
    endsAt: '2035-05-01T18:00',
    expectedAttendance: 1000,
    expectedOutsideCitySharePct: 60,
    expectedSpendPerAttendeeYuan: 800,
    ticketingUrl: 'https://tickets.example/test',
    contact: { name: '张伟', phone: '+86 744 000 0000', email: 'zhang@example.com' },
    ...overrides,
  };
}

export interface EventBody {
  id: string;
  status: string;
  version: number;
  organizationId: string;
}

export async function createEvent(
  http: TestAgent,
  by: TestUser,
  venueId: string,
  overrides: Record<string, unknown> = {},
): Promise<EventBody> {
  const res = await http.post('/api/v1/events').set(by.auth).send(eventBody(venueId, overrides));
  if (res.status !== 201) throw new Error(`createEvent: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EventBody;
}

/** Creates, submits and approves an event (with an override if needed). */
export async function approvedEvent(
  http: TestAgent,
  organizer: TestUser,
  planner: TestUser,
  venueId: string,
  overrides: Record<string, unknown> = {},
): Promise<EventBody> {
  const event = await createEvent(http, organizer, venueId, overrides);
  await expectStatus(http.post(`/api/v1/events/${event.id}/submit`).set(organizer.auth), 200);
  const res = await http
    .post(`/api/v1/events/${event.id}/approve`)
    .set(planner.auth)
    .send({ override: { reason: 'test setup' } });
  if (res.status !== 200) throw new Error(`approve: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.event as EventBody;
}

async function expectStatus(req: PromiseLike<{ status: number; body: unknown }>, status: number) {
  const res = await req;
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}
