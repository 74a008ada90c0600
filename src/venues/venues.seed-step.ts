import type { EntityManager } from 'typeorm';
import { DEMO_VENUES } from '../../seeds/venues.seed.js';
import { newId } from '../infra/database/new-id.js';
import { Venue } from './venue.entity.js';

/** Demo seed step: the venues of seeds/venues.seed.ts. */
export async function seedVenues(manager: EntityManager): Promise<void> {
  for (const { key: _key, ...venue } of DEMO_VENUES) {
    await manager.insert(Venue, { id: newId(), ...venue, timeZone: 'Asia/Shanghai' });
  }
}
