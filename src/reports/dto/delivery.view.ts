import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_STATES,
  type DeliveryState,
  type ReportDelivery,
} from '../delivery/report-delivery.entity.js';

export class DeliveryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId!: string;

  @ApiProperty({ example: '2022-W14' })
  week!: string;

  @ApiProperty({ example: 'wang.fang@zjj.gov.cn', nullable: true, type: String })
  recipient!: string | null;

  @ApiProperty({ enum: DELIVERY_STATES, example: 'sent' })
  state!: DeliveryState;

  @ApiProperty({ example: false, description: 'With failed: a permanent refusal (5xx), not retried' })
  permanent!: boolean;

  @ApiProperty({
    example: 1,
    description:
      'Attempts that claimed the delivery; above 1 it was retried or taken over from a stopped worker, always with the same Message-ID (lastError says why)',
  })
  attempts!: number;

  @ApiProperty({ nullable: true, type: String, example: null })
  lastError!: string | null;

  @ApiProperty({ example: '<2022-W14.3f0c2b7e-9a51-4c1e-8d2a-0b6f4e1c9d77@planner.local>' })
  messageId!: string;

  @ApiProperty({
    nullable: true,
    type: Boolean,
    example: true,
    description:
      'With sent: true once the server accepted the message (false only on rows left by earlier versions, which are sent again)',
  })
  confirmed!: boolean | null;

  @ApiProperty({ nullable: true, type: String, example: '250 2.0.0 Ok: queued as 4F2A1' })
  smtpResponse!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  sentAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(d: ReportDelivery): DeliveryView {
    return {
      id: d.id,
      subscriptionId: d.subscriptionId,
      week: d.week,
      recipient: d.recipient ?? d.subscription?.email ?? null,
      state: d.state,
      permanent: d.permanent,
      attempts: d.attempts,
      lastError: d.lastError,
      messageId: d.messageId,
      confirmed: d.confirmed,
      smtpResponse: d.smtpResponse,
      sentAt: d.sentAt?.toISOString() ?? null,
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

export class DeliverySummary {
  @ApiProperty({ example: 0 }) pending!: number;
  @ApiProperty({ example: 0 }) sending!: number;
  @ApiProperty({ example: 118 }) sent!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ example: 2 }) skipped!: number;
}

export class DeliveryPage {
  @ApiProperty({ example: '2022-W14' })
  week!: string;

  @ApiProperty({ type: DeliverySummary, description: 'Deliveries of the week by state' })
  summary!: DeliverySummary;

  @ApiProperty({ type: [DeliveryView] })
  items!: DeliveryView[];

  @ApiProperty({ example: 121 })
  total!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;
}

export class WeeklySendView {
  @ApiProperty({ example: '2022-W14' })
  week!: string;

  @ApiProperty({ example: '17' })
  jobId!: string;

  @ApiProperty({ example: 'reports' })
  queue!: string;

  @ApiProperty({ example: '/api/v1/jobs/reports/17' })
  statusUrl!: string;

  @ApiProperty({ example: '/api/v1/reports/deliveries?week=2022-W14' })
  deliveriesUrl!: string;
}
