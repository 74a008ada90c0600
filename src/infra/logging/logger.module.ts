import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule as PinoLoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import { pino } from 'pino';
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

/**
 * Resolves once every line logged so far has been written out: pino writes JSON lines
 * asynchronously and the pretty printer runs in a worker thread, so without this a line logged
 * before something printed directly (the start banner) can appear after it.
 */
export function flushLogs(): Promise<void> {
  return new Promise((resolve) => {
    const root = PinoLogger.root as { flush?: (cb: (error?: Error) => void) => void } | undefined;
    if (!root?.flush) return resolve();
    root.flush(() => resolve());
  });
}

/**
 * The pino-http options: JSON lines written synchronously to stdout (as `console.log` writes to a
 * pipe or file), so the order of the output is the order of the calls (an asynchronous destination
 * let the demo seed's log line come out after the start banner, flushLogs or not); on a terminal
 * outside production, pino-pretty in its worker thread, which `flushLogs` waits for.
 */
function pinoHttpParams(config: AppConfig): Params['pinoHttp'] {
  const options: Options = {
    level: config.logLevel,
    hooks: { logMethod: startupAtDebug },
    // Fastify has already named the request (see http-app.ts); a worker has no requests.
    genReqId: (req: IncomingMessage) => req.id ?? requestId(req.headers['x-request-id']),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token'],
    serializers: {
      req: (req: { url?: string }) => (req.url ? { ...req, url: redactUrl(req.url) } : req),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
  };
  if (!prettyLogs(config)) return [options, pino.destination({ dest: 1, sync: true })];
  return {
    ...options,
    transport: {
      target: 'pino-pretty',
      options: {
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
        // Written as soon as the worker thread has it, so flushLogs() means on the screen.
        sync: true,
      },
    },
  };
}

/** Structured JSON logs (pino), one line per request with its request id. */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({ pinoHttp: pinoHttpParams(config) }),
});
