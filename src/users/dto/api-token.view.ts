import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { ApiToken } from '../../common/auth/api-token.entity.js';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'nightly actuals import', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;
}

/** An API token as listed: never the token itself. */
export class ApiTokenView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'nightly actuals import' })
  name!: string | null;

  @ApiProperty({
    description: 'The first characters of the token, to tell tokens apart',
    example: 'trp_3q2Xa',
  })
  prefix!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  lastUsedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  revokedAt!: string | null;

  static of(t: ApiToken): ApiTokenView {
    return {
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiTokenView extends ApiTokenView {
  @ApiProperty({
    description:
      'The token, shown this once only; only its hash is stored. Send it as "Authorization: Bearer <token>".',
    example: 'trp_3q2…',
  })
  token!: string;
}
