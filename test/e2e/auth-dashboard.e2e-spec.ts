import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, signedInAgent, type SignedInAgent } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The queue dashboard through the console session (issue 10 item 5). */
describe('queue dashboard access', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let planner: SignedInAgent;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false, env: { PUBLIC_URL: 'https://planner.example' } });
    admin = await signedInAgent(t.app, 'admin');
    planner = await signedInAgent(t.app, 'planner');
  });
  afterAll(() => t.close());

  it("opens for an admin's session cookie (200)", async () => {
    const page = await t.http.get('/admin/queues').set('Cookie', admin.cookie).expect(200);
    expect(page.text).toContain('<html');
    const api = await t.http.get('/admin/queues/api/queues').set('Cookie', admin.cookie).expect(200);
    expect(JSON.stringify(api.body)).toContain('maintenance');
  });

  it("refuses a non-admin's session (403 JSON)", async () => {
    const res = await t.http.get('/admin/queues').set('Cookie', planner.cookie).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  it('answers an unauthenticated browser 401 JSON naming the sign-in page', async () => {
    const res = await t.http.get('/admin/queues').set('Accept', 'text/html').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({
      statusCode: 401,
      code: 'unauthorized',
      details: { signInUrl: 'https://planner.example/' },
    });
    expect(res.body.message).toContain('https://planner.example/');
  });

  it('gives a badly encoded cookie a 4xx, never a 500, and still reads the session next to it', async () => {
    const bad = await t.http.get('/admin/queues').set('Cookie', 'other=%').expect(401);
    expect(bad.body.code).toBe('unauthorized');
    await t.http.get('/admin/queues').set('Cookie', 'planner_session=%E0%A4%A').expect(401);
    await t.http.get('/admin/queues').set('Cookie', `other=%; ${admin.cookie}`).expect(200);
    await t.http.get('/api/v1/me').set('Cookie', `other=%; ${admin.cookie}`).expect(200);
  });

  it('ignores ?token= (repeated or not): no 500, no access, no cookie', async () => {
    const fresh = await createUser(t.app, 'admin');
    const twice = await t.http.get(`/admin/queues?token=a&token=b`).expect(401);
    expect(twice.headers['set-cookie']).toBeUndefined();
    const real = await t.http.get(`/admin/queues?token=${fresh.token}&token=${fresh.token}`).expect(401);
    expect(real.headers['set-cookie']).toBeUndefined();
    await t.http.get('/admin/queues?token=a&token=b').set('Cookie', admin.cookie).expect(200);
  });

  it("refuses a cross-site write with the admin's cookie, allows it from the planner's own origin", async () => {
    const path = '/admin/queues/api/queues/maintenance/pause';
    const cross = await t.http
      .put(path)
      .set('Cookie', admin.cookie)
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(cross.body.code).toBe('csrf_failed');
    await t.http.put(path).set('Cookie', admin.cookie).expect(403);
    await t.http.put(path).set('Cookie', admin.cookie).set('Origin', 'https://planner.example').expect(200);
    await t.http
      .put('/admin/queues/api/queues/maintenance/resume')
      .set('Cookie', admin.cookie)
      .set(admin.csrf)
      .expect(200);
  });
});
