import type TestAgent from 'supertest/lib/agent.js';
import type { TestUser } from './user.factory.js';

let counter = 0;

/** A subscription body with a fresh address. */
export function subscriptionBody(overrides: Record<string, unknown> = {}) {
  const n = `${++counter}-${Date.now().toString(36)}`;
  return { email: `reader-${n}@example.com`, displayName: `读者 ${n}`, language: 'zh-CN', ...overrides };
}

export interface SubscriptionView {
  id: string;
  email: string;
  displayName: string;
  language: 'zh-CN' | 'en';
  targetIds: string[] | null;
  active: boolean;
  unsubscribedAt: string | null;
}

/** Subscribes a reader through the API as the given planner or admin. */
export async function createSubscription(
  http: TestAgent,
  by: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<SubscriptionView> {
  const res = await http.post('/api/v1/report-subscriptions').set(by.auth).send(subscriptionBody(overrides));
  if (res.status !== 201) throw new Error(`createSubscription: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SubscriptionView;
}

export interface DeliveryPageBody {
  week: string;
  summary: Record<'pending' | 'sending' | 'sent' | 'failed' | 'skipped', number>;
  items: Array<{
    id: string;
    subscriptionId: string;
    recipient: string | null;
    state: string;
    permanent: boolean;
    attempts: number;
    lastError: string | null;
    messageId: string;
    confirmed: boolean | null;
  }>;
  total: number;
}

/** Polls the delivery log of a week until `done` says so (or fails after `timeoutMs`). */
export async function waitForDeliveries(
  http: TestAgent,
  by: TestUser,
  week: string,
  done: (page: DeliveryPageBody) => boolean,
  timeoutMs = 30_000,
): Promise<DeliveryPageBody> {
  const started = Date.now();
  for (;;) {
    const res = await http.get(`/api/v1/reports/deliveries?week=${week}&limit=200`).set(by.auth);
    if (res.status !== 200) throw new Error(`deliveries: ${res.status} ${JSON.stringify(res.body)}`);
    const page = res.body as DeliveryPageBody;
    if (done(page)) return page;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Deliveries of ${week} never settled: ${JSON.stringify(page.summary)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Every delivery of the week is finished (sent, failed for good, or skipped) and there are `count`.
 * The items are checked as well as the summary: the two are separate reads, and a retry that
 * started between them (failed → sending) would otherwise pass for settled.
 */
export const settled = (count: number) => (page: DeliveryPageBody) =>
  page.total === count &&
  page.summary.pending === 0 &&
  page.summary.sending === 0 &&
  page.items.every(
    (d) => d.state !== 'pending' && d.state !== 'sending' && (d.state !== 'failed' || d.permanent),
  );
