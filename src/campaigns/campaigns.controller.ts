import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { Versioned } from '../common/http/versioned.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { mapPage } from '../common/http/pagination.js';
import { CampaignWorkflowService } from './campaign-workflow.service.js';
import { Campaign } from './campaign.entity.js';
import { CampaignsService, type LoadedCampaign } from './campaigns.service.js';
import { CancelCampaignDto, CompleteCampaignDto } from './dto/campaign-transition.dto.js';
import { CampaignPage, CampaignView } from './dto/campaign.view.js';
import { CreateCampaignDto } from './dto/create-campaign.dto.js';
import { ListCampaignsQuery } from './dto/list-campaigns.query.js';
import { UpdateCampaignDto } from './dto/update-campaign.dto.js';
import { ApiController } from '../common/http/api-controller.js';

const view = (l: LoadedCampaign) => CampaignView.of(l.campaign, l.linkedEventIds);

@Versioned({ entity: Campaign, what: 'Campaign' })
@ApiController('campaigns', 'campaigns')
@ApiNotFoundResponse({
  description: 'No such campaign (or a referenced event or organization)',
  type: ErrorBody,
})
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly workflow: CampaignWorkflowService,
  ) {}

  @Post()
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Plan a marketing campaign (created as draft)' })
  @ApiCreatedResponse({ type: CampaignView })
  async create(@Body() dto: CreateCampaignDto, @CurrentUser() user: AuthUser): Promise<CampaignView> {
    return view(await this.campaigns.create(dto, user));
  }

  @Get()
  @Allow()
  @ApiOperation({ summary: 'List campaigns by channel, status, responsible unit, date overlap and text' })
  @ApiOkResponse({ type: CampaignPage })
  async list(@Query() query: ListCampaignsQuery, @CurrentUser() user: AuthUser): Promise<CampaignPage> {
    return mapPage(await this.campaigns.list(query, user), view);
  }

  @Get(':id')
  @Allow()
  @ApiOperation({ summary: 'One campaign' })
  @ApiOkResponse({ type: CampaignView })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CampaignView> {
    return view(await this.campaigns.get(id, user));
  }

  @Patch(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Change the plan of a draft, scheduled or active campaign' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'The campaign is completed or cancelled', type: ErrorBody })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCampaignDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CampaignView> {
    return view(await this.campaigns.update(id, dto, user));
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Delete a draft campaign (others are cancelled instead)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The campaign is not a draft', type: ErrorBody })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.campaigns.remove(id);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'draft -> scheduled' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({
    description: 'Not allowed from the current state (names both states)',
    type: ErrorBody,
  })
  async schedule(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CampaignView> {
    return view(await this.workflow.schedule(id, user));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'scheduled -> active' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({
    description: 'Not allowed from the current state (names both states)',
    type: ErrorBody,
  })
  async activate(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CampaignView> {
    return view(await this.workflow.activate(id, user));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: 'active -> completed, recording the actual spend (and measured effect, if known)',
  })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({
    description: 'Not allowed from the current state (names both states)',
    type: ErrorBody,
  })
  async complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteCampaignDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CampaignView> {
    return view(await this.workflow.complete(id, dto, user));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'draft, scheduled or active -> cancelled' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'Already completed or cancelled', type: ErrorBody })
  async cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelCampaignDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CampaignView> {
    return view(await this.workflow.cancel(id, dto, user));
  }
}
