import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiModule } from '../../src/app/api.module.js';
import type { AuthUser } from '../../src/common/auth/auth-user.js';
import type { AppConfig } from '../../src/common/config/app-config.js';
import type { TestUser } from '../factories/user.factory.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { testConfig } from './test-env.js';

export interface TestContext {
  app: INestApplicationContext;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The API's modules without HTTP and without the queue processors (nothing consumes jobs), over
 * a fresh migrated database and the run's Redis: for integration specs that call services.
 */
export async function createTestContext(
  options: { env?: Record<string, string> } = {},
): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(config, { withWorker: false }), {
    logger: false,
  });
  await app.init();
  return {
    app,
    config,
    db,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** A test user as the services see the caller. */
export const asAuthUser = (user: TestUser): AuthUser => ({
  id: user.id,
  name: `${user.role} ${user.id}`,
  role: user.role,
  organizationId: user.organizationId,
});
