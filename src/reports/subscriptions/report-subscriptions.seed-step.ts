import type { EntityManager } from 'typeorm';
import { DEMO_REPORT_SUBSCRIPTIONS } from '../../../seeds/report-subscriptions.seed.js';
import { newId } from '../../infra/database/new-id.js';
import { ReportSubscription } from './report-subscription.entity.js';

/** Demo seed step: two readers of the weekly report, one per language (seeds/report-subscriptions.seed.ts). */
export async function seedReportSubscriptions(manager: EntityManager): Promise<void> {
  for (const { note: _note, ...reader } of DEMO_REPORT_SUBSCRIPTIONS) {
    await manager.insert(ReportSubscription, {
      id: newId(),
      ...reader,
      targetIds: null,
      active: true,
      unsubscribedAt: null,
      createdById: null,
      updatedAt: new Date(),
    });
  }
}
