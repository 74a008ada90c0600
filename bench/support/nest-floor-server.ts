/**
 * The second yardstick of bench:api: what NestJS alone costs. A Nest application on the same
 * Fastify adapter as the planner, with one controller method per recorded route answering the
 * recorded bytes (as bare-server.ts does), and nothing else: no guards, pipes, interceptors,
 * hooks, logger or database. The gap between it and bare Fastify is the framework's; the gap
 * between the planner and it is the planner's own. Started as its own process:
 *   node dist/bench/support/nest-floor-server.js <responses.json>
 * and prints `listening <port>` once it listens on 127.0.0.1.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Controller, Module, Req, RequestMapping, RequestMethod, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { replay, type BareResponse } from './recorded-response.js';

const responses = JSON.parse(readFileSync(process.argv[2], 'utf8')) as BareResponse[];

class FloorController {}
const prototype = FloorController.prototype as unknown as Record<
  string,
  (request: FastifyRequest, reply: FastifyReply) => void
>;
responses.forEach((r, i) => {
  const answer = replay(r);
  const name = `route${i}`;
  prototype[name] = (request, reply) => answer(request.headers['if-none-match'], reply);
  Req()(prototype, name, 0);
  Res()(prototype, name, 1);
  RequestMapping({ path: r.path, method: RequestMethod[r.method] })(
    prototype,
    name,
    Object.getOwnPropertyDescriptor(prototype, name)!,
  );
});
Controller()(FloorController);

class FloorModule {}
Module({ controllers: [FloorController] })(FloorModule);

const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
  logger: false,
});
await app.listen(0, '127.0.0.1');
process.stdout.write(`listening ${new URL(await app.getUrl()).port}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close());
