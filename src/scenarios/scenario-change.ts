import type { CampaignChannel } from '../campaigns/campaign-status.js';

/** What a scenario can do to the plan. Pure types. */
export const SCENARIO_ACTIONS = ['add_campaign', 'add_event', 'cancel', 'move', 'change'] as const;
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];
export type ScenarioSubject = 'campaign' | 'event';

/** The fields of a change, as stored (only those its action uses are set). */
export interface ScenarioChangeDetails {
  name?: string;
  channel?: CampaignChannel;
  budgetYuan?: number;
  venueId?: string;
  startDate?: string;
  endDate?: string;
  expectedIncrementalVisitors?: number;
  expectedIncrementalRevenueYuan?: number;
  expectedAttendance?: number;
  expectedOutsideCitySharePct?: number;
  expectedSpendPerAttendeeYuan?: number;
}

/** Which fields each action takes; the others are refused (400 naming them). */
export const ACTION_FIELDS: Record<ScenarioAction, { required: string[]; optional: string[] }> = {
  add_campaign: {
    required: ['name', 'startDate', 'endDate'],
    optional: ['channel', 'budgetYuan', 'expectedIncrementalVisitors', 'expectedIncrementalRevenueYuan'],
  },
  add_event: {
    required: ['name', 'venueId', 'startDate', 'endDate', 'expectedAttendance'],
    optional: ['expectedOutsideCitySharePct', 'expectedSpendPerAttendeeYuan'],
  },
  cancel: { required: [], optional: [] },
  move: { required: ['startDate'], optional: ['endDate'] },
  change: {
    required: [],
    optional: [
      'expectedIncrementalVisitors',
      'expectedIncrementalRevenueYuan',
      'expectedAttendance',
      'expectedOutsideCitySharePct',
      'expectedSpendPerAttendeeYuan',
    ],
  },
};

/** Fields of `change` that apply to campaigns, and to events. */
export const CAMPAIGN_CHANGE_FIELDS = ['expectedIncrementalVisitors', 'expectedIncrementalRevenueYuan'];
export const EVENT_CHANGE_FIELDS = [
  'expectedAttendance',
  'expectedOutsideCitySharePct',
  'expectedSpendPerAttendeeYuan',
];
