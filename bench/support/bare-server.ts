/**
 * The yardstick of bench:api: a bare Fastify server answering each recorded route with the bytes
 * the planner answered (status, content type, ETag and body), and nothing else: no auth, no
 * database, no validation. Started as its own process:
 *   node dist/bench/support/bare-server.js <responses.json>
 * where the file holds `BareResponse[]`; prints `listening <port>` once it listens on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { replay, type BareResponse } from './recorded-response.js';

const responses = JSON.parse(readFileSync(process.argv[2], 'utf8')) as BareResponse[];
const app = Fastify({ logger: false });
// Accept any JSON body without parsing more than Fastify does by default.
for (const r of responses) {
  const answer = replay(r);
  app.route({
    method: r.method,
    url: r.path,
    handler: (request, reply) => answer(request.headers['if-none-match'], reply),
  });
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${new URL(address).port}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close());
