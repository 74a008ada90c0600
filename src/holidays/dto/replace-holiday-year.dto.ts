import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { NestedObject } from '../../common/http/nested-object.js';
import { HolidayDayDto } from './holiday-day.dto.js';

export class ReplaceHolidayYearDto {
  @ApiProperty({
    type: [HolidayDayDto],
    description:
      'Every added day of the year; the year’s earlier added days are replaced. Empty removes them.',
    example: [
      { date: '2027-02-05', kind: 'holiday', holiday: 'spring_festival' },
      { date: '2027-01-31', kind: 'workday', holiday: 'spring_festival' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @NestedObject(() => HolidayDayDto, { each: true })
  days!: HolidayDayDto[];
}
