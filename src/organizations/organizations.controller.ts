import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser, Owned } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { OrganizationView } from './dto/organization.view.js';
import { UpdateOrganizationDto } from './dto/update-organization.dto.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { ApiController } from '../common/http/api-controller.js';
import { Versioned } from '../common/http/versioned.js';

@Versioned({ entity: Organization, what: 'Organization' })
@ApiController('organizations', 'organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create an organization (an event organizer or a responsible unit)' })
  @ApiCreatedResponse({ type: OrganizationView })
  @ApiConflictResponse({ description: 'The name is taken', type: ErrorBody })
  async create(@Body() dto: CreateOrganizationDto): Promise<OrganizationView> {
    return OrganizationView.of(await this.organizations.create(dto));
  }

  @Get()
  @Allow()
  @ApiOperation({ summary: 'List organizations (organizers see only their own)' })
  @ApiOkResponse({ type: [OrganizationView] })
  async list(@CurrentUser() user: AuthUser): Promise<OrganizationView[]> {
    return (await this.organizations.list(user)).map((o) => OrganizationView.of(o));
  }

  @Get(':id')
  @Allow()
  @Owned({ entity: Organization, what: 'Organization', organizationField: 'id' })
  @ApiOperation({ summary: 'One organization' })
  @ApiOkResponse({ type: OrganizationView })
  async get(@Param('id') id: string): Promise<OrganizationView> {
    return OrganizationView.of(await this.organizations.get(id));
  }

  @Patch(':id')
  @Allow('admin')
  @ApiOperation({
    summary: 'Rename an organization or change its kind (the new name shows wherever it is named)',
  })
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse({ description: 'No such organization', type: ErrorBody })
  @ApiConflictResponse({ description: 'The name is taken (names it)', type: ErrorBody })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    return OrganizationView.of(await this.organizations.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin')
  @ApiOperation({ summary: 'Delete an organization that no user, event or campaign refers to' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such organization', type: ErrorBody })
  @ApiConflictResponse({
    description:
      'Users, events or campaigns (as their responsible unit) still refer to it: the message names them with counts, details.users, details.events, details.campaigns',
    type: ErrorBody,
  })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.organizations.remove(id);
  }
}
