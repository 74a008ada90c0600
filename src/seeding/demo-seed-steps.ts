import { seedAccountability } from '../effects/accountability.seed-step.js';
import { seedPlanning } from '../events/planning.seed-step.js';
import { seedFunds } from '../funds/funds.seed-step.js';
import { seedReportSubscriptions } from '../reports/subscriptions/report-subscriptions.seed-step.js';
import { seedTargetsAndActuals } from '../targets/targets.seed-step.js';
import { seedVenues } from '../venues/venues.seed-step.js';
import type { SeedStep } from './demo-seed.js';

/** The demo data each feature adds after organizations and users, in order. */
export const DEMO_SEED_STEPS: SeedStep[] = [
  seedVenues,
  seedPlanning,
  seedFunds,
  seedTargetsAndActuals,
  seedReportSubscriptions,
  seedAccountability,
];
