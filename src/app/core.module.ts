import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '../common/auth/auth.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { AppConfigModule } from '../common/config/config.module.js';
import { DatabaseModule } from '../infra/database/database.module.js';
import { LoggerModule } from '../infra/logging/logger.module.js';
import { QueueModule } from '../infra/queue/queue.module.js';
import { RedisModule } from '../infra/redis/redis.module.js';

export interface CoreOptions {
  /** Run pending migrations before serving. */
  runMigrations: boolean;
  /** How this process talks to Redis: producers fail fast, workers wait and reconnect. */
  queueRole: 'producer' | 'worker';
}

/** What every process shares: config, logs, database, queues and tokens. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule,
        DatabaseModule.forRoot({ runMigrations: options.runMigrations }),
        RedisModule,
        QueueModule.forRoot({ role: options.queueRole }),
        AuthModule,
      ],
    };
  }
}
