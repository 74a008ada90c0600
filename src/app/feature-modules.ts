import { JobsWorkerModule } from '../jobs/jobs-worker.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ProjectionInputsModule } from '../projections/projection-inputs.module.js';
import { UsersModule } from '../users/users.module.js';

/** Feature modules with services and controllers: loaded by every process. */
export const FEATURE_MODULES = [ProjectionInputsModule, UsersModule, OrganizationsModule, JobsModule];

/** Queue processors and schedulers: loaded by worker processes only. */
export const WORKER_MODULES = [JobsWorkerModule];
