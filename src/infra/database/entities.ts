import { ApiToken } from '../../common/auth/api-token.entity.js';
import { Organization } from '../../organizations/organization.entity.js';
import { User } from '../../users/user.entity.js';

/** Every entity of the application. A feature adds its entities here. */
export const ENTITIES = [Organization, User, ApiToken];
