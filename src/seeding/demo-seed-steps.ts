import type { SeedStep } from './demo-seed.js';

/** The demo data each feature adds after organizations and users, in order. */
export const DEMO_SEED_STEPS: SeedStep[] = [];
