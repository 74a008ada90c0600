import { useSession, type Role, type User } from '../auth/session';

/** The signed-in user (pages render only inside the signed-in layout, so it is there). */
export function useCurrentUser(): User | undefined {
  return useSession().data?.user;
}

/** Whether the signed-in user has one of `roles`: buttons a role may not use are not shown. */
export function useHasRole(roles: readonly Role[]): boolean {
  const user = useCurrentUser();
  return !!user && roles.includes(user.role);
}
