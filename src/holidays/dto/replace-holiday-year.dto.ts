import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
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
  @ValidateNested({ each: true })
  @Type(() => HolidayDayDto)
  days!: HolidayDayDto[];
}
