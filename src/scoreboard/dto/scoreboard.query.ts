import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { GroupBy } from '../scoreboard-math.js';

export const GROUP_BY = ['unit', 'organization', 'channel'] as const;

export class ScoreboardQuery {
  @ApiProperty({ example: 2022, description: 'Campaigns and events that start in this year.' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: GROUP_BY, default: 'unit' })
  @IsOptional()
  @IsIn(GROUP_BY)
  by?: GroupBy;
}
