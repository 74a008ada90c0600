import 'reflect-metadata';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../seeds/organizations.seed.js';
import { createHttpApp } from './app/http-app.js';
import { closeOnSignals, runProcess } from './app/run-process.js';
import { TokenService } from './common/auth/token.service.js';
import { EffectsQueue } from './effects/effects-queue.js';
import { loadConfig, type AppConfig } from './common/config/app-config.js';
import { flushLogs } from './infra/logging/logger.module.js';
import { findOrStartRedis } from './infra/redis/embedded-redis.js';
import { RebuildSweep } from './projections/rebuild/rebuild-sweep.js';
import { User } from './users/user.entity.js';
import { DEMO_SEED_STEPS } from './seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from './seeding/demo-seed.js';
import { demoSignIn, type DemoAccount } from './seeding/demo-sign-in.js';

/**
 * `npm start`: the embedded default. API and worker in one process, SQLite under ./data, and a
 * private redis-server when none is configured or running. Loads the demo data on first start.
 */
runProcess(async () => {
  const loaded = loadConfig();
  // Find out before migrating or seeding anything, so a second start prints its hint too.
  if (await portTaken(loaded.http.port, loaded.http.host)) portInUse(loaded);
  const redis = await findOrStartRedis(loaded.redis.url, join('data', 'redis'));
  const config = { ...loaded, redis: { ...loaded.redis, url: redis.url } };
  const app = await createHttpApp(config, { withWorker: true });
  // Stop the private Redis (if this process started one) after the workers have drained.
  closeOnSignals(app, async () => redis.stop?.());
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const development = config.env === 'development';
  const seeded = config.seedDemo
    ? await seedDemo(dataSource, app.get(TokenService), DEMO_SEED_STEPS, {
        demoPassword: development ? DEMO_PASSWORD : null,
      })
    : null;
  // The seeded targets are dirty and the seeded completed items unmeasured: queue their first
  // projections and effects now rather than at the next sweep and periodic refresh.
  if (seeded) {
    await app.get(RebuildSweep).sweep();
    await app.get(EffectsQueue).enqueue('change', false);
  }
  try {
    await app.listen({ port: config.http.port, host: config.http.host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await app.close().catch(() => undefined);
    await redis.stop?.();
    portInUse(config);
  }
  const demo = development ? await demoSignIn(dataSource) : null;
  const signInHint = demo ? null : await firstSignInHint(dataSource);
  // The banner comes last: after every start-up line pino still holds in its buffers.
  await flushLogs();
  printWelcome(config, redis.url, seeded, demo, signInHint);
});

function portTaken(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

function portInUse(config: AppConfig): never {
  const { port, host } = config.http;
  process.stderr.write(
    `Port ${port} on ${host} is already in use (is the planner already running?). Stop that program, or start on another port: PORT=${port === 65535 ? 3001 : port + 1} npm start\n`,
  );
  process.exit(1);
}

/** How to get a first console sign-in, when no user has ever signed in and none has a password. */
async function firstSignInHint(dataSource: DataSource): Promise<string | null> {
  const users = dataSource.getRepository(User);
  const withPassword = await users.createQueryBuilder('u').where('u.passwordSetAt IS NOT NULL').getCount();
  const signedIn = await users.createQueryBuilder('u').where('u.lastSignInAt IS NOT NULL').getCount();
  if (withPassword || signedIn) return null;
  return 'No one can sign in yet. Create an admin: npm run cli -- invite --email you@example.org --role admin --name "Your name"';
}

function printWelcome(
  config: AppConfig,
  redisUrl: string,
  seeded: SeededUser[] | null,
  demo: { password: string; accounts: DemoAccount[] } | null,
  signInHint: string | null,
): void {
  const url = config.http.publicUrl;
  const lines = [
    '',
    'Tourism recovery planner is running.',
    `  API:      ${url}/api/v1`,
    `  Docs:     ${url}/docs`,
    `  Queues:   ${url}/admin/queues (sign in to the console as an admin first)`,
    `  Database: ${config.database.url}`,
    `  Redis:    ${redisUrl}`,
  ];
  if (seeded) {
    lines.push('', 'Demo data loaded. API tokens for scripts, shown once (only their hashes are stored):');
    for (const u of seeded) lines.push(`  ${u.role.padEnd(9)} ${u.email.padEnd(26)} ${u.token}`);
    lines.push(`  Try: curl -H "Authorization: Bearer <admin token>" ${url}/api/v1/me`);
  }
  lines.push('', `Console: ${url}/`);
  if (demo) {
    lines.push(`Demo sign-in (development only), password: ${demo.password}`);
    for (const a of demo.accounts) lines.push(`  ${a.role.padEnd(9)} ${a.email}`);
  } else if (signInHint) {
    lines.push(signInHint);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
