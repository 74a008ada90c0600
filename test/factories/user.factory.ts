import type { INestApplicationContext } from '@nestjs/common';
import { OrganizationsService } from '../../src/organizations/organizations.service.js';
import type { OrganizationKind } from '../../src/organizations/organization.entity.js';
import type { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';

let counter = 0;

export interface TestUser {
  id: string;
  role: Role;
  organizationId: string | null;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  auth: { Authorization: string };
}

export async function createOrganization(
  app: INestApplicationContext,
  kind: OrganizationKind = 'scenic_area_operator',
) {
  return app.get(OrganizationsService).create({ name: `Org ${++counter} ${Date.now()}`, kind });
}

/** A user of the role, with a fresh token; organizers get a new organization unless given one. */
export async function createUser(
  app: INestApplicationContext,
  role: Role,
  organizationId?: string,
): Promise<TestUser> {
  const orgId = organizationId ?? (role === 'organizer' ? (await createOrganization(app)).id : undefined);
  const { user, token } = await app
    .get(UsersService)
    .create({ name: `${role} ${++counter}`, role, organizationId: orgId });
  return {
    id: user.id,
    role,
    organizationId: user.organizationId,
    token,
    auth: { Authorization: `Bearer ${token}` },
  };
}
