import { PartialType } from '@nestjs/swagger';
import { CreateReportSubscriptionDto } from './create-report-subscription.dto.js';

/** Any subset of the fields; `targetIds: null` means every target again. */
export class UpdateReportSubscriptionDto extends PartialType(CreateReportSubscriptionDto) {}

export const SUBSCRIPTION_REQUIRED_FIELDS = ['email', 'displayName', 'language', 'active'] as const;
