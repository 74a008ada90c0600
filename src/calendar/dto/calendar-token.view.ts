import { ApiProperty } from '@nestjs/swagger';

export class CalendarTokenView {
  @ApiProperty({ example: 'trc_Qm9…', description: 'Shown this once; only its hash is stored.' })
  token!: string;

  @ApiProperty({ example: 'https://planner.example/api/v1/calendar/feed/trc_Qm9….ics' })
  feedUrl!: string;

  @ApiProperty({ example: 'webcal://planner.example/api/v1/calendar/feed/trc_Qm9….ics' })
  webcalUrl!: string;
}
