import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../role.js';
import type { User } from '../user.entity.js';

export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  organizationId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(u: User): UserView {
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      organizationId: u.organizationId,
      createdAt: u.createdAt.toISOString(),
    };
  }
}

export class CreatedUserView {
  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({
    description: 'The API token, shown this once only; only its hash is stored.',
    example: 'trp_3q2…',
  })
  token!: string;
}
