// TEMPORARY bridge until the auth branch is merged and `npm run api:generate` emits these routes:
// the session routes of the agreed contract, in openapi-typescript's shape. Delete after merging.
import type { components } from '../common/api/schema';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = Json<components['schemas']['ErrorBody']>;
type SessionBody = { user: components['schemas']['UserView']; csrfToken: string; expiresAt: string };
type Bare = { parameters: { query?: never; header?: never; path?: never; cookie?: never } };

declare module '../common/api/schema' {
  interface paths {
    '/api/v1/auth/session': Bare & {
      get: {
        parameters: Bare['parameters'];
        requestBody?: never;
        responses: { 200: Json<SessionBody>; 401: Problem };
      };
    };
    '/api/v1/auth/sign-in': Bare & {
      post: {
        parameters: Bare['parameters'];
        requestBody: { content: { 'application/json': { email: string; password: string } } };
        responses: { 200: Json<SessionBody>; 401: Problem; 429: Problem };
      };
    };
    '/api/v1/auth/sign-out': Bare & {
      post: {
        parameters: Bare['parameters'];
        requestBody?: never;
        responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
      };
    };
    '/api/v1/auth/invitations/{token}': Bare & {
      get: {
        parameters: { query?: never; header?: never; path: { token: string }; cookie?: never };
        requestBody?: never;
        responses: {
          200: Json<{ email: string; name: string; expiresAt: string }>;
          404: Problem;
          410: Problem;
        };
      };
    };
    '/api/v1/auth/invitations/{token}/accept': Bare & {
      post: {
        parameters: { query?: never; header?: never; path: { token: string }; cookie?: never };
        requestBody: { content: { 'application/json': { password: string } } };
        responses: { 200: Json<SessionBody>; 400: Problem; 404: Problem; 410: Problem };
      };
    };
  }
}
