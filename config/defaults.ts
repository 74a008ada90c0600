/**
 * Defaults per environment. Every value here can be overridden by the environment variable of
 * the same name (see README, "Configuration"). `src/common/config/app-config.ts` merges and
 * validates them at boot; nothing else reads the environment.
 */
export type Environment = 'development' | 'test' | 'production';

export const defaults: Record<Environment, Record<string, string>> = {
  development: {
    PORT: '3000',
    HOST: '127.0.0.1',
    DATABASE_URL: 'sqlite:./data/planner.db',
    REDIS_URL: '',
    REDIS_PREFIX: 'planner',
    LOG_LEVEL: 'info',
    CORS_ORIGINS: '*',
    TRUST_PROXY: 'false',
    BODY_LIMIT_BYTES: String(1024 * 1024),
    IMPORT_BODY_LIMIT_BYTES: String(64 * 1024 * 1024),
    RATE_LIMIT_PER_MINUTE: '600',
    PUBLIC_URL: '',
    SEED_DEMO: 'true',
    SMTP_URL: '',
    MAIL_FROM: 'Tourism Recovery Planner <reports@planner.local>',
    MAIL_RATE_PER_SECOND: '20',
    OUTBOX_DIR: './data/outbox',
    REPORT_CRON: '0 9 * * 1',
    REPORT_TZ: 'Asia/Shanghai',
    SIGNING_SECRET: '',
    REBUILD_SWEEP_SECONDS: '60',
    REBUILD_DELAY_MS: '1000',
    SESSION_IDLE_MINUTES: '480',
    SESSION_MAX_DAYS: '7',
    INVITATION_HOURS: '72',
    SIGN_IN_ACCOUNT_LIMIT: '10',
    SIGN_IN_ADDRESS_LIMIT: '50',
    SIGN_IN_WINDOW_MINUTES: '15',
  },
  test: {
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
  },
  production: {
    HOST: '0.0.0.0',
    SEED_DEMO: 'false',
    CORS_ORIGINS: '',
  },
};
