import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EventWarningCode } from '../event-checks.js';

export class CapacityDayView {
  @ApiProperty({ example: '2022-09-24' })
  date!: string;

  @ApiProperty({ example: 12000, description: "This event's daily attendance." })
  eventVisitors!: number;

  @ApiProperty({ example: 21000, description: "The venue's other expected visitors that day." })
  otherVisitors!: number;

  @ApiProperty({ example: 30000 })
  capacity!: number;

  @ApiProperty({ example: 110 })
  loadPct!: number;
}

export class EventWarningView {
  @ApiProperty({
    enum: ['venue_overlap', 'capacity_exceeded', 'capacity_near_limit', 'start_in_past'],
    example: 'capacity_exceeded',
  })
  code!: EventWarningCode;

  @ApiProperty({ enum: ['warning', 'notice'], example: 'warning' })
  severity!: 'warning' | 'notice';

  @ApiProperty({
    example:
      'Expected visitors exceed the daily carrying capacity of 天门山 (30000) on 2022-09-24: 33000 (110 %)',
  })
  message!: string;

  @ApiProperty({ type: [String], description: 'The other events involved.' })
  relatedIds!: string[];

  @ApiProperty({ description: 'Approval needs `override: { reason }`.' })
  requiresOverride!: boolean;

  @ApiPropertyOptional({ type: [CapacityDayView] })
  days?: CapacityDayView[];
}
