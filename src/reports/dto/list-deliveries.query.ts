import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { DELIVERY_STATES, type DeliveryState } from '../delivery/report-delivery.entity.js';
import { WEEK_KEY_PATTERN } from '../report-week.js';

export class ListDeliveriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '2022-W14', description: 'ISO week; default: the week just ended' })
  @IsOptional()
  @Matches(WEEK_KEY_PATTERN, { message: 'week must be an ISO week such as 2022-W14' })
  week?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;
}
