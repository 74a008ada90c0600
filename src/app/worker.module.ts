import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { CoreModule } from './core.module.js';
import { FEATURE_MODULES, WORKER_MODULES } from './feature-modules.js';

/** A worker process: the same modules, plus processors and schedulers, and no HTTP port. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: { runMigrations: boolean }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, { runMigrations: options.runMigrations, queueRole: 'worker' }),
        ...FEATURE_MODULES,
        ...WORKER_MODULES,
      ],
    };
  }
}
