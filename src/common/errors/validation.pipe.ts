import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError as ClassValidatorError,
} from '@nestjs/common';
import { malformedTextPath } from '../http/well-formed-unicode.js';
import { ValidationError } from './domain-error.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per field path (`contact.email`, `rows.3.date`). */
export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The global pipe: strips nothing silently (unknown fields are a 400 naming them), converts
 * query strings and JSON to the DTO's types, and reports every bad field at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const message = details.flatMap((d) => d.problems).join('; ');
      return new ValidationError(message || 'The request is not valid', details);
    },
  });
}

/**
 * The one place where every JSON body, query string and path parameter is checked for text that
 * is not well-formed Unicode (a lone surrogate such as `"\ud800"`), before any DTO or validator
 * sees it: a 400 naming the field instead of a URIError deep inside a validator.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const path = malformedTextPath(value, metadata.data ?? '');
      if (path !== null) {
        const field = path || metadata.type;
        throw new ValidationError(`${field} is not well-formed Unicode text (a lone surrogate)`, [
          { field, problems: [`${field} must be well-formed Unicode text`] },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}
