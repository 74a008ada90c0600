import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report-subscription.entity.js';

export class ListReportSubscriptionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage;

  @ApiPropertyOptional({ description: 'Text in the address or the name', example: 'zjj.gov.cn' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
