import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { WEEK_KEY_PATTERN } from '../report-week.js';
import { REPORT_LANGUAGES, type ReportLanguage } from '../subscriptions/report-subscription.entity.js';

export const PREVIEW_FORMATS = ['html', 'text', 'json'] as const;
export type PreviewFormat = (typeof PREVIEW_FORMATS)[number];

export class PreviewReportQuery {
  @ApiPropertyOptional({ example: '2022-W14', description: 'ISO week; default: the week just ended' })
  @IsOptional()
  @Matches(WEEK_KEY_PATTERN, { message: 'week must be an ISO week such as 2022-W14' })
  week?: string;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;

  @ApiPropertyOptional({ enum: PREVIEW_FORMATS, default: 'html' })
  @IsOptional()
  @IsIn(PREVIEW_FORMATS)
  format?: PreviewFormat;
}
