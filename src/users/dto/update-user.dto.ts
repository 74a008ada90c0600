import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ROLES, type Role } from '../role.js';

/** Any subset; the result follows the rules of creation (an organizer needs an organization). */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '李明', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The organization; null removes it (not allowed for organizers).',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

export const USER_REQUIRED_FIELDS = ['name', 'role'] as const;
