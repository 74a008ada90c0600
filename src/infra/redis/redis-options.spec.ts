import { describe, expect, it } from '@jest/globals';
import {
  producerRedisOptions,
  redisOptionsFromUrl,
  REQUEST_PATH_COMMAND_TIMEOUT_MS,
  requestPathRedisOptions,
} from './redis-options.js';

describe('redis options', () => {
  it('parses host, port, credentials, database and TLS from a URL', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1:6380/2')).toMatchObject({
      host: '127.0.0.1',
      port: 6380,
      db: 2,
      tls: undefined,
    });
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.example')).toMatchObject({
      host: 'cache.example',
      port: 6379,
      username: 'user',
      password: 'p@ss',
      db: 0,
      tls: {},
    });
  });

  it('makes producers fail fast instead of queueing commands offline', () => {
    expect(producerRedisOptions('redis://127.0.0.1:6379')).toMatchObject({ enableOfflineQueue: false });
  });

  it('bounds every command of the request-path client, but not the BullMQ connections (blocking commands)', () => {
    expect(requestPathRedisOptions('redis://127.0.0.1:6379')).toMatchObject({
      enableOfflineQueue: false,
      commandTimeout: REQUEST_PATH_COMMAND_TIMEOUT_MS,
    });
    expect(REQUEST_PATH_COMMAND_TIMEOUT_MS).toBeLessThan(1_000);
    expect(producerRedisOptions('redis://127.0.0.1:6379').commandTimeout).toBeUndefined();
  });
});
