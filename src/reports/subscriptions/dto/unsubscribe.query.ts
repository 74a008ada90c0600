import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class UnsubscribeQuery {
  @ApiProperty({
    description: 'The signed token from the link in the email',
    example: '3f0c2b7e-9a51-4c1e-8d2a-0b6f4e1c9d77.q0fJ0Jm5r2bXUe1r3G8wQmQ8n1s0sT9y4c3Q2k1Zx0A',
  })
  @IsString()
  @Length(1, 200)
  token!: string;
}
