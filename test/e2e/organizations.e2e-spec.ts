import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Organization } from '../../src/organizations/organization.entity.js';
import {
  approvedEvent,
  campaignBody,
  createCampaign,
  createEvent,
  createVenue,
} from '../factories/planning.factory.js';
import { createOrganization, createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('organizations: rename, re-kind and delete over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;

  const post = (name: string, kind = 'media') =>
    t.http.post('/api/v1/organizations').set(admin.auth).send({ name, kind }).expect(201);
  const patch = (id: string, body: object, by: TestUser = admin) =>
    t.http.patch(`/api/v1/organizations/${id}`).set(by.auth).send(body);
  const remove = (id: string, by: TestUser = admin) =>
    t.http.delete(`/api/v1/organizations/${id}`).set(by.auth);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
  });
  afterAll(() => t.close());

  it('renames and re-kinds; the new name shows wherever the organization is named', async () => {
    const organizer = await createUser(t.app, 'organizer');
    const id = organizer.organizationId!;
    const venue = await createVenue(t.http, planner);
    const event = await approvedEvent(t.http, organizer, planner, venue.id);
    await createCampaign(t.http, planner, { responsibleOrganizationId: id });

    const renamed = await patch(id, { name: '  湘西文旅集团  ', kind: 'cultural_company' }).expect(200);
    expect(renamed.body).toMatchObject({ id, name: '湘西文旅集团', kind: 'cultural_company' });
    expect((await patch(id, { kind: 'media' }).expect(200)).body).toMatchObject({
      name: '湘西文旅集团',
      kind: 'media',
    });
    const read = await t.http.get(`/api/v1/organizations/${id}`).set(organizer.auth).expect(200);
    expect(read.body).toMatchObject({ name: '湘西文旅集团', kind: 'media' });

    // Joined, never copied: the event, its CSV export and the scoreboards (event and campaign).
    const shown = await t.http.get(`/api/v1/events/${event.id}`).set(planner.auth).expect(200);
    expect(shown.body.organizationName).toBe('湘西文旅集团');
    const csv = await t.http.get('/api/v1/events/export.csv').set(planner.auth).expect(200);
    expect(csv.text).toContain('湘西文旅集团');
    for (const year of [2035, 2022]) {
      const board = await t.http
        .get(`/api/v1/scoreboard?year=${year}&by=organization`)
        .set(planner.auth)
        .expect(200);
      expect(board.body.rows).toEqual(
        expect.arrayContaining([expect.objectContaining({ key: id, label: '湘西文旅集团' })]),
      );
      const exported = await t.http
        .get(`/api/v1/scoreboard/export.csv?year=${year}&by=organization`)
        .set(planner.auth)
        .expect(200);
      expect(exported.text).toContain(`湘西文旅集团,${id}`);
    }
  });

  it('refuses a taken name with 409 naming it, and bad bodies with 400 naming the field', async () => {
    const a = await post('桑植县文旅局');
    await post('永定区文旅局');
    const taken = await patch(a.body.id, { name: ' 永定区文旅局 ' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'organization_exists' });
    expect(taken.body.message).toBe('An organization named "永定区文旅局" already exists');
    // Its own name again is no conflict.
    await patch(a.body.id, { name: '桑植县文旅局' }).expect(200);

    const empty = await patch(a.body.id, {}).expect(400);
    expect(empty.body.code).toBe('validation_failed');
    expect(empty.body.message).toMatch(/name, kind or both/);
    for (const [body, field] of [
      [{ name: null }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ kind: 'circus' }, 'kind'],
      [{ kind: null }, 'kind'],
    ] as const) {
      const res = await patch(a.body.id, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unknown = await patch(a.body.id, { name: 'Y', color: 'red' }).expect(400);
    expect(unknown.body.message).toMatch(/color/);
    const after = await t.http.get(`/api/v1/organizations/${a.body.id}`).set(admin.auth).expect(200);
    expect(after.body).toMatchObject({ name: '桑植县文旅局', kind: 'media' });
  });

  it('is for admins only (403) and answers 404 for an unknown organization', async () => {
    const organizer = await createUser(t.app, 'organizer');
    const own = organizer.organizationId!;
    for (const by of [organizer, planner]) {
      expect((await patch(own, { name: 'Mine now' }, by).expect(403)).body.code).toBe('forbidden');
      expect((await remove(own, by).expect(403)).body.code).toBe('forbidden');
    }
    const missing = await patch(MISSING, { name: 'Ghost' }).expect(404);
    expect(missing.body.message).toBe(`Organization ${MISSING} was not found`);
    expect((await remove(MISSING).expect(404)).body.code).toBe('not_found');
  });

  it('deletes an organization nothing refers to (204)', async () => {
    const unused = await post('误建的机构');
    await remove(unused.body.id).expect(204);
    await t.http.get(`/api/v1/organizations/${unused.body.id}`).set(admin.auth).expect(404);
    const list = await t.http.get('/api/v1/organizations').set(admin.auth).expect(200);
    expect(list.body.map((o: { id: string }) => o.id)).not.toContain(unused.body.id);
    // Its name is free again.
    await post('误建的机构');
  });

  it('refuses to delete one still referred to (409 naming what, with counts) and changes nothing', async () => {
    const organizer = await createUser(t.app, 'organizer');
    const id = organizer.organizationId!;
    await createUser(t.app, 'viewer', id);
    const venue = await createVenue(t.http, planner);
    await createEvent(t.http, organizer, venue.id);
    await createCampaign(t.http, planner, { responsibleOrganizationId: id });
    const name = (await t.http.get(`/api/v1/organizations/${id}`).set(admin.auth)).body.name as string;

    const res = await remove(id).expect(409);
    expect(res.body).toMatchObject({
      code: 'organization_in_use',
      details: { organizationId: id, users: 2, events: 1, campaigns: 1 },
    });
    expect(res.body.message).toBe(
      `Organization "${name}" is still referred to by 2 user(s), 1 event(s), 1 campaign(s) as their responsible unit: reassign or delete them first`,
    );
    await t.http.get(`/api/v1/organizations/${id}`).set(admin.auth).expect(200);
  });

  it('does not let ON DELETE SET NULL drop a campaign’s responsible unit: refuses instead', async () => {
    const unit = await createOrganization(t.app, 'tourism_bureau');
    const campaign = await createCampaign(t.http, planner, { responsibleOrganizationId: unit.id });
    const res = await remove(unit.id).expect(409);
    expect(res.body.details).toEqual({ organizationId: unit.id, users: 0, events: 0, campaigns: 1 });
    expect(res.body.message).toContain('1 campaign(s) as their responsible unit');
    const kept = await t.http.get(`/api/v1/campaigns/${campaign.id}`).set(planner.auth).expect(200);
    expect(kept.body.responsibleOrganizationId).toBe(unit.id);
  });

  it('never leaves a campaign created at the same moment without its responsible unit', async () => {
    for (let i = 0; i < 8; i++) {
      const unit = await createOrganization(t.app);
      const [created, deleted] = await Promise.all([
        t.http
          .post('/api/v1/campaigns')
          .set(planner.auth)
          .send(campaignBody({ responsibleOrganizationId: unit.id })),
        remove(unit.id),
      ]);
      const exists = (await t.http.get(`/api/v1/organizations/${unit.id}`).set(admin.auth)).status === 200;
      if (created.status === 201) {
        // The campaign won: the deletion saw it and was refused.
        expect(deleted.status).toBe(409);
        expect(exists).toBe(true);
        const kept = await t.http.get(`/api/v1/campaigns/${created.body.id}`).set(planner.auth);
        expect(kept.body.responsibleOrganizationId).toBe(unit.id);
      } else {
        // The deletion won: the campaign was refused (its organization is gone), not stripped of it.
        expect(deleted.status).toBe(204);
        expect(exists).toBe(false);
        expect([404, 409]).toContain(created.status);
      }
    }
  });

  it('counts every foreign key to organizations (a new one must be added to the 409)', () => {
    const references = t.dataSource.entityMetadatas.flatMap((m) =>
      m.foreignKeys
        .filter((fk) => fk.referencedEntityMetadata.target === Organization)
        .map((fk) => `${m.tableName}.${fk.columnNames.join(',')} ${fk.onDelete}`),
    );
    expect(references.sort()).toEqual([
      'campaigns.responsibleOrganizationId SET NULL',
      'events.organizationId RESTRICT',
      'users.organizationId RESTRICT',
    ]);
  });
});
