import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { mapPage } from '../common/http/pagination.js';
import { CreateVenueDto } from './dto/create-venue.dto.js';
import { ListVenuesQuery } from './dto/list-venues.query.js';
import { UpdateVenueDto } from './dto/update-venue.dto.js';
import { VenuePage, VenueView } from './dto/venue.view.js';
import { VenuesService } from './venues.service.js';
import { ApiController } from '../common/http/api-controller.js';
import { Venue } from './venue.entity.js';
import { Versioned } from '../common/http/versioned.js';

@Versioned({ entity: Venue, what: 'Venue' })
@ApiController('venues', 'venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post()
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Register a scenic area or event site with its carrying capacity' })
  @ApiCreatedResponse({ type: VenueView })
  @ApiConflictResponse({ description: 'The Chinese name is taken', type: ErrorBody })
  async create(@Body() dto: CreateVenueDto): Promise<VenueView> {
    return VenueView.of(await this.venues.create(dto));
  }

  @Get()
  @Allow()
  @ApiOperation({ summary: 'List venues, filtered by kind or text' })
  @ApiOkResponse({ type: VenuePage })
  async list(@Query() query: ListVenuesQuery): Promise<VenuePage> {
    return mapPage(await this.venues.list(query), (v) => VenueView.of(v));
  }

  @Get(':id')
  @Allow()
  @ApiOperation({ summary: 'One venue' })
  @ApiOkResponse({ type: VenueView })
  @ApiNotFoundResponse({ description: 'No such venue', type: ErrorBody })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<VenueView> {
    return VenueView.of(await this.venues.get(id));
  }

  @Patch(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Change a venue (optional figures may be set to null)' })
  @ApiOkResponse({ type: VenueView })
  @ApiNotFoundResponse({ description: 'No such venue', type: ErrorBody })
  @ApiConflictResponse({ description: 'The Chinese name is taken', type: ErrorBody })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateVenueDto): Promise<VenueView> {
    return VenueView.of(await this.venues.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Delete a venue that no event uses' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such venue', type: ErrorBody })
  @ApiConflictResponse({ description: 'Events use the venue', type: ErrorBody })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.venues.remove(id);
  }
}
