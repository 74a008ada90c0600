import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
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

export const TEST_PASSWORD = 'test-password-123';

/** A user of the role with an email and a console password (and an API token, as any user). */
export async function createUserWithPassword(
  app: INestApplicationContext,
  role: Role,
  options: { organizationId?: string; password?: string; email?: string } = {},
): Promise<TestUser & { email: string; password: string }> {
  const orgId =
    options.organizationId ?? (role === 'organizer' ? (await createOrganization(app)).id : undefined);
  const n = ++counter;
  const email = options.email ?? `${role}-${n}-${Date.now()}@test.example`;
  const password = options.password ?? TEST_PASSWORD;
  const { user, token } = await app
    .get(UsersService)
    .create({ name: `${role} ${n}`, role, organizationId: orgId, email }, { password });
  return {
    id: user.id,
    role,
    organizationId: user.organizationId,
    token,
    auth: { Authorization: `Bearer ${token}` },
    email,
    password,
  };
}

export interface SignedInAgent {
  /** A supertest agent that keeps the session cookie. */
  agent: TestAgent;
  /** The session's CSRF token; send it as `X-CSRF-Token` on every write (see `csrf`). */
  csrfToken: string;
  /** `{ 'X-CSRF-Token': … }` for supertest's `.set()`. */
  csrf: { 'X-CSRF-Token': string };
  /** The raw `planner_session=…` pair, for clients without a cookie jar. */
  cookie: string;
  user: TestUser & { email: string; password: string };
}

/**
 * A user of the role signed in to the console over HTTP: an agent carrying the session cookie,
 * and the CSRF token its writes need. `app` is the Nest application the tests started.
 */
export async function signedInAgent(
  app: INestApplication,
  role: Role,
  options: { organizationId?: string } = {},
): Promise<SignedInAgent> {
  const user = await createUserWithPassword(app, role, options);
  return signInAgent(app, user);
}

/** Signs an existing user with a password in to the console (see {@link signedInAgent}). */
export async function signInAgent<U extends { email: string; password: string }>(
  app: INestApplication,
  user: U,
): Promise<Omit<SignedInAgent, 'user'> & { user: U }> {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`Sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('planner_session='));
  if (!cookie) throw new Error('Sign-in set no planner_session cookie');
  const csrfToken = res.body.csrfToken as string;
  return { agent, csrfToken, csrf: { 'X-CSRF-Token': csrfToken }, cookie, user };
}
