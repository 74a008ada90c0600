import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';
import { HOLIDAY_DAY_KINDS, HOLIDAY_KEYS, type HolidayDayKind, type HolidayKey } from '../holiday-year.js';

/** A day off or a swapped working day of a named holiday. */
export class HolidayDayDto {
  @ApiProperty({ example: '2027-02-06', description: 'Local date (Asia/Shanghai).' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({
    enum: HOLIDAY_DAY_KINDS,
    example: 'holiday',
    description: '`holiday`: a day off; `workday`: a swapped working day (调休上班) of that holiday.',
  })
  @IsIn(HOLIDAY_DAY_KINDS)
  kind!: HolidayDayKind;

  @ApiProperty({ enum: HOLIDAY_KEYS, example: 'spring_festival' })
  @IsIn(HOLIDAY_KEYS)
  holiday!: HolidayKey;

  @ApiPropertyOptional({
    example: 'Spring Festival (春节)',
    maxLength: 100,
    description: 'Defaults to the holiday’s usual name.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ example: 'State Council notice 国办发明电〔2026〕1号', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
