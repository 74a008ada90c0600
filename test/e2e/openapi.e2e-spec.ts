import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Schema = {
  type?: string | string[];
  nullable?: boolean;
  $ref?: string;
  allOf?: unknown[];
  oneOf?: unknown[];
  anyOf?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  enum?: unknown[];
};

/** The OpenAPI document says what the API does (issue 10, item 20). */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
    >;
    components: { schemas: Record<string, Schema> };
  };

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    doc = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('types no property as a bare object: nullable strings are strings', () => {
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [prop, p] of Object.entries(schema.properties ?? {})) {
        const typeless = !p.type && !p.$ref && !p.allOf && !p.oneOf && !p.anyOf && !p.enum;
        // `string | null` reflects as Object: a nullable scalar documented as an object.
        const bareObject =
          p.type === 'object' &&
          p.nullable &&
          !p.properties &&
          !p.additionalProperties &&
          !p.allOf &&
          !p.$ref;
        if (typeless || bareObject) bare.push(`${name}.${prop}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('says which credentials each route takes: none when public, else a token or the session cookie', () => {
    const ops = doc.paths as unknown as Record<string, Record<string, { security?: unknown }>>;
    expect(ops['/health'].get.security).toEqual([]);
    expect(ops['/api/v1/auth/sign-in'].post.security).toEqual([]);
    expect(ops['/api/v1/public/events'].get.security).toEqual([]);
    // Reads: a bearer token or the session cookie; writes with the cookie also need X-CSRF-Token.
    expect(ops['/api/v1/events'].get.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(ops['/api/v1/events'].post.security).toEqual([{ bearer: [] }, { session: [], csrf: [] }]);
    const schemes = (doc.components as unknown as { securitySchemes: Record<string, object> })
      .securitySchemes;
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'planner_session' });
    expect(schemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    // Every operation says it, one way or the other.
    const missing = Object.entries(ops).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => !Array.isArray(op.security))
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('documents GET /targets as a page like every other list', () => {
    const schema = doc.paths['/api/v1/targets'].get.responses['200'].content!['application/json'].schema;
    expect(schema.$ref).toBe('#/components/schemas/TargetPage');
    expect(Object.keys(doc.components.schemas.TargetPage.properties!).sort()).toEqual([
      'items',
      'limit',
      'offset',
      'total',
    ]);
  });

  it('says, as the import does, that source is required per row unless the import gives one', () => {
    const row = doc.components.schemas.ActualRowDto as Schema & { required?: string[] };
    expect(row.required ?? []).not.toContain('source');
    expect(row.properties!.source.type).toBe('string');
    const csv = (
      doc.paths['/api/v1/actuals/import'].post as unknown as {
        requestBody: { description: string };
      }
    ).requestBody.description;
    expect(csv).toMatch(/`source` required on every row unless `\?source=`/);
  });
});
