import type { Schemas } from '../common/api/client';

export type ProjectionStatus = NonNullable<Schemas['ProjectionProgressView']['status']>;

/** The tag colour of a projection's status, wherever one is shown. */
export const PROJECTION_STATUS_COLOR: Record<ProjectionStatus, string> = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
};
