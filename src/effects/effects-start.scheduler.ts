import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EffectsQueue } from './effects-queue.js';

/**
 * Worker side: queues one refresh at start, so effects whose inputs changed while no worker ran
 * (or while Redis was down, or rows written by the demo seed) are measured.
 */
@Injectable()
export class EffectsStartScheduler implements OnApplicationBootstrap {
  constructor(private readonly queue: EffectsQueue) {}

  onApplicationBootstrap(): void {
    void this.queue.enqueue('start', false);
  }
}
