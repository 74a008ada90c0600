import { Platform1764300000000 } from './1764300000000-platform.js';

/** Every migration, oldest first. A feature adds its migration here. */
export const MIGRATIONS = [Platform1764300000000];
