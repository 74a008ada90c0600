import { Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { AllocationView } from './dto/fund.view.js';
import { FundAllocationsService } from './fund-allocations.service.js';
import { ApiController } from '../common/http/api-controller.js';

class CampaignFundingView {
  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({
    example: 3500000,
    description: 'The campaign’s budget: the sum of its allocations once it has any.',
  })
  budgetYuan!: number;

  @ApiProperty({ example: 3500000 })
  allocatedYuan!: number;

  @ApiProperty({ type: [AllocationView] })
  allocations!: AllocationView[];
}

@ApiController('funds', 'campaigns')
export class CampaignFundingController {
  constructor(private readonly allocations: FundAllocationsService) {}

  @Get(':id/funding')
  @Allow()
  @ApiOperation({ summary: 'The funds a campaign draws on' })
  @ApiOkResponse({ type: CampaignFundingView })
  @ApiNotFoundResponse({ description: 'No such campaign', type: ErrorBody })
  funding(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignFundingView> {
    return this.allocations.campaignFunding(id);
  }
}
