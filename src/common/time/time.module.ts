import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';

/** Provides the {@link Clock} to every module. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class TimeModule {}
