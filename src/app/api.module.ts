import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../common/auth/auth.guard.js';
import { OwnershipGuard } from '../common/auth/ownership.guard.js';
import type { AppConfig } from '../common/config/app-config.js';
import { RateLimitGuard } from '../common/http/rate-limit.guard.js';
import { HealthModule } from '../health/health.module.js';
import { CoreModule } from './core.module.js';
import { FEATURE_MODULES, WORKER_MODULES } from './feature-modules.js';

/**
 * The HTTP process. `withWorker` also loads the queue processors, for the embedded
 * single-process `npm start`.
 */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: { withWorker: boolean }): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, { runMigrations: true, queueRole: 'producer' }),
        HealthModule,
        ...FEATURE_MODULES,
        ...(options.withWorker ? WORKER_MODULES : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: OwnershipGuard },
      ],
    };
  }
}
