import { randomUUID } from 'node:crypto';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../common/config/app-config.js';
import { APP_CONFIG } from '../../common/config/config.module.js';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** A caller's `X-Request-Id` when it is sane, otherwise a new one. */
export function requestId(given: string | string[] | undefined): string {
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Hides secrets that travel in URLs: `?token=…` and path segments that are tokens (calendar feeds). */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|t)=)[^&#]*/gi, '$1[redacted]')
    .replace(/\/tr[a-z]_[\w-]+/g, '/[redacted]');
}

/** Nest's start-up chatter (modules loaded, routes mapped): logged at debug, not info. */
export const STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

const INFO = 30;

/** Pino's logMethod hook: start-up chatter at info goes out at debug. */
export function startupAtDebug(
  this: { debug: (...args: unknown[]) => void },
  args: unknown[],
  method: (...args: unknown[]) => void,
  level: number,
): void {
  const context = (args[0] as { context?: unknown } | null)?.context;
  if (level === INFO && typeof context === 'string' && STARTUP_CONTEXTS.has(context)) {
    this.debug(...args);
    return;
  }
  method.apply(this, args);
}

/**
 * Human-readable lines (pino-pretty) when stdout is a terminal outside production; JSON lines
 * otherwise (files, pipes, log collectors, production).
 */
export function prettyLogs(config: AppConfig, isTty = Boolean(process.stdout.isTTY)): boolean {
  return isTty && config.env !== 'production';
}

/** Structured JSON logs (pino), one line per request with its request id. */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const options: Options = {
      level: config.logLevel,
      hooks: { logMethod: startupAtDebug },
      ...(prettyLogs(config)
        ? {
            transport: {
              target: 'pino-pretty',
              options: {
                colorize: true,
                singleLine: true,
                translateTime: 'SYS:HH:MM:ss',
                ignore: 'pid,hostname',
              },
            },
          }
        : {}),
      // Fastify has already named the request (see http-app.ts); a worker has no requests.
      genReqId: (req) => req.id ?? requestId(req.headers['x-request-id']),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token'],
      serializers: {
        req: (req: { url?: string }) => (req.url ? { ...req, url: redactUrl(req.url) } : req),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    };
    // JSON lines go to stdout asynchronously, not one synchronous write(2) per request: lines
    // written while a write is under way go out together in the next one, no later; pino flushes
    // what is left when the process exits.
    return {
      pinoHttp: prettyLogs(config) ? options : [options, destination({ dest: 1, sync: false })],
    };
  },
});
