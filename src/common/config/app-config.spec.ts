import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, parseDatabaseUrl } from './app-config.js';

describe('loadConfig', () => {
  it('runs with no configuration at all: SQLite under ./data, port 3000, demo seed on', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.database).toEqual({
      type: 'sqlite',
      path: resolve('data/planner.db'),
      url: 'sqlite:./data/planner.db',
    });
    expect(config.redis.url).toBeNull();
    expect(config.seedDemo).toBe(true);
    expect(config.mail.smtpUrl).toBeNull();
    expect(config.reports).toEqual({ cron: '0 9 * * 1', timeZone: 'Asia/Shanghai' });
    expect(config.http.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('layers the environment over the defaults of NODE_ENV', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '4000',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.seedDemo).toBe(false);
    expect(config.http.port).toBe(4000);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REPORT_TZ: 'Mars/Olympus' }, 'REPORT_TZ'],
    [{ NODE_ENV: 'production', SIGNING_SECRET: 'short' }, 'SIGNING_SECRET'],
    [{ NODE_ENV: 'production', SIGNING_SECRET: 'x'.repeat(32) }, 'PUBLIC_URL'],
    [{ NODE_ENV: 'production', SIGNING_SECRET: 'x'.repeat(32), PUBLIC_URL: 'planner.example' }, 'PUBLIC_URL'],
    [{ JSON_MAX_DEPTH: '1' }, 'JSON_MAX_DEPTH'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});

describe('parseDatabaseUrl', () => {
  it('reads SQLite paths and PostgreSQL URLs with a schema', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/x.db')).toMatchObject({ type: 'sqlite', path: '/tmp/x.db' });
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test?schema=run_1')).toEqual({
      type: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
      schema: 'run_1',
    });
    expect(parseDatabaseUrl('postgresql://u:p@db/planner')).toMatchObject({
      type: 'postgres',
      schema: 'public',
    });
    expect(() => parseDatabaseUrl('postgres://h/db?schema=x;drop')).toThrow(/invalid schema/);
  });
});

describe('PUBLIC_URL', () => {
  it('is required in production and used as given', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SIGNING_SECRET: 'x'.repeat(32) })).toThrow(
      /PUBLIC_URL must be set in production/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      SIGNING_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://planner.example.gov.cn/',
    });
    expect(config.http.publicUrl).toBe('https://planner.example.gov.cn');
  });

  it('falls back to the local address outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development', PORT: '3100' }).http.publicUrl).toBe(
      'http://127.0.0.1:3100',
    );
  });
});
