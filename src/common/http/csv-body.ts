import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import {
  PayloadTooLargeError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '../errors/domain-error.js';

const CSV = 'text/csv';

/**
 * Marks a route that takes a `text/csv` body as a stream (read it with {@link CsvBody}). Only
 * such routes get the stream; on any other route a CSV body is a 415, so a DTO never meets a
 * raw socket stream.
 */
export const AcceptsCsv = () => applyDecorators(RouteConfig({ csvBody: true }), ApiConsumes(CSV));

/**
 * Lets `text/csv` bodies through to the route as the raw request stream, so an import is parsed
 * while it arrives instead of being buffered. The other content types keep Fastify's parsers and
 * the normal body limit; CSV bodies get the import limit (`IMPORT_BODY_LIMIT_BYTES`), checked on
 * `Content-Length` here and on the bytes actually read by {@link csvText}.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // Worker processes have no HTTP server.
    if (!fastify || fastify.hasContentTypeParser(CSV)) return;
    const limit = this.config.http.importBodyLimitBytes;
    fastify.addContentTypeParser(CSV, (request: FastifyRequest, payload: Readable, done) => {
      if (!(request.routeOptions.config as { csvBody?: boolean } | undefined)?.csvBody) {
        done(new UnsupportedMediaTypeError('This route does not take a text/csv body'));
        return;
      }
      const length = Number(request.headers['content-length']);
      if (length > limit) {
        done(tooLarge(limit));
        return;
      }
      done(null, payload);
    });
  }
}

/** The `text/csv` request body as a stream; any other content type is a 415. */
export const CsvBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): Readable => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const body = request.body as Readable | undefined;
  if (!body || typeof body.pipe !== 'function') {
    throw new UnsupportedMediaTypeError('Send the file as the request body with Content-Type: text/csv');
  }
  return body;
});

/**
 * Decodes a byte stream as UTF-8 text, chunk by chunk: a BOM is dropped, invalid UTF-8 (a file
 * saved as GBK, say) is a 422 and more than `limit` bytes a 413.
 *
 * A request stream is not destroyed when decoding stops early: destroying it would close the
 * socket before the error response is written; Node discards the rest of the body instead.
 */
export async function* csvText(
  source: AsyncIterable<Buffer | string>,
  limit: number,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const chunks = isReadable(source) ? source.iterator({ destroyOnReturn: false }) : source;
  for await (const chunk of chunks as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > limit) throw tooLarge(limit);
    const text = decode(decoder, buffer, true);
    if (text) yield text;
  }
  const rest = decode(decoder, undefined, false);
  if (rest) yield rest;
}

const isReadable = (source: AsyncIterable<unknown>): source is Readable =>
  typeof (source as Partial<Readable>).iterator === 'function' &&
  typeof (source as Partial<Readable>).pipe === 'function';

const tooLarge = (limit: number) =>
  new PayloadTooLargeError(`The file is larger than the import limit of ${limit} bytes`);

function decode(decoder: TextDecoder, buffer: Buffer | undefined, stream: boolean): string {
  try {
    return decoder.decode(buffer, { stream });
  } catch {
    throw new UnprocessableError(
      'not_utf8',
      'The file is not UTF-8 text: save it as "CSV UTF-8" (with or without BOM) and send it again',
    );
  }
}
