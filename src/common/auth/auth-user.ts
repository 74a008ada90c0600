import type { Role } from '../../users/role.js';

/** Who is calling: attached to the request by the auth guard. */
export interface AuthUser {
  id: string;
  name: string;
  role: Role;
  organizationId: string | null;
}

/** Planners and admins see every organization's data; organizers see their own. */
export const seesAllOrganizations = (user: AuthUser): boolean => user.role !== 'organizer';
