import { Platform1764300000000 } from './1764300000000-platform.js';
import { Planning1764400000000 } from './1764400000000-planning.js';
import { Targets1764500000000 } from './1764500000000-targets.js';
import { Reports1764600000000 } from './1764600000000-reports.js';
import { Projections1764700000000 } from './1764700000000-projections.js';
import { Accounts1764800000000 } from './1764800000000-accounts.js';

/** Every migration, oldest first. A feature adds its migration here. */
export const MIGRATIONS = [
  Platform1764300000000,
  Planning1764400000000,
  Targets1764500000000,
  Reports1764600000000,
  Projections1764700000000,
  Accounts1764800000000,
];
