import { Global, Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../common/config/app-config.js';
import { APP_CONFIG } from '../../common/config/config.module.js';
import { dataSourceOptions } from './data-source-options.js';
import { migrateOnStart } from './migration-runner.js';
import { sqliteTransactionQueue } from './sqlite-transaction-queue.js';

const MAY_MIGRATE = Symbol('MAY_MIGRATE');

@Injectable()
class MigrateOnInit implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAY_MIGRATE) private readonly mayMigrate: boolean,
  ) {}

  onModuleInit(): Promise<void> {
    sqliteTransactionQueue(this.dataSource); // one transaction at a time on SQLite's single connection
    return migrateOnStart(this.dataSource, this.mayMigrate);
  }
}

/**
 * The database connection of one process. Pending migrations run before the app serves (see
 * `migrateOnStart`); `runMigrations: false` makes a SQLite process wait for another to migrate.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: { runMigrations: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.database),
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [{ provide: MAY_MIGRATE, useValue: options.runMigrations }, MigrateOnInit],
      exports: [TypeOrmModule],
    };
  }
}
