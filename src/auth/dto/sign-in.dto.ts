import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../common/auth/password.js';

export class SignInDto {
  @ApiProperty({ example: 'planner@planner.local', maxLength: 320 })
  @IsString()
  @Length(1, 320)
  email!: string;

  @ApiProperty({ example: 'demo-password-2022', format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}
