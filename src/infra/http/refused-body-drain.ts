import type { FastifyReply, FastifyRequest } from 'fastify';

const discard = (): void => undefined;

/**
 * Lets a client that sent too large a body read the 413 that says so: called with every 413.
 *
 * A 413 is answered before the body has all arrived. Fastify then asks for `Connection: close`
 * (a JSON body past BODY_LIMIT_BYTES), and Node closes the socket while the client may still be
 * sending; a route that stops reading (a CSV import past IMPORT_BODY_LIMIT_BYTES) leaves the rest
 * unread. A client that writes its whole body before it reads the answer (Node's fetch, most HTTP
 * libraries) gets EPIPE, a reset or no answer instead of the 413. So when the client declared a
 * length of at most `maxDrainBytes`, the rest of the body is read and thrown away and the
 * connection stays open for the next request. A larger declared body, or one sent without a
 * length, is cut off: nobody is made to read more than `maxDrainBytes`.
 */
export function drainRefusedBody(request: FastifyRequest, reply: FastifyReply, maxDrainBytes: number): void {
  if (request.raw.complete) return;
  if (Number(request.headers['content-length']) <= maxDrainBytes) {
    reply.removeHeader('connection');
    request.raw.on('data', discard).resume();
  } else {
    void reply.header('connection', 'close');
  }
}
