import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor.js';

/** The maintenance queue's processor: loaded by worker processes only. */
@Module({ providers: [MaintenanceProcessor] })
export class JobsWorkerModule {}
