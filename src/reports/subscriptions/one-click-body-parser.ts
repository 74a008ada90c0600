import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { UnsupportedMediaTypeError } from '../../common/errors/domain-error.js';
import { UNSUBSCRIBE_PATH } from './unsubscribe.service.js';

/**
 * RFC 8058 lets mail clients send the one-click POST as `multipart/form-data`, which the API
 * otherwise refuses (415). Accept it on the unsubscribe route only (the body is not needed: the
 * token is in the URL); every other route keeps answering 415.
 */
@Injectable()
export class OneClickBodyParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) return;
    fastify.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: 4096 },
      (request, body, done) => {
        if (request.url.split('?')[0] === UNSUBSCRIBE_PATH) return done(null, body);
        done(new UnsupportedMediaTypeError('Unsupported Media Type: multipart/form-data'), undefined);
      },
    );
  }
}
