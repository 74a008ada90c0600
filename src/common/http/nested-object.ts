import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A nested DTO (or, with `each`, an array of them). `ValidateNested` alone walks into an array
 * wherever it finds one, so `{"days":[[]]}` or `{"contact":[]}` passed validation and reached
 * the service as an array; every nested value must be an object first.
 */
export function NestedObject(type: () => new () => object, options: { each?: boolean } = {}) {
  const each = options.each ?? false;
  return applyDecorators(
    IsObject({
      each,
      message: (args) =>
        each ? `each value in ${args.property} must be an object` : `${args.property} must be an object`,
    }),
    ValidateNested({ each }),
    Type(type),
  );
}
