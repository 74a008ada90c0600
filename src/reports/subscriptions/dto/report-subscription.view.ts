import { ApiProperty } from '@nestjs/swagger';
import { PageView } from '../../../common/http/pagination.js';
import {
  REPORT_LANGUAGES,
  type ReportLanguage,
  type ReportSubscription,
} from '../report-subscription.entity.js';

export class ReportSubscriptionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'wang.fang@zjj.gov.cn' })
  email!: string;

  @ApiProperty({ example: '王芳（市文旅局办公室）' })
  displayName!: string;

  @ApiProperty({ enum: REPORT_LANGUAGES, example: 'zh-CN' })
  language!: ReportLanguage;

  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'null: every target of the week’s report (both years for a week across New Year)',
    example: null,
  })
  targetIds!: string[] | null;

  @ApiProperty({ example: true })
  active!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  unsubscribedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(s: ReportSubscription): ReportSubscriptionView {
    return {
      id: s.id,
      email: s.email,
      displayName: s.displayName,
      language: s.language,
      targetIds: s.targetIds,
      active: s.active,
      unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class ReportSubscriptionPage extends PageView(ReportSubscriptionView) {}
