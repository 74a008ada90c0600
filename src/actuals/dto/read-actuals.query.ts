import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';
import { METRICS, type Metric } from '../metric.js';
import { SCOPE_DOC } from './put-actual.dto.js';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export class ReadActualsQuery {
  @ApiProperty({ enum: METRICS, example: 'visitors' })
  @IsIn(METRICS)
  metric!: Metric;

  @ApiPropertyOptional({ format: 'uuid', description: SCOPE_DOC })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  venueId?: string;

  @ApiProperty({ example: '2022-01-01' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2022-04-10' })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'day',
    description: 'day, ISO week (Monday first, `2022-W05`) or month (`2022-02`); periods are cut at from/to.',
  })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}
