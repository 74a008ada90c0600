import { ApiProperty } from '@nestjs/swagger';

/** What the invitation page shows before the user sets a password. */
export class InvitationView {
  @ApiProperty({ example: 'liming@zjj-tourism.example' })
  email!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
