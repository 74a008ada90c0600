import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { FUND_KINDS, type FundKind } from '../fund-kinds.js';

export const MAX_FUND_YUAN = 1_000_000_000_000;

export class CreateFundDto {
  @ApiProperty({ example: '2022 年市级旅游营销专项资金', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: FUND_KINDS, example: 'municipal_budget' })
  @IsIn(FUND_KINDS)
  kind!: FundKind;

  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: 30000000, description: 'The whole fund in yuan (integer).' })
  @IsInt()
  @Min(0)
  @Max(MAX_FUND_YUAN)
  amountYuan!: number;

  @ApiProperty({ example: '市财政局', maxLength: 200, description: 'The unit that answers for the fund.' })
  @IsString()
  @Length(1, 200)
  responsibleUnit!: string;

  @ApiPropertyOptional({ type: String, example: 'Illustrative amount', nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
