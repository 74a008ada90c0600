import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../../seeds/organizations.seed.js';
import { hashPassword } from '../common/auth/password.js';
import type { TokenService } from '../common/auth/token.service.js';
import { newId } from '../infra/database/new-id.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Role } from '../users/role.js';
import { User } from '../users/user.entity.js';

export interface SeededUser {
  name: string;
  email: string;
  role: Role;
  token: string;
}

/** A step of the demo seed that a feature contributes (venues, campaigns, actuals...). */
export type SeedStep = (
  manager: EntityManager,
  ids: { organizations: Record<string, string> },
) => Promise<void>;

const logger = new Logger('Seed');

/**
 * Loads the demo data into an empty database (no users yet), in one transaction, and returns the
 * demo users with their fresh tokens. Returns null when the database already has users. With
 * `demoPassword` (development only) every demo user can sign in to the console with it.
 */
export async function seedDemo(
  dataSource: DataSource,
  tokens: TokenService,
  steps: SeedStep[] = [],
  options: { demoPassword?: string | null } = {},
): Promise<SeededUser[] | null> {
  if ((await dataSource.getRepository(User).count()) > 0) return null;
  const passwordHashes = options.demoPassword
    ? await Promise.all(DEMO_USERS.map(() => hashPassword(options.demoPassword!)))
    : null;
  const seeded = await dataSource.transaction(async (manager) => {
    const organizations: Record<string, string> = {};
    for (const o of DEMO_ORGANIZATIONS) {
      organizations[o.key] = newId();
      await manager.insert(Organization, { id: organizations[o.key], name: o.name, kind: o.kind });
    }
    const users: SeededUser[] = [];
    for (const [i, u] of DEMO_USERS.entries()) {
      const id = newId();
      await manager.insert(User, {
        id,
        name: u.name,
        email: u.email,
        role: u.role,
        organizationId: u.organization ? organizations[u.organization] : null,
        passwordHash: passwordHashes?.[i] ?? null,
        passwordSetAt: passwordHashes ? new Date() : null,
      });
      users.push({
        name: u.name,
        email: u.email,
        role: u.role,
        token: (await tokens.issue(id, 'api', manager)).token,
      });
    }
    for (const step of steps) await step(manager, { organizations });
    return users;
  });
  logger.log(`Loaded the demo data: ${DEMO_ORGANIZATIONS.length} organizations, ${DEMO_USERS.length} users`);
  return seeded;
}
