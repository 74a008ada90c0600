/**
 * Every `code` an error response can carry, by HTTP status: the one catalogue. Clients and tests
 * branch on these, so they never change once shipped; add new ones here (the DomainError
 * subclasses only take codes listed under their status, so TypeScript checks every use).
 */
export const ERROR_CODES = {
  400: [
    'validation_failed',
    'bad_request',
    'malformed_json',
    'json_too_deep',
    'bad_if_match',
    // Also any other 4xx without a code of its own (the filter's fallback).
    'client_error',
  ],
  401: ['unauthorized', 'session_expired', 'invalid_credentials'],
  403: ['forbidden', 'csrf_failed'],
  404: ['not_found', 'unknown_queue'],
  405: ['method_not_allowed'],
  406: ['not_acceptable'],
  409: [
    'conflict',
    'in_use',
    'concurrent_change',
    'invalid_transition',
    'campaign_closed',
    'campaign_not_draft',
    'event_closed',
    'event_not_draft',
    'event_not_over',
    'capacity_override_required',
    'budget_from_allocations',
    'allocation_exists',
    'fund_over_allocated',
    'fund_has_allocations',
    'holiday_override_exists',
    'organization_exists',
    'organization_in_use',
    'subscription_exists',
    'target_exists',
    'email_taken',
    'last_admin',
    'venue_exists',
    'venue_in_use',
  ],
  410: ['invitation_used', 'invitation_expired'],
  412: ['precondition_failed'],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: [
    'unprocessable',
    'actual_invalid',
    'import_invalid',
    'import_rejected',
    'empty_import',
    'not_utf8',
    'export_too_large',
    'calendar_too_large',
    'organization_required',
    'email_required',
    'fund_year_mismatch',
    'week_not_over',
    'scenario_change_invalid',
    'target_total_computed',
    'baseline_actuals_missing',
    'venue_unknown',
  ],
  429: ['rate_limited'],
  500: ['internal_error'],
  503: ['unavailable', 'queue_unavailable'],
} as const;

export type ErrorStatus = keyof typeof ERROR_CODES;
/** The codes of one status. */
export type ErrorCodeOf<S extends ErrorStatus> = (typeof ERROR_CODES)[S][number];
/** Any code of the catalogue. */
export type ErrorCode = ErrorCodeOf<ErrorStatus>;

/** Every code, for the OpenAPI document. */
export const ALL_ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CODES).flat();
