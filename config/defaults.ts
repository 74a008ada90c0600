/**
 * Every configuration variable: its default per environment and what it means. The environment
 * variable of the same name overrides it. `src/common/config/app-config.ts` merges and validates
 * them at boot (nothing else reads the environment); the README's configuration table is made
 * from this list (`npm run docs:config`, checked by the test suite).
 */
export type Environment = 'development' | 'test' | 'production';

export interface ConfigVariable {
  /** The default in development, and in the other environments unless they say otherwise. */
  default: string;
  test?: string;
  production?: string;
  /** The README's "Default" cell, where the value alone would not say it. */
  shown?: string;
  /** The README's "Meaning" cell (Markdown). */
  meaning: string;
}

/** `NODE_ENV` picks the defaults below: `development` unless set. */
export const NODE_ENV: ConfigVariable = {
  default: 'development',
  meaning:
    '`development`, `test` or `production` (production requires `SIGNING_SECRET` and `PUBLIC_URL`, listens on 0.0.0.0, no demo seed, no CORS)',
};

export const VARIABLES = {
  PORT: {
    default: '3000',
    meaning: 'HTTP port of the API',
  },
  HOST: {
    default: '127.0.0.1',
    production: '0.0.0.0',
    meaning: 'Interface the API listens on',
  },
  PUBLIC_URL: {
    default: '',
    shown: '`http://HOST:PORT` (required in production)',
    meaning:
      'Absolute base URL used in links (emails, calendar feeds); production refuses to start without it',
  },
  DATABASE_URL: {
    default: 'sqlite:./data/planner.db',
    meaning: '`sqlite:<file>` or `postgres://user:pass@host:5432/db[?schema=name]`',
  },
  REDIS_URL: {
    default: '',
    meaning:
      '`redis://[user:pass@]host:port[/db]`; unset: `npm start` uses 127.0.0.1:6379 or starts a private server, `start:api`/`start:worker` use 127.0.0.1:6379',
  },
  REDIS_PREFIX: {
    default: 'planner',
    meaning: 'Prefix of every Redis key (queues, rate limits)',
  },
  LOG_LEVEL: {
    default: 'info',
    test: 'error',
    meaning: 'pino level: fatal, error, warn, info, debug, trace, silent',
  },
  CORS_ORIGINS: {
    default: '*',
    production: '',
    meaning: 'Comma-separated allowed origins, `*` for any',
  },
  TRUST_PROXY: {
    default: 'false',
    meaning:
      'Which proxies to believe for the client address (rate limits, logs): `false`, `true`, a hop count, or comma-separated proxy addresses or CIDRs',
  },
  BODY_LIMIT_BYTES: {
    default: String(1024 * 1024),
    meaning: 'Largest JSON body; larger gets 413',
  },
  JSON_MAX_DEPTH: {
    default: '32',
    meaning:
      'Deepest nesting of objects and arrays in a JSON body; deeper gets 400 `json_too_deep` before parsing',
  },
  IMPORT_BODY_LIMIT_BYTES: {
    default: String(64 * 1024 * 1024),
    meaning: 'Largest CSV upload on import routes',
  },
  RATE_LIMIT_PER_MINUTE: {
    default: '600',
    test: '100000',
    meaning:
      'Requests per client address and minute, counted in Redis across API processes (per process while Redis does not answer)',
  },
  SEED_DEMO: {
    default: 'true',
    test: 'false',
    production: 'false',
    meaning: 'Load the demo data into an empty database at `npm start`',
  },
  SMTP_URL: {
    default: '',
    meaning: '`smtp://` or `smtps://` server for the weekly reports; unset: `.eml` files in `OUTBOX_DIR`',
  },
  MAIL_FROM: {
    default: 'Tourism Recovery Planner <reports@planner.local>',
    meaning: 'Sender of the reports',
  },
  MAIL_RATE_PER_SECOND: {
    default: '20',
    meaning: 'Most messages sent per second',
  },
  OUTBOX_DIR: {
    default: './data/outbox',
    meaning: 'Where messages go without SMTP',
  },
  REPORT_CRON: {
    default: '0 9 * * 1',
    meaning: 'When the weekly report runs (cron)',
  },
  REPORT_TZ: {
    default: 'Asia/Shanghai',
    meaning: 'Time zone of `REPORT_CRON`',
  },
  SIGNING_SECRET: {
    default: '',
    shown: '_(derived per install in dev/test)_',
    meaning: 'Secret for unsubscribe links; at least 32 characters in production',
  },
  REBUILD_SWEEP_SECONDS: {
    default: '60',
    meaning: 'How often a worker re-enqueues projections still marked dirty',
  },
  REBUILD_DELAY_MS: {
    default: '1000',
    meaning:
      'How long a projection rebuild waits after the first change of a burst, so that the burst collapses into one rebuild',
  },
  EFFECT_TAIL_DAYS_CAMPAIGN: {
    default: '7',
    meaning: 'Days after a campaign that still count in its measured effect window',
  },
  EFFECT_TAIL_DAYS_EVENT: {
    default: '1',
    meaning: 'Days after an event that still count in its measured effect window',
  },
  SESSION_IDLE_MINUTES: {
    default: '480',
    meaning: 'A console session ends after this long without a request',
  },
  SESSION_MAX_DAYS: {
    default: '7',
    meaning: 'A console session ends this long after sign-in, however active',
  },
  INVITATION_HOURS: {
    default: '72',
    meaning: 'How long an invitation link stays valid',
  },
  SIGN_IN_ACCOUNT_LIMIT: {
    default: '10',
    meaning: 'Failed sign-ins per account (email) in the window before it gets 429 for the rest of it',
  },
  SIGN_IN_ADDRESS_LIMIT: {
    default: '50',
    meaning: 'Failed sign-ins per client address in the window before it gets 429 for the rest of it',
  },
  SIGN_IN_WINDOW_MINUTES: {
    default: '15',
    meaning: 'The sliding window of the two sign-in limits',
  },
} satisfies Record<string, ConfigVariable>;

const ENVIRONMENTS: Environment[] = ['development', 'test', 'production'];

/** The defaults of each environment, by variable. */
export const defaults = Object.fromEntries(
  ENVIRONMENTS.map((env) => [
    env,
    Object.fromEntries(
      Object.entries(VARIABLES).map(([name, v]: [string, ConfigVariable]) => [
        name,
        (env === 'development' ? undefined : v[env]) ?? v.default,
      ]),
    ),
  ]),
) as Record<Environment, Record<keyof typeof VARIABLES, string>>;
