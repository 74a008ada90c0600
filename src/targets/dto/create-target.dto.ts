import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { METRICS, SCOPES, type Metric, type Scope } from '../../actuals/metric.js';

export class CreateTargetDto {
  @ApiProperty({ example: 2022, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: METRICS, example: 'visitors' })
  @IsIn(METRICS)
  metric!: Metric;

  @ApiProperty({ enum: SCOPES, example: 'city', description: '`venue` needs `venueId`.' })
  @IsIn(SCOPES)
  scope!: Scope;

  @ApiPropertyOptional({ format: 'uuid', description: 'The venue of a venue-scoped target.' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  venueId?: string;

  @ApiProperty({ example: 2021, description: 'The year the growth is measured against (before `year`).' })
  @IsInt()
  @Min(1990)
  @Max(2099)
  baselineYear!: number;

  @ApiProperty({ example: 0.3, description: '0.30 means +30 % over the baseline year (at least that).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-0.99)
  @Max(10)
  growthRate!: number;

  @ApiPropertyOptional({
    example: 23_400_000,
    description:
      'The yearly total, only when the baseline year has no complete daily actuals for this metric and scope. Otherwise the total is computed: the baseline year’s actuals × (1 + growthRate).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  targetTotal?: number;

  @ApiPropertyOptional({ example: '2022 government work report: growth of 30 % or more', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
