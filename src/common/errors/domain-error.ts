/**
 * An error the user can act on: a stable machine-readable `code`, an HTTP status and a message
 * that names the problem. The global filter turns it into `{statusCode, code, message, details}`.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `${what} ${id} was not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown, code = 'validation_failed') {
    super(400, code, message, details);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}
