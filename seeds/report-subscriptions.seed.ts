import type { ReportLanguage } from '../src/reports/subscriptions/report-subscription.entity.js';

/**
 * Demo readers of the weekly target report. Illustrative people and addresses (the `.example`
 * domain never delivers); with no SMTP_URL their reports are written to ./data/outbox as .eml.
 */
export const DEMO_REPORT_SUBSCRIPTIONS: {
  email: string;
  displayName: string;
  language: ReportLanguage;
  note: string;
}[] = [
  {
    email: 'leader@zjj-bureau.example',
    displayName: '李局长（示例读者）',
    language: 'zh-CN',
    note: 'illustrative reader: a bureau leader, every target',
  },
  {
    email: 'partner@travel-partner.example',
    displayName: 'Partner desk (illustrative)',
    language: 'en',
    note: 'illustrative reader: a travel-agency partner, every target',
  },
];
