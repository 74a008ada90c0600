import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_URL, redisOptionsFromUrl } from './redis-options.js';

export class RedisMissingError extends Error {
  constructor() {
    super(
      [
        'No Redis is reachable at 127.0.0.1:6379 and there is no `redis-server` on the PATH to start a private one.',
        'Get one of:',
        '  Debian/Ubuntu: sudo apt-get install redis-server',
        '  macOS:         brew install redis',
        '  Docker:        docker compose up -d redis   (then REDIS_URL=redis://127.0.0.1:6379)',
        'or point REDIS_URL at a Redis you already run.',
      ].join('\n'),
    );
    this.name = 'RedisMissingError';
  }
}

/** True when a Redis answers PING at the URL within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 800): Promise<boolean> {
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    // A client whose connection failed has ended already; disconnecting it again would start
    // ioredis's 2 s "stream still open" timer on a socket that never closes again, which keeps
    // the process (a test worker, `npm start`'s shutdown) alive for those 2 s.
    if (client.status !== 'end') client.disconnect();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningRedis {
  url: string;
  /** The server's process id when this process started it (tests pause it with SIGSTOP). */
  pid?: number;
  /** Set when this process started the server; stop it on exit. */
  stop?: () => Promise<void>;
}

/**
 * The Redis of the embedded `npm start`: the configured one, else one answering on the default
 * port, else a private `redis-server` on a free port with its files under `dir`.
 */
export async function findOrStartRedis(configuredUrl: string | null, dir: string): Promise<RunningRedis> {
  if (configuredUrl) return { url: configuredUrl };
  if (await redisAnswers(DEFAULT_REDIS_URL)) return { url: DEFAULT_REDIS_URL };
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error) throw new RedisMissingError();
  return startPrivateRedis(dir);
}

/** Starts `redis-server` on a free loopback port, append-only files in `dir`. */
export async function startPrivateRedis(
  dir: string,
  options: { persist?: boolean; port?: number } = {},
): Promise<RunningRedis> {
  mkdirSync(dir, { recursive: true });
  stopStale(join(dir, 'redis.pid'));
  const port = options.port ?? (await freePort());
  const persist = options.persist ?? true;
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--pidfile',
      join(dir, 'redis.pid'),
      '--save',
      '',
      '--appendonly',
      persist ? 'yes' : 'no',
      '--maxmemory-policy',
      'noeviction',
      '--logfile',
      join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100 && !(await redisAnswers(url, 200)); i++) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited at start (see ${join(dir, 'redis.log')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A private server left running by a process that died is stopped before starting another. */
function stopStale(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server'))
      process.kill(pid, 'SIGTERM');
  } catch {
    // not running any more, or not Linux: nothing to stop
  }
}
