import { Actual } from '../../actuals/actual.entity.js';
import { Invitation } from '../../auth/invitation.entity.js';
import { SignInFailure } from '../../auth/sign-in-failure.entity.js';
import { ApiToken } from '../../common/auth/api-token.entity.js';
import { Session } from '../../common/auth/session.entity.js';
import { Campaign } from '../../campaigns/campaign.entity.js';
import { FundAllocation } from '../../funds/fund-allocation.entity.js';
import { Fund } from '../../funds/fund.entity.js';
import { EventHistory } from '../../events/event-history.entity.js';
import { ItemEffect } from '../../effects/item-effect.entity.js';
import { Event } from '../../events/event.entity.js';
import { HolidayOverride } from '../../holidays/holiday-override.entity.js';
import { Organization } from '../../organizations/organization.entity.js';
import { ProjectionSnapshot } from '../../projections/rebuild/projection-snapshot.entity.js';
import { ScenarioChange } from '../../scenarios/scenario-change.entity.js';
import { ScenarioProjection } from '../../scenarios/scenario-projection.entity.js';
import { Scenario } from '../../scenarios/scenario.entity.js';
import { ReportDelivery } from '../../reports/delivery/report-delivery.entity.js';
import { ReportEdition } from '../../reports/delivery/report-edition.entity.js';
import { AppSecret } from '../../reports/subscriptions/app-secret.entity.js';
import { ReportSubscription } from '../../reports/subscriptions/report-subscription.entity.js';
import { Target } from '../../targets/target.entity.js';
import { User } from '../../users/user.entity.js';
import { Venue } from '../../venues/venue.entity.js';
import { declareInstantChecks } from './instant-check.js';

/** Every entity of the application. A feature adds its entities here. */
export const ENTITIES = [
  Organization,
  User,
  ApiToken,
  Venue,
  Campaign,
  Event,
  EventHistory,
  ReportSubscription,
  ReportDelivery,
  ReportEdition,
  AppSecret,
  Actual,
  Target,
  HolidayOverride,
  ProjectionSnapshot,
  Fund,
  FundAllocation,
  Scenario,
  ScenarioChange,
  ScenarioProjection,
  ItemEffect,
  Session,
  Invitation,
  SignInFailure,
];

// A CHECK on every instant column of every entity (the migrations create them; see instant-check.ts).
declareInstantChecks(ENTITIES);
