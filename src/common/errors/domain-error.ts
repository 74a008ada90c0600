import type { ErrorCode, ErrorCodeOf, ErrorStatus } from './error-codes.js';

/**
 * An error the user can act on: a stable machine-readable `code` from the catalogue
 * (error-codes.ts), an HTTP status and a message that names the problem. The global filter turns
 * it into `{statusCode, code, message, details}`. Thrown through its subclasses, one per status,
 * each of which takes only the codes listed under its status (ErrorCodeOf).
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed or a field is wrong; `details` names the fields. */
export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown, code: ErrorCodeOf<400> = 'validation_failed') {
    super(400, code, message, details);
  }
}

/** 401: no valid credentials. */
export class UnauthorizedError extends DomainError {
  constructor(message: string, code: ErrorCodeOf<401> = 'unauthorized') {
    super(401, code, message);
  }
}

/** 403: signed in, but not allowed to do this. */
export class ForbiddenError extends DomainError {
  constructor(message: string, code: ErrorCodeOf<403> = 'forbidden') {
    super(403, code, message);
  }
}

/**
 * 404: `new NotFoundError('Event', id)` says "Event <id> was not found"; a message of its own
 * (and another 404 code) with `new NotFoundError({ message, code?, details? })`.
 */
export class NotFoundError extends DomainError {
  constructor(what: string, id: string);
  constructor(problem: { message: string; code?: ErrorCodeOf<404>; details?: unknown });
  constructor(what: string | { message: string; code?: ErrorCodeOf<404>; details?: unknown }, id?: string) {
    if (typeof what === 'string') super(404, 'not_found', `${what} ${id} was not found`);
    else super(404, what.code ?? 'not_found', what.message, what.details);
  }
}

/** 409: the current state does not allow it; `details` carries the figures. */
export class ConflictError extends DomainError {
  constructor(code: ErrorCodeOf<409>, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

/** 410: it existed and is gone for good. */
export class GoneError extends DomainError {
  constructor(code: ErrorCodeOf<410>, message: string) {
    super(410, code, message);
  }
}

/** 413: the body is larger than the route takes. */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

/** 415: the body is not of a media type the route takes. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

/** 422: well-formed, but the content cannot be used; `details` lists the problems. */
export class UnprocessableError extends DomainError {
  constructor(code: ErrorCodeOf<422>, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

/** 429: too many requests; the caller may send Retry-After. */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(429, 'rate_limited', message);
  }
}

/** 503: a service the request needs does not answer. */
export class UnavailableError extends DomainError {
  constructor(code: ErrorCodeOf<503>, message: string) {
    super(503, code, message);
  }
}
