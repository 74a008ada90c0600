import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';

export class TargetPathQuery {
  @ApiPropertyOptional({ example: '2022-01-01', description: 'Default: 1 January of the target year.' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2022-02-28', description: 'Default: 31 December of the target year.' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}
