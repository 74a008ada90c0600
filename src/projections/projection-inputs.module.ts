import { Global, Module } from '@nestjs/common';
import { ProjectionInputs } from './projection-inputs.js';

/** Global so that every feature can report changes without importing the projections module. */
@Global()
@Module({ providers: [ProjectionInputs], exports: [ProjectionInputs] })
export class ProjectionInputsModule {}
