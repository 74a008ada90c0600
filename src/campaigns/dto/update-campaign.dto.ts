import { PartialType } from '@nestjs/swagger';
import { CreateCampaignDto } from './create-campaign.dto.js';

/** Any subset of the plan; allowed while the campaign is draft, scheduled or active. */
export class UpdateCampaignDto extends PartialType(CreateCampaignDto) {}

export const CAMPAIGN_REQUIRED_FIELDS = [
  'name',
  'channel',
  'budgetYuan',
  'startDate',
  'endDate',
  'targetMarkets',
  'responsibleUnit',
  'eventIds',
] as const;
