import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Event } from '../events/event.entity.js';
import { CampaignCsvController } from './campaign-csv.controller.js';
import { CampaignExportService } from './campaign-export.service.js';
import { CampaignLinksService } from './campaign-links.service.js';
import { CampaignWorkflowService } from './campaign-workflow.service.js';
import { Campaign } from './campaign.entity.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

@Module({
  imports: [ProjectionInputsModule, TypeOrmModule.forFeature([Campaign, Event])],
  controllers: [CampaignCsvController, CampaignsController],
  providers: [CampaignsService, CampaignWorkflowService, CampaignLinksService, CampaignExportService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
