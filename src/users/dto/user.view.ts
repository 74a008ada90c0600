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

  @ApiProperty({ description: 'Whether the user has set a console password (invited users have not, yet).' })
  hasPassword!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  lastSignInAt!: string | null;

  @ApiProperty({ description: 'Bumped on every edit; send it back as `If-Match: "<version>"`.', example: 1 })
  version!: number;

  static of(u: User): UserView {
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      organizationId: u.organizationId,
      createdAt: u.createdAt.toISOString(),
      hasPassword: u.passwordSetAt !== null,
      lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
      version: u.version,
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

export class InvitedUserView {
  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({
    description: 'The single-use link to the console page where the user sets a password. Shown once.',
    example: 'http://localhost:3000/invite/3q2…',
  })
  invitationUrl!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
