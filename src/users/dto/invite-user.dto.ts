import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ROLES, type Role } from '../role.js';

export class InviteUserDto {
  @ApiProperty({ example: 'liming@zjj-tourism.example', maxLength: 320 })
  @IsEmail()
  @Length(3, 320)
  email!: string;

  @ApiProperty({ example: '李明 (市文旅局市场科)', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'planner' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for organizers: the organization they act for.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
