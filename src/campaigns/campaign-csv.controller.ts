import { Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { attachment } from '../common/http/csv.js';
import { CampaignExportService } from './campaign-export.service.js';
import { CampaignFilterQuery } from './dto/list-campaigns.query.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('campaigns', 'campaigns')
export class CampaignCsvController {
  constructor(private readonly exports: CampaignExportService) {}

  @Get('export.csv')
  @Allow()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', attachment('campaigns.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Campaigns, with the list filters, as CSV (UTF-8 with BOM, for Excel)' })
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  exportCsv(@Query() filter: CampaignFilterQuery): Promise<string> {
    return this.exports.csv(filter);
  }
}
