import { ConflictError } from './domain-error.js';

/** A workflow action not allowed from the current state: a 409 naming both states. */
export class InvalidTransitionError extends ConflictError {
  constructor(
    what: string,
    id: string,
    from: string,
    to: string,
    action: string,
    allowedFrom: readonly string[],
  ) {
    super(
      'invalid_transition',
      `${what} ${id} cannot go from ${from} to ${to}: "${action}" is allowed only from ${allowedFrom.join(' or ')}`,
      { from, to, action, allowedFrom },
    );
  }
}
