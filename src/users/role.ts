export const ROLES = ['admin', 'planner', 'organizer', 'viewer'] as const;
/**
 * admin: manages users and everything else; planner: tourism bureau staff who plan campaigns,
 * approve events and set targets; organizer: registers its organization's events; viewer: reads.
 */
export type Role = (typeof ROLES)[number];
