import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../common/config/app-config.js';
import { SAFE_METHODS, SESSION_COOKIE } from '../common/auth/session-cookie.js';

/** The security schemes every signed-in route accepts (see request-authenticator). */
const SECURITY_SCHEMES = { bearer: 'bearer', session: 'session', csrf: 'csrf' } as const;

/** The OpenAPI document served at /docs-json (and linted by `npm run api:lint`). */
export function createOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  return withSecurityRequirements(SwaggerModule.createDocument(app, openApiConfig(config)));
}

function openApiConfig(config: AppConfig) {
  return new DocumentBuilder()
    .setTitle('Tourism recovery planner API')
    .setDescription(
      [
        'Campaigns, events, targets and projections for a city tourism bureau working towards',
        '+30 % visitors and +34 % revenue. Authenticate with `Authorization: Bearer <token>` (scripts)',
        `or the console's \`${SESSION_COOKIE}\` session cookie, in which case every POST, PUT, PATCH and`,
        "DELETE also sends the session's CSRF token in `X-CSRF-Token`; each route lists the roles",
        'allowed in `x-roles`. Errors are `{statusCode, code, message, details?, errorId?}`.',
        'Amounts are integers (visitors, yuan); dates are `YYYY-MM-DD` in Asia/Shanghai; instants are UTC ISO 8601.',
      ].join(' '),
    )
    .setVersion('1')
    .setLicense('UNLICENSED (proprietary)', '')
    .addServer(config.http.publicUrl)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'An API token from POST /api/v1/users or `npm run cli -- create-user`',
      },
      SECURITY_SCHEMES.bearer,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description:
          'The HttpOnly console session cookie set by POST /api/v1/auth/sign-in (ends after `SESSION_IDLE_MINUTES` idle or `SESSION_MAX_DAYS`)',
      },
      SECURITY_SCHEMES.session,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description:
          "The session's CSRF token (`csrfToken` of GET /api/v1/auth/session); needed with the session cookie on every POST, PUT, PATCH and DELETE",
      },
      SECURITY_SCHEMES.csrf,
    )
    .build();
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Sets each operation's `security`: `[]` on `@Public()` routes (which mark themselves with the
 * anonymous requirement `{}`), and on every other route a bearer token, or the session cookie
 * plus, on anything but GET/HEAD/OPTIONS, the CSRF header: what AuthGuard accepts.
 */
function withSecurityRequirements(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const isPublic = operation.security?.some((requirement) => Object.keys(requirement).length === 0);
      const session: Record<string, string[]> = SAFE_METHODS.has(method.toUpperCase())
        ? { [SECURITY_SCHEMES.session]: [] }
        : { [SECURITY_SCHEMES.session]: [], [SECURITY_SCHEMES.csrf]: [] };
      operation.security = isPublic ? [] : [{ [SECURITY_SCHEMES.bearer]: [] }, session];
    }
  }
  return document;
}
