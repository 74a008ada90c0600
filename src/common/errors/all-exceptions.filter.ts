import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { constraintViolation } from '../../infra/database/constraint-violation.js';
import { drainRefusedBody } from '../../infra/http/refused-body-drain.js';
import { DomainError, TooManyRequestsError } from './domain-error.js';
import type { ErrorBody } from './error-body.js';
import type { ErrorCode } from './error-codes.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Fastify's own request errors (body parsing and limits), reworded for API users. */
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_json',
    message: 'The body is empty but Content-Type is application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request' },
};

/**
 * Maps every error to `{statusCode, code, message, details?, errorId?}`. Client errors keep their
 * message; anything else is a 500 whose `errorId` also appears in the log with the stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** @param maxDrainBytes the most of a refused body (413) read to let its client hear why. */
  constructor(private readonly maxDrainBytes = 0) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.toBody(exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (body.statusCode === 413)
      drainRefusedBody(host.switchToHttp().getRequest<FastifyRequest>(), reply, this.maxDrainBytes);
    if (exception instanceof TooManyRequestsError && exception.retryAfterSeconds !== undefined)
      void reply.header('retry-after', exception.retryAfterSeconds);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return clean({
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // Nest wraps Fastify's own request errors (body parsing, limits) and keeps them as `cause`.
      const fastifyCode = (exception.cause as { code?: string } | undefined)?.code;
      const known = fastifyCode ? FASTIFY_ERRORS[fastifyCode] : undefined;
      const message = messageOf(response, exception.message);
      if (status < 500) {
        return {
          statusCode: status,
          code: known?.code ?? CODE_BY_STATUS[status] ?? 'client_error',
          message: known?.message ?? message,
        };
      }
    }
    // A database constraint that a concurrent request (or a reference) made fail: a conflict.
    const violation = constraintViolation(exception);
    if (violation === 'unique') {
      return { statusCode: 409, code: 'conflict', message: 'A record with the same identity already exists' };
    }
    if (violation === 'foreign_key') {
      return {
        statusCode: 409,
        code: 'in_use',
        message: 'The record is referenced by others (or references one that does not exist)',
      };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, `Unhandled error ${errorId}`);
    return { statusCode: 500, code: 'internal_error', message: 'Something went wrong on our side', errorId };
  }
}

function clean(body: ErrorBody): ErrorBody {
  if (body.details === undefined) delete body.details;
  return body;
}

/** Nest's HttpException responses carry a string, or an object with a string or list message. */
function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}
