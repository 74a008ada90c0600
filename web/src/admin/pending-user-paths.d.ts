// TEMPORARY bridge until the auth branch is merged and `npm run api:generate` emits these routes:
// the user administration routes of the agreed contract (auth helper's UsersController), in
// openapi-typescript's shape. Delete after merging.
import type { components } from '../common/api/schema';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = Json<components['schemas']['ErrorBody']>;
type Role = components['schemas']['UserView']['role'];
type Invited = { user: components['schemas']['UserView']; invitationUrl: string; expiresAt: string };
type Bare = { parameters: { query?: never; header?: never; path?: never; cookie?: never } };
type ById = { query?: never; header?: never; path: { id: string }; cookie?: never };

declare module '../common/api/schema' {
  interface paths {
    '/api/v1/users/invitations': Bare & {
      post: {
        parameters: Bare['parameters'];
        requestBody: {
          content: {
            'application/json': { email: string; name: string; role: Role; organizationId?: string };
          };
        };
        responses: { 201: Json<Invited>; 400: Problem; 404: Problem; 409: Problem; 422: Problem };
      };
    };
    '/api/v1/users/{id}': Bare & {
      patch: {
        parameters: ById;
        requestBody: {
          content: {
            'application/json': { name?: string; role?: Role; organizationId?: string | null };
          };
        };
        responses: {
          200: Json<components['schemas']['UserView']>;
          400: Problem;
          404: Problem;
          409: Problem;
          422: Problem;
        };
      };
    };
    '/api/v1/users/{id}/invitation': Bare & {
      post: {
        parameters: ById;
        requestBody?: never;
        responses: { 201: Json<Invited>; 404: Problem; 422: Problem };
      };
    };
  }
}
