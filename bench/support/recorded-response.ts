import type { FastifyReply } from 'fastify';

/** One route's answer as the planner gave it, replayed by bench:api's yardstick servers. */
export interface BareResponse {
  method: 'GET' | 'PATCH' | 'PUT';
  /** The route path without the query string, as Fastify matches it. */
  path: string;
  status: number;
  headers: Record<string, string>;
  /** The body, base64. */
  body: string;
  /** When set, a request whose If-None-Match equals it is answered 304, as the planner does. */
  etag?: string;
}

/** Sends the recorded answer (a 304 when the client's ETag is the recorded one). */
export function replay(
  r: BareResponse,
): (ifNoneMatch: string | string[] | undefined, reply: FastifyReply) => void {
  const body = Buffer.from(r.body, 'base64');
  return (ifNoneMatch, reply) => {
    if (r.etag && ifNoneMatch === r.etag) void reply.code(304).header('etag', r.etag).send();
    else void reply.code(r.status).headers(r.headers).send(body);
  };
}
