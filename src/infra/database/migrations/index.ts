import { Platform1764300000000 } from './1764300000000-platform.js';
import { Planning1764400000000 } from './1764400000000-planning.js';
import { Targets1764500000000 } from './1764500000000-targets.js';
import { Reports1764600000000 } from './1764600000000-reports.js';
import { Projections1764700000000 } from './1764700000000-projections.js';
import { Accounts1764800000000 } from './1764800000000-accounts.js';
import { InstantChecks1764810000000 } from './1764810000000-instant-checks.js';
import { FaultHardening1764820000000 } from './1764820000000-fault-hardening.js';
import { Funds1764900000000 } from './1764900000000-funds.js';
import { Scenarios1764910000000 } from './1764910000000-scenarios.js';
import { Effects1764950000000 } from './1764950000000-effects.js';
import { SoftDeleteSubscriptions1796033561334 } from './1796033561334-soft-delete-subscriptions.js';
import { InstantChecksEverywhere1796036456104 } from './1796036456104-instant-checks-everywhere.js';
import { ReferenceDataVersions1796146464123 } from './1796146464123-reference-data-versions.js';
import { TargetVersions1796150400000 } from './1796150400000-target-versions.js';
import { UserVersions1796240000000 } from './1796240000000-user-versions.js';

/** Every migration, oldest first. A feature adds its migration here. */
export const MIGRATIONS = [
  Platform1764300000000,
  Planning1764400000000,
  Targets1764500000000,
  Reports1764600000000,
  Projections1764700000000,
  Accounts1764800000000,
  InstantChecks1764810000000,
  FaultHardening1764820000000,
  Funds1764900000000,
  Scenarios1764910000000,
  Effects1764950000000,
  SoftDeleteSubscriptions1796033561334,
  InstantChecksEverywhere1796036456104,
  ReferenceDataVersions1796146464123,
  TargetVersions1796150400000,
  UserVersions1796240000000,
];
