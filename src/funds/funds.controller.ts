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
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { attachment } from '../common/http/csv.js';
import { CreateFundDto } from './dto/create-fund.dto.js';
import { FundPage, FundView } from './dto/fund.view.js';
import { FundFilterQuery, ListFundsQuery } from './dto/list-funds.query.js';
import { UpdateFundDto } from './dto/update-fund.dto.js';
import { FundsService } from './funds.service.js';
import { ApiController } from '../common/http/api-controller.js';
import { Fund } from './fund.entity.js';
import { Versioned } from '../common/http/versioned.js';

@Versioned({ entity: Fund, what: 'Fund' })
@ApiController('funds', 'funds')
@ApiNotFoundResponse({ description: 'No such fund, allocation or campaign', type: ErrorBody })
export class FundsController {
  constructor(private readonly funds: FundsService) {}

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
}
