import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { ApiController } from '../common/http/api-controller.js';
import { PageQueryDto } from '../common/http/pagination.js';
import { CreateAllocationDto, UpdateAllocationDto } from './dto/allocation.dto.js';
import { AllocationPage, AllocationView } from './dto/fund.view.js';
import { FundAllocationsService } from './fund-allocations.service.js';

const OVER =
  'Over-allocating is refused with 409 `fund_over_allocated`, naming the fund, its amount, what is allocated and what was asked; concurrent requests are serialised per fund, so the sum never exceeds the amount.';

/**
 * A fund's allocations to campaigns (/funds/:id/allocations). Apart from FundsController: these
 * writes change the allocations, not the fund, so the fund's version (If-Match) is not theirs.
 */
@ApiController('funds', 'funds')
@ApiNotFoundResponse({ description: 'No such fund, allocation or campaign', type: ErrorBody })
export class FundAllocationsController {
  constructor(private readonly allocations: FundAllocationsService) {}

  @Get(':id/allocations')
  @Allow()
  @ApiOperation({ summary: 'The fund’s allocations to campaigns' })
  @ApiOkResponse({ type: AllocationPage })
  listAllocations(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<AllocationPage> {
    return this.allocations.list(id, query);
  }

  @Post(':id/allocations')
  @Allow('admin', 'planner')
  @ApiOperation({
    summary:
      'Allocate money of the fund to a campaign; the campaign’s budget becomes the sum of its allocations',
    description: `${OVER} A campaign that is completed or cancelled cannot get new money (409 \`campaign_closed\`); one allocation per fund and campaign (409 \`allocation_exists\`: change its amount); the campaign must run in the fund’s year (422 \`fund_year_mismatch\`).`,
  })
  @ApiCreatedResponse({ type: AllocationView })
  @ApiConflictResponse({
    description: 'Over-allocation, an existing allocation or a closed campaign',
    type: ErrorBody,
  })
  @ApiUnprocessableEntityResponse({
    description: 'The campaign does not run in the fund’s year',
    type: ErrorBody,
  })
  allocate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAllocationDto,
  ): Promise<AllocationView> {
    return this.allocations.allocate(id, dto);
  }

  @Patch(':id/allocations/:allocationId')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Change an allocation’s amount or note', description: OVER })
  @ApiOkResponse({ type: AllocationView })
  @ApiConflictResponse({ description: 'Over-allocation or a closed campaign', type: ErrorBody })
  updateAllocation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('allocationId', ParseUUIDPipe) allocationId: string,
    @Body() dto: UpdateAllocationDto,
  ): Promise<AllocationView> {
    return this.allocations.update(id, allocationId, dto);
  }

  @Delete(':id/allocations/:allocationId')
  @HttpCode(204)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Remove an allocation (not of a completed or cancelled campaign)' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeAllocation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('allocationId', ParseUUIDPipe) allocationId: string,
  ): Promise<void> {
    await this.allocations.remove(id, allocationId);
  }
}
