import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { WEEK_KEY_PATTERN } from '../report-week.js';

export class SendWeekDto {
  @ApiProperty({
    example: '2022-W14',
    description: 'ISO week (Monday to Sunday, Asia/Shanghai); it must be over',
  })
  @Matches(WEEK_KEY_PATTERN, { message: 'week must be an ISO week such as 2022-W14' })
  week!: string;
}
