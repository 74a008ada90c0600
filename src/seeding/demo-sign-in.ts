import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seeds/organizations.seed.js';
import { verifyPassword } from '../common/auth/password.js';
import type { Role } from '../users/role.js';
import { User } from '../users/user.entity.js';

export interface DemoAccount {
  email: string;
  role: Role;
}

/**
 * The demo accounts to print at start: while the demo users exist and none of them has ever
 * signed in, those whose password is still the demo password. Null otherwise.
 */
export async function demoSignIn(
  dataSource: DataSource,
): Promise<{ password: string; accounts: DemoAccount[] } | null> {
  const emails = DEMO_USERS.map((u) => u.email);
  const users = await dataSource
    .getRepository(User)
    .createQueryBuilder('u')
    .select(['u.id', 'u.email', 'u.role', 'u.lastSignInAt'])
    .addSelect('u.passwordHash')
    .where('u.email IN (:...emails)', { emails })
    .getMany();
  if (!users.length || users.some((u) => u.lastSignInAt)) return null;
  const accounts: DemoAccount[] = [];
  for (const email of emails) {
    const user = users.find((u) => u.email === email);
    if (user?.passwordHash && (await verifyPassword(user.passwordHash, DEMO_PASSWORD))) {
      accounts.push({ email, role: user.role });
    }
  }
  return accounts.length ? { password: DEMO_PASSWORD, accounts } : null;
}
