import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignFundingController } from './campaign-funding.controller.js';
import { FundAllocation } from './fund-allocation.entity.js';
import { FundAllocationsController } from './fund-allocations.controller.js';
import { FundAllocationsService } from './fund-allocations.service.js';
import { FundLedger } from './fund-ledger.js';
import { Fund } from './fund.entity.js';
import { FundsController } from './funds.controller.js';
import { FundsService } from './funds.service.js';

/** Pooled marketing funds and their allocations to campaigns (/api/v1/funds). */
@Module({
  imports: [TypeOrmModule.forFeature([Fund, FundAllocation])],
  controllers: [FundsController, FundAllocationsController, CampaignFundingController],
  providers: [FundsService, FundAllocationsService, FundLedger],
  exports: [FundLedger],
})
export class FundsModule {}
