import { isAbsolute, resolve } from 'node:path';
import { defaults, type Environment } from '../../../config/defaults.js';

/** The validated, typed configuration of one process. Built once by {@link loadConfig}. */
export interface AppConfig {
  env: Environment;
  http: {
    port: number;
    host: string;
    publicUrl: string;
    corsOrigins: string[] | true;
    /** Fastify's trustProxy: false, true, a hop count or addresses/CIDRs of the proxies. */
    trustProxy: boolean | number | string[];
    bodyLimitBytes: number;
    importBodyLimitBytes: number;
    rateLimitPerMinute: number;
  };
  database: DatabaseConfig;
  redis: { url: string | null; prefix: string };
  logLevel: string;
  seedDemo: boolean;
  mail: { smtpUrl: string | null; from: string; ratePerSecond: number; outboxDir: string };
  reports: { cron: string; timeZone: string };
  signingSecret: string;
  rebuildSweepSeconds: number;
  /** How long a rebuild waits after the first change of a burst, so that the burst collapses into it. */
  rebuildDelayMs: number;
  auth: AuthConfig;
}

/** Console sessions, invitations and the sign-in limit. */
export interface AuthConfig {
  /** A session ends after this long without a request. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however active. */
  sessionMaxMs: number;
  invitationMs: number;
  /** Failed sign-ins within the window that lock an account (email) out for the rest of it. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins within the window that lock a client address out for the rest of it. */
  maxFailuresPerAddress: number;
  failureWindowMs: number;
}

export type DatabaseConfig =
  { type: 'sqlite'; path: string; url: string } | { type: 'postgres'; url: string; schema: string };

/** A configuration problem, naming the variable. Thrown at boot, before anything starts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const ENVIRONMENTS: Environment[] = ['development', 'test', 'production'];

/** Reads `source` (the process environment by default) over the defaults of its NODE_ENV. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const envName = (source.NODE_ENV ?? 'development') as Environment;
  if (!ENVIRONMENTS.includes(envName)) {
    throw new ConfigError('NODE_ENV', `must be one of ${ENVIRONMENTS.join(', ')} (got "${envName}")`);
  }
  const merged: Record<string, string> = { ...defaults.development, ...defaults[envName] };
  for (const key of Object.keys(merged)) {
    const value = source[key];
    if (value !== undefined) merged[key] = value;
  }
  const int = (key: string, min: number, max: number) => {
    const raw = merged[key];
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      throw new ConfigError(key, `must be an integer between ${min} and ${max} (got "${raw}")`);
    }
    return n;
  };
  const bool = (key: string) => {
    const raw = merged[key].toLowerCase();
    if (!['true', 'false', '1', '0'].includes(raw)) {
      throw new ConfigError(key, `must be true or false (got "${merged[key]}")`);
    }
    return raw === 'true' || raw === '1';
  };
  const url = (key: string, protocols: string[]) => {
    const raw = merged[key];
    if (!raw) return null;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(key, `must be a URL (got "${raw}")`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(key, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
    }
    return raw;
  };

  const port = int('PORT', 0, 65535);
  const host = merged.HOST;
  const cors = merged.CORS_ORIGINS.trim();
  const reportTz = merged.REPORT_TZ;
  try {
    new Intl.DateTimeFormat('en', { timeZone: reportTz });
  } catch {
    throw new ConfigError('REPORT_TZ', `must be an IANA time zone (got "${reportTz}")`);
  }
  if (merged.REPORT_CRON.trim().split(/\s+/).length < 5) {
    throw new ConfigError(
      'REPORT_CRON',
      `must be a cron expression with 5 or 6 fields (got "${merged.REPORT_CRON}")`,
    );
  }
  if (envName === 'production' && merged.SIGNING_SECRET.length < 32) {
    throw new ConfigError('SIGNING_SECRET', 'must be set to at least 32 characters in production');
  }

  return {
    env: envName,
    http: {
      port,
      host,
      publicUrl: (merged.PUBLIC_URL || `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(
        /\/$/,
        '',
      ),
      corsOrigins: cors === '*' ? true : cors ? cors.split(',').map((o) => o.trim()) : [],
      trustProxy: parseTrustProxy(merged.TRUST_PROXY),
      bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024, 1024 ** 3),
      importBodyLimitBytes: int('IMPORT_BODY_LIMIT_BYTES', 1024, 4 * 1024 ** 3),
      rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 1, 10_000_000),
    },
    database: parseDatabaseUrl(merged.DATABASE_URL),
    redis: { url: url('REDIS_URL', ['redis:', 'rediss:']), prefix: merged.REDIS_PREFIX || 'planner' },
    logLevel: oneOf('LOG_LEVEL', merged.LOG_LEVEL, [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ]),
    seedDemo: bool('SEED_DEMO'),
    mail: {
      smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
      from: merged.MAIL_FROM,
      ratePerSecond: int('MAIL_RATE_PER_SECOND', 1, 100_000),
      outboxDir: resolve(merged.OUTBOX_DIR),
    },
    reports: { cron: merged.REPORT_CRON.trim(), timeZone: reportTz },
    // An empty secret in development and test is replaced per data directory by the caller
    // (see SigningSecret); production must set it.
    signingSecret: merged.SIGNING_SECRET,
    rebuildSweepSeconds: int('REBUILD_SWEEP_SECONDS', 1, 86_400),
    rebuildDelayMs: int('REBUILD_DELAY_MS', 0, 600_000),
    auth: {
      sessionIdleMs: int('SESSION_IDLE_MINUTES', 1, 525_600) * 60_000,
      sessionMaxMs: int('SESSION_MAX_DAYS', 1, 366) * 86_400_000,
      invitationMs: int('INVITATION_HOURS', 1, 8_760) * 3_600_000,
      maxFailuresPerAccount: int('SIGN_IN_ACCOUNT_LIMIT', 1, 1_000_000),
      maxFailuresPerAddress: int('SIGN_IN_ADDRESS_LIMIT', 1, 1_000_000),
      failureWindowMs: int('SIGN_IN_WINDOW_MINUTES', 1, 10_080) * 60_000,
    },
  };
}

/** `false` (default: the client address is the socket's), `true`, a hop count, or proxy addresses. */
function parseTrustProxy(raw: string): boolean | number | string[] {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(',').map((v) => v.trim());
  if (list.every((v) => /^[0-9a-f.:/]+$/.test(v))) return list;
  throw new ConfigError('TRUST_PROXY', `must be false, true, a hop count or proxy addresses (got "${raw}")`);
}

function oneOf(variable: string, value: string, allowed: string[]): string {
  if (!allowed.includes(value))
    throw new ConfigError(variable, `must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** `sqlite:./data/planner.db`, `sqlite:/abs/file.db` or `postgres://user@host:5432/db?schema=name`. */
export function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL', 'names no SQLite file (use sqlite:./data/planner.db)');
    return { type: 'sqlite', path: isAbsolute(file) ? file : resolve(file), url: raw };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', `is not a valid PostgreSQL URL (got "${raw}")`);
    }
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!/^[a-z_][a-z0-9_]*$/i.test(schema))
      throw new ConfigError('DATABASE_URL', `has an invalid schema "${schema}"`);
    parsed.searchParams.delete('schema');
    return { type: 'postgres', url: parsed.toString(), schema };
  }
  throw new ConfigError('DATABASE_URL', `must start with sqlite: or postgres:// (got "${raw}")`);
}
