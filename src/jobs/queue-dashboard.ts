import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../common/auth/auth.guard.js';
import { TokenService } from '../common/auth/token.service.js';
import { JobProducer } from '../infra/queue/job-producer.js';
import { QUEUES } from '../infra/queue/job-registry.js';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'planner_dashboard';

/**
 * Bull Board at /admin/queues, for admins only. A browser cannot send a bearer header, so
 * `/admin/queues?token=<admin token>` once sets an HttpOnly cookie scoped to the dashboard.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const producer = app.get(JobProducer);
  const tokens = app.get(TokenService);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(producer.queue(name), { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Planner queues' } },
  });

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Record<string, string | undefined>;
    const cookie = parseCookie(request.headers.cookie)[COOKIE];
    const token = bearerToken(request) ?? query.token ?? cookie;
    const user = token ? await tokens.resolve(token, 'api') : null;
    if (!user || user.role !== 'admin') {
      const status = user ? 403 : 401;
      return reply.status(status).send({
        statusCode: status,
        code: user ? 'forbidden' : 'unauthorized',
        message: user
          ? 'The queue dashboard is for admins'
          : `Open ${DASHBOARD_PATH}?token=<admin API token>`,
      });
    }
    if (query.token) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .header(
          'set-cookie',
          `${COOKIE}=${query.token}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=28800${secure}`,
        )
        .redirect(request.url.replace(/([?&])token=[^&]*&?/, '$1').replace(/[?&]$/, ''));
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

function parseCookie(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}
