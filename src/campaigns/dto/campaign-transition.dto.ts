import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CompleteCampaignDto {
  @ApiProperty({ example: 2850000, description: 'What the campaign actually cost, yuan.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  actualSpendYuan!: number;

  @ApiPropertyOptional({ example: 98000, description: 'Measured extra visitors, if known.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  actualIncrementalVisitors?: number;

  @ApiPropertyOptional({ example: 75000000, description: 'Measured extra revenue, yuan, if known.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  actualIncrementalRevenueYuan?: number;
}

export class CancelCampaignDto {
  @ApiPropertyOptional({ example: '疫情防控要求暂停跨省团队游 (cross-province group tours suspended)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
