// TEMPORARY bridge until the auth branch is merged and `npm run api:generate` emits these routes:
// the API-token routes of the agreed contract (auth helper's MeTokensController), in
// openapi-typescript's shape. Delete after merging.
import type { components } from '../common/api/schema';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = Json<components['schemas']['ErrorBody']>;
type Bare = { parameters: { query?: never; header?: never; path?: never; cookie?: never } };
type TokenView = {
  id: string;
  name: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

declare module '../common/api/schema' {
  interface paths {
    '/api/v1/me/tokens': Bare & {
      get: {
        parameters: Bare['parameters'];
        requestBody?: never;
        responses: { 200: Json<TokenView[]>; 401: Problem };
      };
      post: {
        parameters: Bare['parameters'];
        requestBody: { content: { 'application/json': { name: string } } };
        responses: { 201: Json<TokenView & { token: string }>; 400: Problem; 401: Problem };
      };
    };
    '/api/v1/me/tokens/{id}': Bare & {
      delete: {
        parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
        requestBody?: never;
        responses: { 204: { headers: { [name: string]: unknown }; content?: never }; 404: Problem };
      };
    };
  }
}
