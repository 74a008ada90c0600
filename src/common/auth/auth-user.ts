import type { Role } from '../../users/role.js';

/** Who is calling: attached to the request by the auth guard. */
export interface AuthUser {
  id: string;
  name: string;
  role: Role;
  organizationId: string | null;
  /** How the request was authenticated: an API token or the console's session cookie. */
  via?: 'token' | 'session';
}

/** Planners and admins see every organization's data; organizers see their own. */
export const seesAllOrganizations = (user: AuthUser): boolean => user.role !== 'organizer';
