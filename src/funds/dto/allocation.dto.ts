import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_FUND_YUAN } from './create-fund.dto.js';

export class CreateAllocationDto {
  @ApiProperty({ format: 'uuid', description: 'The campaign that draws on the fund.' })
  @IsUUID()
  campaignId!: string;

  @ApiProperty({ example: 2000000, description: 'Yuan from this fund to the campaign (integer, > 0).' })
  @IsInt()
  @Min(1)
  @Max(MAX_FUND_YUAN)
  amountYuan!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '首期拨付' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

export class UpdateAllocationDto {
  @ApiPropertyOptional({ example: 2500000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FUND_YUAN)
  amountYuan?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
