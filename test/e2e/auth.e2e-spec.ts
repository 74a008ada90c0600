import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { Session } from '../../src/common/auth/session.entity.js';
import { LOOKUP_TRUST_MS } from '../../src/common/auth/trusted-lookups.js';
import { Clock } from '../../src/common/time/clock.js';
import { User } from '../../src/users/user.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import {
  createOrganization,
  createUser,
  createUserWithPassword,
  signedInAgent,
  signInAgent,
  TEST_PASSWORD,
  type SignedInAgent,
  type TestUser,
} from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const SIGN_IN = '/api/v1/auth/sign-in';
let address = 0;
/** A client address of its own (the app trusts X-Forwarded-For here), so limits stay apart. */
const nextAddress = () => `203.0.113.${++address}`;

const cookiesOf = (res: request.Response): string[] =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const sessionCookie = (res: request.Response) => cookiesOf(res).find((c) => c.startsWith('planner_session='));

describe('console sign-in over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      withWorker: false,
      env: {
        TRUST_PROXY: 'true',
        SIGN_IN_ACCOUNT_LIMIT: '5',
        SIGN_IN_ADDRESS_LIMIT: '8',
        SESSION_IDLE_MINUTES: '30',
        SESSION_MAX_DAYS: '2',
        INVITATION_HOURS: '72',
        PUBLIC_URL: 'https://planner.example',
      },
    });
  });
  afterAll(() => t.close());
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('sign-in', () => {
    it('answers the user, a CSRF token and the expiry, and sets a HttpOnly SameSite=Lax cookie', async () => {
      const user = await createUserWithPassword(t.app, 'planner');
      const res = await t.http
        .post(SIGN_IN)
        .set('X-Forwarded-For', nextAddress())
        .send({ email: user.email.toUpperCase(), password: user.password })
        .expect(200);
      expect(res.body.user).toMatchObject({
        id: user.id,
        role: 'planner',
        email: user.email,
        hasPassword: true,
      });
      expect(res.body.csrfToken).toMatch(/^[\w-]{43}$/);
      const expiresIn = Date.parse(res.body.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(29 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatch(/^planner_session=[\w-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
      // Only a hash of the cookie is stored.
      const value = cookie.split(';')[0].split('=')[1];
      const rows = await t.dataSource.getRepository(Session).findBy({ userId: user.id });
      expect(rows).toHaveLength(1);
      expect(rows[0].tokenHash).toBe(createHash('sha256').update(value).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(value);
      // The password's hash is argon2id, and it never leaves the server.
      const stored = await t.dataSource
        .getRepository(User)
        .findOne({ where: { id: user.id }, select: { id: true, passwordHash: true } });
      expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(res.body)).not.toContain('argon2');
    });

    it('answers the same 401 for a wrong password, an unknown email and a user without a password', async () => {
      const user = await createUserWithPassword(t.app, 'viewer');
      const tokenOnly = await createUser(t.app, 'viewer');
      const noPassword = await t.dataSource.getRepository(User).findOneByOrFail({ id: tokenOnly.id });
      await t.dataSource
        .getRepository(User)
        .update(noPassword.id, { email: `nopass-${Date.now()}@test.example` });
      const withoutPassword = (await t.dataSource.getRepository(User).findOneByOrFail({ id: tokenOnly.id }))
        .email!;
      const attempts = [
        { email: user.email, password: 'not-the-password' },
        { email: `nobody-${Date.now()}@test.example`, password: TEST_PASSWORD },
        { email: withoutPassword, password: TEST_PASSWORD },
        { email: withoutPassword, password: '' },
      ];
      const bodies = [];
      for (const attempt of attempts) {
        const res = await t.http.post(SIGN_IN).set('X-Forwarded-For', nextAddress()).send(attempt);
        expect(sessionCookie(res)).toBeUndefined();
        bodies.push({ status: res.status, body: res.body });
      }
      const expected = {
        status: 401,
        body: { statusCode: 401, code: 'invalid_credentials', message: 'Wrong email or password' },
      };
      expect(bodies.slice(0, 3)).toEqual([expected, expected, expected]);
      expect(bodies[3].status).toBe(400); // an empty password is malformed, whoever it names
    });

    it('takes about as long for an unknown email as for a wrong password', async () => {
      const user = await createUserWithPassword(t.app, 'viewer');
      const time = async (email: string) => {
        const started = process.hrtime.bigint();
        await t.http
          .post(SIGN_IN)
          .set('X-Forwarded-For', nextAddress())
          .send({ email, password: 'wrong-password-x' })
          .expect(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      // Four wrong passwords stay under the account's limit of five.
      for (let i = 0; i < 4; i++) {
        known.push(await time(user.email));
        unknown.push(await time(`ghost-${i}-${Date.now()}@test.example`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // Without the filler verification an unknown email answers ~20x faster than argon2 takes.
      expect(median(unknown) / median(known)).toBeGreaterThan(0.4);
    });

    it('refuses bodies that are not JSON (415) and malformed ones (400)', async () => {
      const user = await createUserWithPassword(t.app, 'viewer');
      const text = await t.http
        .post(SIGN_IN)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ email: user.email, password: user.password }))
        .expect(415);
      expect(text.body.code).toBe('unsupported_media_type');
      expect(sessionCookie(text)).toBeUndefined();
      await t.http
        .post(SIGN_IN)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(`email=${encodeURIComponent(user.email)}&password=${user.password}`)
        .expect(415);
      const missing = await t.http.post(SIGN_IN).send({ email: user.email }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
      await t.http
        .post(SIGN_IN)
        .send({ email: user.email, password: 'x'.repeat(201) })
        .expect(400);
    });

    it('locks an account out after too many failures from any address, with Retry-After', async () => {
      const user = await createUserWithPassword(t.app, 'planner');
      for (let i = 0; i < 5; i++) {
        await t.http
          .post(SIGN_IN)
          .set('X-Forwarded-For', nextAddress())
          .send({ email: user.email, password: `wrong-${i}-password` })
          .expect(401);
      }
      // Even the right password is refused while locked, from yet another address.
      const locked = await t.http
        .post(SIGN_IN)
        .set('X-Forwarded-For', nextAddress())
        .send({ email: user.email, password: user.password })
        .expect(429);
      expect(locked.body.code).toBe('rate_limited');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // The window passes: the account opens again, and a success clears its count.
      const clock = t.app.get(Clock);
      const later = Date.now() + 15 * 60_000 + 1_000;
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(later));
      await t.http
        .post(SIGN_IN)
        .set('X-Forwarded-For', nextAddress())
        .send({ email: user.email, password: user.password })
        .expect(200);
    });

    it('lets concurrent wrong passwords have no more tries than the limit between them', async () => {
      const user = await createUserWithPassword(t.app, 'planner');
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.http
            .post(SIGN_IN)
            .set('X-Forwarded-For', nextAddress())
            .send({ email: user.email, password: `wrong-${i}-password` })
            .then((res) => res.status),
        ),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    });

    it('locks a client address out after too many failures over any accounts', async () => {
      const from = nextAddress();
      for (let i = 0; i < 8; i++) {
        await t.http
          .post(SIGN_IN)
          .set('X-Forwarded-For', from)
          .send({ email: `guess-${i}@test.example`, password: 'password-guess' })
          .expect(401);
      }
      const user = await createUserWithPassword(t.app, 'viewer');
      const locked = await t.http
        .post(SIGN_IN)
        .set('X-Forwarded-For', from)
        .send({ email: user.email, password: user.password })
        .expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      await t.http
        .post(SIGN_IN)
        .set('X-Forwarded-For', nextAddress())
        .send({ email: user.email, password: user.password })
        .expect(200);
    });
  });

  describe('the session', () => {
    let s: SignedInAgent;
    beforeAll(async () => {
      s = await signedInAgent(t.app, 'admin');
    });

    it('answers /auth/session and /me with the cookie', async () => {
      const session = await s.agent.get('/api/v1/auth/session').expect(200);
      expect(session.body).toMatchObject({ user: { id: s.user.id, role: 'admin' }, csrfToken: s.csrfToken });
      const me = await s.agent.get('/api/v1/me').expect(200);
      expect(me.body.id).toBe(s.user.id);
      expect(me.body.lastSignInAt).toEqual(expect.any(String));
      const none = await t.http.get('/api/v1/auth/session').expect(401);
      expect(none.body.code).toBe('unauthorized');
    });

    it('needs the CSRF token on every cookie-authenticated write (403 csrf_failed without or wrong)', async () => {
      const org = { name: `CSRF org ${Date.now()}`, kind: 'media' };
      const missing = await s.agent.post('/api/v1/organizations').send(org).expect(403);
      expect(missing.body).toMatchObject({ statusCode: 403, code: 'csrf_failed' });
      await s.agent.post('/api/v1/organizations').set('X-CSRF-Token', 'x'.repeat(43)).send(org).expect(403);
      await s.agent.post('/api/v1/organizations').set('X-CSRF-Token', '').send(org).expect(403);
      const list = await s.agent.get('/api/v1/organizations').expect(200);
      expect(list.body.map((o: { name: string }) => o.name)).not.toContain(org.name);
      await s.agent.post('/api/v1/organizations').set(s.csrf).send(org).expect(201);
    });

    it("refuses another session's CSRF token", async () => {
      const other = await signedInAgent(t.app, 'admin');
      await s.agent
        .post('/api/v1/me/tokens')
        .set('X-CSRF-Token', other.csrfToken)
        .send({ name: 'x' })
        .expect(403);
    });

    it('lets a bearer token write without a CSRF token, and prefers it over a cookie', async () => {
      await t.http
        .post('/api/v1/organizations')
        .set(s.user.auth)
        .send({ name: `Bearer org ${Date.now()}`, kind: 'media' })
        .expect(201);
      await s.agent
        .post('/api/v1/organizations')
        .set(s.user.auth)
        .send({ name: `Both org ${Date.now()}`, kind: 'media' })
        .expect(201);
    });

    it('keeps public routes public', async () => {
      await t.http.get('/health').expect(200);
      await t.http.get('/api/v1/public/events').expect(200);
    });

    it('keeps roles: a viewer session cannot reach admin routes', async () => {
      const viewer = await signedInAgent(t.app, 'viewer');
      await viewer.agent.get('/api/v1/users').expect(403);
    });

    it('signs out: 204, the cookie is cleared and the session no longer works', async () => {
      const user = await signedInAgent(t.app, 'planner');
      const noCsrf = await user.agent.post('/api/v1/auth/sign-out').expect(403);
      expect(noCsrf.body.code).toBe('csrf_failed');
      const out = await user.agent.post('/api/v1/auth/sign-out').set(user.csrf).expect(204);
      expect(sessionCookie(out)).toMatch(/^planner_session=;/);
      expect(sessionCookie(out)).toMatch(/Expires=Thu, 01 Jan 1970/);
      const after = await t.http.get('/api/v1/me').set('Cookie', user.cookie).expect(401);
      expect(after.body.code).toBe('unauthorized');
      expect(await t.dataSource.getRepository(Session).countBy({ userId: user.user.id })).toBe(0);
      // Signing out again without a session only clears the cookie.
      await t.http.post('/api/v1/auth/sign-out').set('Cookie', user.cookie).expect(204);
    });

    it('trusts its lookup of a session for LOOKUP_TRUST_MS; what this process changes applies at once', async () => {
      const clock = t.app.get(Clock);
      let now = Date.now();
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
      const user = await signedInAgent(t.app, 'planner');
      await user.agent.get('/api/v1/me').expect(200);
      // Ended elsewhere (another API process signing it out): this process follows within the window.
      await t.dataSource.getRepository(Session).delete({ userId: user.user.id });
      await user.agent.get('/api/v1/me').expect(200);
      now += LOOKUP_TRUST_MS;
      const ended = await user.agent.get('/api/v1/me').expect(401);
      expect(ended.body.code).toBe('unauthorized');

      // An admin's change of the user applies to the user's next request, trusted lookup or not.
      const planner = await signedInAgent(t.app, 'planner');
      await planner.agent.get('/api/v1/me').expect(200);
      const admin = await createUser(t.app, 'admin');
      await t.http
        .patch(`/api/v1/users/${planner.user.id}`)
        .set(admin.auth)
        .send({ role: 'viewer' })
        .expect(200);
      const me = await planner.agent.get('/api/v1/me').expect(200);
      expect(me.body.role).toBe('viewer');
      await planner.agent
        .post('/api/v1/organizations')
        .set(planner.csrf)
        .send({ name: `Viewer org ${now}`, kind: 'media' })
        .expect(403);

      // A new password ends the user's sessions at once.
      const reset = await signedInAgent(t.app, 'viewer');
      await reset.agent.get('/api/v1/me').expect(200);
      await t.app.get(UsersService).setPassword(reset.user.email, 'another-long-password-2026');
      await reset.agent.get('/api/v1/me').expect(401);
    });

    it('expires after the idle time, and at the absolute limit however active', async () => {
      const clock = t.app.get(Clock);
      let now = Date.now();
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
      const idle = await signedInAgent(t.app, 'viewer');
      now += 29 * 60_000;
      await idle.agent.get('/api/v1/me').expect(200); // used: the idle clock restarts
      now += 29 * 60_000;
      const session = await idle.agent.get('/api/v1/auth/session').expect(200);
      expect(Date.parse(session.body.expiresAt)).toBe(now + 30 * 60_000);
      now += 31 * 60_000;
      const expired = await idle.agent.get('/api/v1/me').expect(401);
      expect(expired.body.code).toBe('session_expired');
      // The expired session is gone: the same cookie is now simply unknown.
      await idle.agent.get('/api/v1/auth/session').expect(401);

      const busy = await signedInAgent(t.app, 'viewer');
      const started = now;
      while (now < started + 2 * 86_400_000 - 20 * 60_000) {
        now += 20 * 60_000;
        await busy.agent.get('/api/v1/me').expect(200);
      }
      now += 20 * 60_000;
      const ended = await busy.agent.get('/api/v1/auth/session').expect(401);
      expect(ended.body.code).toBe('session_expired');

      // Expired sessions nobody comes back to are deleted at the next sign-in.
      const abandoned = await signedInAgent(t.app, 'viewer');
      now += 31 * 60_000;
      await signedInAgent(t.app, 'viewer');
      expect(await t.dataSource.getRepository(Session).countBy({ userId: abandoned.user.id })).toBe(0);
    });
  });

  describe('API tokens for scripts', () => {
    it('creates (shown once), lists and revokes my tokens; revocation takes effect at once', async () => {
      const s = await signedInAgent(t.app, 'planner');
      const created = await s.agent
        .post('/api/v1/me/tokens')
        .set(s.csrf)
        .send({ name: 'nightly import' })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'nightly import', revokedAt: null, lastUsedAt: null });
      expect(created.body.token).toMatch(/^trp_[\w-]{43}$/);
      expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
      const bearer = { Authorization: `Bearer ${created.body.token}` };
      await t.http.get('/api/v1/me').set(bearer).expect(200);

      const list = await s.agent.get('/api/v1/me/tokens').expect(200);
      expect(list.body.map((x: { id: string }) => x.id)).toContain(created.body.id);
      expect(JSON.stringify(list.body)).not.toContain(created.body.token);
      expect(list.body.find((x: { id: string }) => x.id === created.body.id).lastUsedAt).toEqual(
        expect.any(String),
      );
      expect(Object.keys(list.body[0]).sort()).toEqual(
        ['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt'].sort(),
      );

      await s.agent.delete(`/api/v1/me/tokens/${created.body.id}`).expect(403); // no CSRF token
      await s.agent.delete(`/api/v1/me/tokens/${created.body.id}`).set(s.csrf).expect(204);
      const refused = await t.http.get('/api/v1/me').set(bearer).expect(401);
      expect(refused.body.message).toMatch(/revoked/);
      const after = await s.agent.get('/api/v1/me/tokens').expect(200);
      expect(after.body.find((x: { id: string }) => x.id === created.body.id).revokedAt).toEqual(
        expect.any(String),
      );
    });

    it("answers 404 for another user's token id, and does not revoke it", async () => {
      const mine = await signedInAgent(t.app, 'planner');
      const other = await createUser(t.app, 'viewer');
      const theirs = await t.http.get('/api/v1/me/tokens').set(other.auth).expect(200);
      const id = theirs.body[0].id as string;
      const res = await mine.agent.delete(`/api/v1/me/tokens/${id}`).set(mine.csrf).expect(404);
      expect(res.body.code).toBe('not_found');
      await t.http.get('/api/v1/me').set(other.auth).expect(200);
      await mine.agent.delete('/api/v1/me/tokens/not-a-uuid').set(mine.csrf).expect(400);
      await mine.agent.post('/api/v1/me/tokens').set(mine.csrf).send({}).expect(400);
    });
  });

  describe('users: PATCH', () => {
    it('changes name, role and organization under the rules of creation', async () => {
      const admin = await signedInAgent(t.app, 'admin');
      const user = await createUser(t.app, 'viewer');
      const org = await createOrganization(t.app);
      const path = `/api/v1/users/${user.id}`;
      const noOrg = await admin.agent.patch(path).set(admin.csrf).send({ role: 'organizer' }).expect(422);
      expect(noOrg.body.code).toBe('organization_required');
      const unknownOrg = await admin.agent
        .patch(path)
        .set(admin.csrf)
        .send({ role: 'organizer', organizationId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(unknownOrg.body.message).toContain('Organization');
      await admin.agent.patch(path).set(admin.csrf).send({ role: 'king' }).expect(400);
      await admin.agent.patch(path).set(admin.csrf).send({ name: null }).expect(400);
      await admin.agent.patch(path).set(admin.csrf).send({ email: 'x@y.example' }).expect(400);
      const unchanged = await t.http.get('/api/v1/me').set(user.auth).expect(200);
      expect(unchanged.body.role).toBe('viewer');

      const changed = await admin.agent
        .patch(path)
        .set(admin.csrf)
        .send({ name: 'Renamed', role: 'organizer', organizationId: org.id })
        .expect(200);
      expect(changed.body).toMatchObject({ name: 'Renamed', role: 'organizer', organizationId: org.id });
      // The role applies at once to the user's next request.
      await t.http.get('/api/v1/users').set(user.auth).expect(403);
      const cleared = await admin.agent
        .patch(path)
        .set(admin.csrf)
        .send({ organizationId: null })
        .expect(422);
      expect(cleared.body.code).toBe('organization_required');
      await admin.agent
        .patch(path)
        .set(admin.csrf)
        .send({ role: 'planner', organizationId: null })
        .expect(200);
      await admin.agent
        .patch('/api/v1/users/00000000-0000-4000-8000-000000000000')
        .set(admin.csrf)
        .send({ name: 'x' })
        .expect(404);
      const planner = await signedInAgent(t.app, 'planner');
      await planner.agent.patch(path).set(planner.csrf).send({ name: 'x' }).expect(403);
    });

    it('keeps at least one admin', async () => {
      const users = await t.dataSource.getRepository(User).findBy({ role: 'admin' });
      const admin = await createUser(t.app, 'admin');
      for (const u of users) await t.dataSource.getRepository(User).update(u.id, { role: 'viewer' });
      try {
        const res = await t.http
          .patch(`/api/v1/users/${admin.id}`)
          .set(admin.auth)
          .send({ role: 'planner' })
          .expect(409);
        expect(res.body.code).toBe('last_admin');
      } finally {
        for (const u of users) await t.dataSource.getRepository(User).update(u.id, { role: 'admin' });
      }
    });

    it('keeps an admin when the last ones demote each other at the same moment', async () => {
      const users = await t.dataSource.getRepository(User).findBy({ role: 'admin' });
      const admins: TestUser[] = [];
      for (let i = 0; i < 6; i++) admins.push(await createUser(t.app, 'admin'));
      for (const u of users) await t.dataSource.getRepository(User).update(u.id, { role: 'viewer' });
      try {
        // Each demotes the next one, all at once.
        const results = await Promise.all(
          admins.map((sender, i) =>
            t.http
              .patch(`/api/v1/users/${admins[(i + 1) % admins.length].id}`)
              .set(sender.auth)
              .send({ role: 'planner' }),
          ),
        );
        // The refused ones: 409 `last_admin`, or 403 when their sender was demoted first.
        for (const r of results) expect([200, 403, 409]).toContain(r.status);
        for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe('last_admin');
        const left = await t.dataSource.getRepository(User).countBy({ role: 'admin' });
        expect(left).toBeGreaterThanOrEqual(1);
        expect(results.filter((r) => r.status === 200)).toHaveLength(admins.length - left);
      } finally {
        for (const u of [...users, ...admins])
          await t.dataSource.getRepository(User).update(u.id, { role: 'admin' });
      }
    });
  });

  describe('invitations', () => {
    let admin: SignedInAgent;
    beforeAll(async () => {
      admin = await signedInAgent(t.app, 'admin');
    });
    const invite = async (body: Record<string, unknown>) =>
      admin.agent.post('/api/v1/users/invitations').set(admin.csrf).send(body);
    const tokenOf = (url: string) => url.split('/invite/')[1];

    it('invites, shows who it is for, sets the password on accept and signs in; single use', async () => {
      const email = `invitee-${Date.now()}@test.example`;
      const res = await invite({ email, name: '李明', role: 'planner' });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email, name: '李明', role: 'planner', hasPassword: false });
      expect(res.body.invitationUrl).toMatch(/^https:\/\/planner\.example\/invite\/[\w-]{43}$/);
      const expiresIn = Date.parse(res.body.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(71 * 3_600_000);
      const token = tokenOf(res.body.invitationUrl);
      const shown = await t.http.get(`/api/v1/auth/invitations/${token}`).expect(200);
      expect(shown.body).toEqual({ email, name: '李明', expiresAt: res.body.expiresAt });

      // Cannot sign in before accepting.
      await t.http
        .post(SIGN_IN)
        .set('X-Forwarded-For', nextAddress())
        .send({ email, password: 'whatever-password' })
        .expect(401);
      await t.http.post(`/api/v1/auth/invitations/${token}/accept`).send({ password: 'short' }).expect(400);
      const agent = request.agent(t.app.getHttpServer());
      const accepted = await agent
        .post(`/api/v1/auth/invitations/${token}/accept`)
        .send({ password: 'a new password 1' })
        .expect(200);
      expect(accepted.body.user).toMatchObject({ email, hasPassword: true });
      expect(accepted.body.csrfToken).toMatch(/^[\w-]{43}$/);
      expect(sessionCookie(accepted)).toContain('HttpOnly');
      await agent.get('/api/v1/me').expect(200);

      const used = await t.http.get(`/api/v1/auth/invitations/${token}`).expect(410);
      expect(used.body.code).toBe('invitation_used');
      const again = await t.http
        .post(`/api/v1/auth/invitations/${token}/accept`)
        .send({ password: 'another password' })
        .expect(410);
      expect(again.body.code).toBe('invitation_used');
      await signInAgent(t.app, { email, password: 'a new password 1' });
    });

    it('answers 404 for an unknown or malformed token', async () => {
      const unknown = await t.http.get(`/api/v1/auth/invitations/${'A'.repeat(43)}`).expect(404);
      expect(unknown.body.code).toBe('not_found');
      await t.http.get('/api/v1/auth/invitations/nope').expect(404);
      await t.http
        .post(`/api/v1/auth/invitations/${'A'.repeat(43)}/accept`)
        .send({ password: 'long enough pw' })
        .expect(404);
    });

    it('expires (410 invitation_expired) after INVITATION_HOURS', async () => {
      const res = await invite({ email: `late-${Date.now()}@test.example`, name: 'Late', role: 'viewer' });
      const token = tokenOf(res.body.invitationUrl);
      const later = Date.now() + 72 * 3_600_000 + 1_000;
      jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));
      const expired = await t.http.get(`/api/v1/auth/invitations/${token}`).expect(410);
      expect(expired.body.code).toBe('invitation_expired');
      await t.http
        .post(`/api/v1/auth/invitations/${token}/accept`)
        .send({ password: 'long enough pw' })
        .expect(410);
    });

    it('re-issues a link for an existing user, ending the previous one', async () => {
      const res = await invite({ email: `again-${Date.now()}@test.example`, name: 'Again', role: 'viewer' });
      const first = tokenOf(res.body.invitationUrl);
      const second = await admin.agent
        .post(`/api/v1/users/${res.body.user.id}/invitation`)
        .set(admin.csrf)
        .expect(201);
      expect(second.body.user.id).toBe(res.body.user.id);
      const next = tokenOf(second.body.invitationUrl);
      expect(next).not.toBe(first);
      await t.http.get(`/api/v1/auth/invitations/${first}`).expect(410);
      await t.http.get(`/api/v1/auth/invitations/${next}`).expect(200);
      const noEmail = await createUser(t.app, 'viewer');
      const refused = await admin.agent
        .post(`/api/v1/users/${noEmail.id}/invitation`)
        .set(admin.csrf)
        .expect(422);
      expect(refused.body.code).toBe('email_required');
      await admin.agent
        .post('/api/v1/users/00000000-0000-4000-8000-000000000000/invitation')
        .set(admin.csrf)
        .expect(404);
    });

    it('validates an invitation like a new user, and only admins invite', async () => {
      expect((await invite({ email: 'x@test.example', name: 'X', role: 'organizer' })).status).toBe(422);
      expect((await invite({ name: 'X', role: 'viewer' })).status).toBe(400);
      const taken = await invite({ email: admin.user.email, name: 'X', role: 'viewer' });
      expect(taken.status).toBe(409);
      const planner = await signedInAgent(t.app, 'planner');
      await planner.agent
        .post('/api/v1/users/invitations')
        .set(planner.csrf)
        .send({ email: 'y@test.example', name: 'Y', role: 'viewer' })
        .expect(403);
    });
  });
});

describe('the session cookie in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      withWorker: false,
      env: {
        NODE_ENV: 'production',
        SIGNING_SECRET: 'x'.repeat(40),
        PUBLIC_URL: 'https://planner.example',
        LOG_LEVEL: 'error',
      },
    });
  });
  afterAll(() => t.close());

  it('is Secure', async () => {
    const user = await createUserWithPassword(t.app, 'viewer');
    const res = await t.http.post(SIGN_IN).send({ email: user.email, password: user.password }).expect(200);
    expect(sessionCookie(res)).toMatch(/; Secure/);
    expect(sessionCookie(res)).toContain('HttpOnly');
  });
});
