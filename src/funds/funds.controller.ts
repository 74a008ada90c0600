import {
  Body,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { attachment } from '../common/http/csv.js';
import { PageQueryDto } from '../common/http/pagination.js';
import { CreateAllocationDto, UpdateAllocationDto } from './dto/allocation.dto.js';
import { CreateFundDto } from './dto/create-fund.dto.js';
import { AllocationPage, AllocationView, FundPage, FundView } from './dto/fund.view.js';
import { FundFilterQuery, ListFundsQuery } from './dto/list-funds.query.js';
import { UpdateFundDto } from './dto/update-fund.dto.js';
import { FundAllocationsService } from './fund-allocations.service.js';
import { FundsService } from './funds.service.js';
import { ApiController } from '../common/http/api-controller.js';

const OVER =
  'Over-allocating is refused with 409 `fund_over_allocated`, naming the fund, its amount, what is allocated and what was asked; concurrent requests are serialised per fund, so the sum never exceeds the amount.';

@ApiController('funds', 'funds')
@ApiNotFoundResponse({ description: 'No such fund, allocation or campaign', type: ErrorBody })
export class FundsController {
  constructor(
    private readonly funds: FundsService,
    private readonly allocations: FundAllocationsService,
  ) {}

  @Post()
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Record a fund (a pool of marketing money of one year)' })
  @ApiCreatedResponse({ type: FundView })
  create(@Body() dto: CreateFundDto, @CurrentUser() user: AuthUser): Promise<FundView> {
    return this.funds.create(dto, user);
  }

  @Get()
  @Allow()
  @ApiOperation({ summary: 'Funds with allocated, spent (pro rata of completed campaigns) and remaining' })
  @ApiOkResponse({ type: FundPage })
  list(@Query() query: ListFundsQuery): Promise<FundPage> {
    return this.funds.list(query);
  }

  @Get('export.csv')
  @Allow()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', attachment('funds.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Funds with their figures as CSV (UTF-8 with BOM, for Excel)' })
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  exportCsv(@Query() filter: FundFilterQuery): Promise<string> {
    return this.funds.csv(filter);
  }

  @Get(':id')
  @Allow()
  @ApiOperation({ summary: 'One fund with its figures' })
  @ApiOkResponse({ type: FundView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<FundView> {
    return this.funds.get(id);
  }

  @Patch(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Change a fund; its amount cannot go below what is allocated (409)' })
  @ApiOkResponse({ type: FundView })
  @ApiConflictResponse({ description: 'The new amount is below the allocated sum', type: ErrorBody })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateFundDto): Promise<FundView> {
    return this.funds.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Delete a fund without allocations' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The fund has allocations', type: ErrorBody })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.funds.remove(id);
  }

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
