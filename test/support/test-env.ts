import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '../../src/common/config/app-config.js';

/** The Redis of this test run (see global-setup). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url)
    throw new Error('TEST_REDIS_URL is not set: run the tests through jest (global-setup starts Redis)');
  return url;
}

/** A test configuration: its own database URL and Redis key prefix, plus any overrides. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
    PORT: '0',
    ...overrides,
  });
}
