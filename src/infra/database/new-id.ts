import { randomUUID } from 'node:crypto';

/** Primary keys are UUIDs made by the application, so both databases store them as varchar(36). */
export const newId = (): string => randomUUID();
