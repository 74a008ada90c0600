import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_ERROR_CODES, type ErrorCode } from './error-codes.js';

/** The body of every error response. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({
    enum: ALL_ERROR_CODES,
    enumName: 'ErrorCode',
    example: 'validation_failed',
    description: 'Stable machine-readable code, from one catalogue (src/common/errors/error-codes.ts).',
  })
  code!: ErrorCode;

  @ApiProperty({ example: 'name must be a string' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'Per-field or per-row problems where there are several (a list), or the figures behind the refusal (an object).',
    oneOf: [
      { type: 'array', items: { type: 'object', additionalProperties: true } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;

  @ApiPropertyOptional({
    description: 'For 500s only: quote it to find the logged error.',
    example: 'b5b0c6a2-…',
  })
  errorId?: string;
}
