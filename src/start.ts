import 'reflect-metadata';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createHttpApp } from './app/http-app.js';
import { closeOnSignals, runProcess } from './app/run-process.js';
import { TokenService } from './common/auth/token.service.js';
import { loadConfig } from './common/config/app-config.js';
import { findOrStartRedis } from './infra/redis/embedded-redis.js';
import { RebuildSweep } from './projections/rebuild-sweep.js';
import { DEMO_SEED_STEPS } from './seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from './seeding/demo-seed.js';

/**
 * `npm start`: the embedded default. API and worker in one process, SQLite under ./data, and a
 * private redis-server when none is configured or running. Loads the demo data on first start.
 */
runProcess(async () => {
  const loaded = loadConfig();
  const redis = await findOrStartRedis(loaded.redis.url, join('data', 'redis'));
  const config = { ...loaded, redis: { ...loaded.redis, url: redis.url } };
  const app = await createHttpApp(config, { withWorker: true });
  // Stop the private Redis (if this process started one) after the workers have drained.
  closeOnSignals(app, async () => redis.stop?.());
  await app.init();
  const seeded = config.seedDemo
    ? await seedDemo(app.get<DataSource>(getDataSourceToken()), app.get(TokenService), DEMO_SEED_STEPS)
    : null;
  // The seeded targets are dirty: queue their first projections now rather than at the next sweep.
  if (seeded) await app.get(RebuildSweep).sweep();
  await app.listen({ port: config.http.port, host: config.http.host });
  printWelcome(config.http.publicUrl, redis.url, config.database.url, seeded);
});

function printWelcome(url: string, redisUrl: string, databaseUrl: string, seeded: SeededUser[] | null): void {
  const lines = [
    '',
    'Tourism recovery planner is running.',
    `  API:      ${url}/api/v1`,
    `  Docs:     ${url}/docs`,
    `  Queues:   ${url}/admin/queues?token=<admin token>`,
    `  Database: ${databaseUrl}`,
    `  Redis:    ${redisUrl}`,
  ];
  if (seeded) {
    lines.push('', 'Demo data loaded. These tokens are shown once (only their hashes are stored):');
    for (const u of seeded) lines.push(`  ${u.role.padEnd(9)} ${u.email.padEnd(26)} ${u.token}`);
    lines.push('', `Try: curl -H "Authorization: Bearer <admin token>" ${url}/api/v1/me`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
