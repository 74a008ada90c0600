import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/app/http-app.js';
import type { AppConfig } from '../../src/common/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { testConfig } from './test-env.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  http: TestAgent;
  close(): Promise<void>;
}

/**
 * The real HTTP app (API with the worker processors unless told otherwise) over a fresh database
 * and the run's Redis, ready for supertest.
 */
export async function createTestApp(
  options: { withWorker?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const app = await createHttpApp(config, { withWorker: options.withWorker ?? true });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    db,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    http: request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
