import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestAuthenticator } from '../common/auth/request-authenticator.js';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { DomainError, ForbiddenError } from '../common/errors/domain-error.js';
import { JobProducer } from '../infra/queue/job-producer.js';
import { QUEUES } from '../infra/queue/job-registry.js';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only: through the admin's console session cookie (sign
 * in to the console first) or an `Authorization: Bearer` API token. No token ever travels in a URL
 * or a cookie. Bull Board's own page sends no CSRF header, so its writes (retry, clean) with the
 * cookie must come from the planner's own origin (the Origin header browsers add to every write).
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const producer = app.get(JobProducer);
  const authenticator = app.get(RequestAuthenticator);
  const config = app.get<AppConfig>(APP_CONFIG);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(producer.queue(name), { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Planner queues' } },
  });
  const signInUrl = `${config.http.publicUrl}/`;

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const { user } = await authenticator.authenticate(request, {
        csrf: (r) => sameOrigin(r, config.http.publicUrl),
      });
      if (user.role !== 'admin') {
        throw new ForbiddenError(`The queue dashboard is for admins; you are ${user.role}`);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const body: Record<string, unknown> = {
        statusCode: error.status,
        code: error.code,
        message:
          error.status === 401
            ? `${error.message}. The queue dashboard uses your console session: sign in as an admin at ${signInUrl} and open ${DASHBOARD_PATH} again`
            : error.message,
      };
      if (error.status === 401) body.details = { signInUrl };
      return reply.status(error.status).header('content-type', 'application/json; charset=utf-8').send(body);
    }
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', adminOnly);
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}

/** True when the request's Origin is the planner's own (the public URL or the Host it was sent to). */
function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  return own.has(origin);
}
