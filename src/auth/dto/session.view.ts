import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../../users/dto/user.view.js';

/** The signed-in user with what the console needs to keep the session. */
export class SessionView {
  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({
    description:
      'Send it as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE made with the cookie.',
    example: 'pQ8x…',
  })
  csrfToken!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When the session ends unless used again (idle expiry), never after its absolute expiry.',
  })
  expiresAt!: string;
}
