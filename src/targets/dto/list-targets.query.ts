import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { METRICS, SCOPES, type Metric, type Scope } from '../../actuals/metric.js';
import { PageQueryDto } from '../../common/http/pagination.js';

/** Filters and the page window (`limit`, `offset`) of `GET /targets`. */
export class ListTargetsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: METRICS })
  @IsOptional()
  @IsIn(METRICS)
  metric?: Metric;

  @ApiPropertyOptional({ enum: SCOPES })
  @IsOptional()
  @IsIn(SCOPES)
  scope?: Scope;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  venueId?: string;
}
