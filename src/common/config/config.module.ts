import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injects the validated {@link AppConfig} of this process. */
export const InjectConfig = () => Inject(APP_CONFIG);

/**
 * Provides the one validated configuration object to every module. The object is built by
 * `loadConfig()` before the Nest app is created, so a bad variable stops the process before any
 * connection is opened, and tests can hand in their own.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
