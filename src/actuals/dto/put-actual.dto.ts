import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';
import { MAX_NOTE_LENGTH, MAX_SOURCE_LENGTH } from '../actual-rows.js';
import { METRICS, type Metric } from '../metric.js';

export const SCOPE_DOC =
  'Leave `venueId` out for the city. City figures are the authoritative city-wide total (all arrivals, all tourism revenue), recorded on their own; venue figures are visits to, or revenue of, that venue. Venue figures are never summed into the city: one visitor can visit several venues on one trip.';

/** One daily figure; the same (date, metric, scope) again replaces it. */
export class PutActualDto {
  @ApiProperty({ example: '2022-04-01', description: 'Local date (Asia/Shanghai), not in the future.' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ enum: METRICS, example: 'visitors', description: 'visitors (人次) or revenue (yuan).' })
  @IsIn(METRICS)
  metric!: Metric;

  @ApiPropertyOptional({ format: 'uuid', description: SCOPE_DOC })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  venueId?: string;

  @ApiProperty({ example: 41250, minimum: 0, description: 'Visitors, or yuan: a whole number.' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  @ApiProperty({ example: 'bureau-daily-report', maxLength: MAX_SOURCE_LENGTH })
  @IsString()
  @Length(1, MAX_SOURCE_LENGTH)
  source!: string;

  @ApiPropertyOptional({ example: 'Corrected after the ticketing audit', maxLength: MAX_NOTE_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_NOTE_LENGTH)
  note?: string;
}
