import type { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../common/config/app-config.js';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter.js';
import { createValidationPipe } from '../common/errors/validation.pipe.js';
import { jsonBodyParser } from '../common/http/json-body-parser.js';
import { registerSecurityHeaders } from '../infra/http/security-headers.js';
import { registerCors } from '../infra/http/cors.js';
import { registerWebConsole } from '../infra/http/web-console.js';
import { requestId } from '../infra/logging/logger.module.js';
import { mountQueueDashboard } from '../jobs/queue-dashboard.js';
import { ApiModule } from './api.module.js';
import { createOpenApiDocument } from './openapi-document.js';

/**
 * Builds the HTTP application (not yet listening): Fastify, security headers, CORS, validation,
 * the error format, OpenAPI at /docs and the queue dashboard. Used by `main.ts`, `start.ts` and
 * the e2e tests alike. The built web console is served at `/`.
 */
export async function createHttpApp(
  config: AppConfig,
  options: { withWorker: boolean },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    // Fastify takes a hop count too; the adapter's typings leave numbers out.
    trustProxy: config.http.trustProxy as boolean | string[],
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => requestId(req.headers['x-request-id']),
  });
  // Every response names its request, as the log line does, and carries helmet's headers (the
  // API's answers a smaller set than the pages).
  registerSecurityHeaders(adapter.getInstance());
  await registerCors(adapter.getInstance(), config.http.corsOrigins);
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, { withWorker: options.withWorker }),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  // Every JSON body: too deep a nesting is a 400 before anything walks it.
  app.useBodyParser(
    'application/json',
    { bodyLimit: config.http.bodyLimitBytes },
    jsonBodyParser(adapter.getInstance(), config.http.jsonMaxDepth),
  );
  app.useGlobalPipes(createValidationPipe());
  // A 413 reaches the client that is still sending its too large body (up to twice the largest
  // body any route takes).
  app.useGlobalFilters(
    new AllExceptionsFilter(2 * Math.max(config.http.bodyLimitBytes, config.http.importBodyLimitBytes)),
  );
  // Parses Cookie headers for the console session (a badly encoded cookie stays raw, never a 500).
  await app.register(cookie);
  await mountQueueDashboard(app);
  // The web console at / (with its own, stricter CSP); client routes fall back to index.html.
  await registerWebConsole(app.getHttpAdapter().getInstance());
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}
