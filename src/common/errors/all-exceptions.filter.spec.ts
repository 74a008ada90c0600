import { describe, expect, it, jest } from '@jest/globals';
import { BadRequestException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { ConflictError } from './domain-error.js';

describe('AllExceptionsFilter.toBody', () => {
  const filter = new AllExceptionsFilter();

  it('keeps a domain error as it is', () => {
    expect(
      filter.toBody(
        new ConflictError('invalid_transition', 'Cannot complete a draft campaign', { from: 'draft' }),
      ),
    ).toEqual({
      statusCode: 409,
      code: 'invalid_transition',
      message: 'Cannot complete a draft campaign',
      details: { from: 'draft' },
    });
  });

  it('gives Nest client errors a code from their status', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'))).toEqual({
      statusCode: 404,
      code: 'not_found',
      message: 'Cannot GET /x',
    });
    expect(filter.toBody(new BadRequestException(['a is bad', 'b is bad']))).toMatchObject({
      message: 'a is bad; b is bad',
    });
  });

  it("names Fastify's body errors that Nest wraps", () => {
    const cause = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(filter.toBody(new HttpException(cause.message, 413, { cause }))).toEqual({
      statusCode: 413,
      code: 'payload_too_large',
      message: 'Request body is too large',
    });
  });

  it('turns constraint violations a service did not foresee into 409s', () => {
    const unique = Object.assign(new Error('UNIQUE constraint failed: venues.nameZh'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect(filter.toBody(unique)).toMatchObject({ statusCode: 409, code: 'conflict' });
    const fk = Object.assign(new Error('violates foreign key'), { driverError: { code: '23503' } });
    expect(filter.toBody(fk)).toMatchObject({ statusCode: 409, code: 'in_use' });
  });

  it('hides the details of anything else behind a 500 with an error id, logged with the error', () => {
    // The log line is asserted, not printed: a passing run shows no stack trace.
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new TypeError('cannot read x of undefined');
    const body = filter.toBody(error);
    expect(logged).toHaveBeenCalledWith(
      { errorId: body.errorId, err: error },
      `Unhandled error ${body.errorId}`,
    );
    logged.mockRestore();
    expect(body).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(body)).not.toContain('cannot read');
  });
});
