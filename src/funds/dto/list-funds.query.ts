import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { FUND_KINDS, type FundKind } from '../fund-kinds.js';

/** Filters shared by the list and the CSV export. */
export class FundFilterQuery {
  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: FUND_KINDS })
  @IsOptional()
  @IsIn(FUND_KINDS)
  kind?: FundKind;

  @ApiPropertyOptional({ example: '市财政局', description: 'Exact responsible unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  responsibleUnit?: string;
}

export class ListFundsQuery extends IntersectionType(FundFilterQuery, PageQueryDto) {}
