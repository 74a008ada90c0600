import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The problem body every API error has: `{statusCode, code, message, details?, errorId?}`. */
export interface ApiProblem {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

/** An API error with its HTTP status and stable code; field problems when validation failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly errorId?: string,
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `{field: [problems]}` from a 400 validation failure (`details: [{field, problems}]`). */
  get fieldProblems(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details as unknown[]) {
      if (item && typeof item === 'object' && 'field' in item && 'problems' in item) {
        const { field, problems } = item as { field: string; problems: string[] };
        out[field] = [...(out[field] ?? []), ...problems];
      }
    }
    return out;
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Set after sign-in (and from GET /auth/session): sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever an authenticated request answers 401 (the session ended or expired). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Tells the listeners of {@link onUnauthorized} that a request answered 401, unless it was a
 * sign-in route's own answer. The typed client calls it; so must requests made without it
 * (the actuals upload's XMLHttpRequest).
 */
export function reportStatus(status: number, url: string): void {
  const path = new URL(url, window.location.origin).pathname;
  if (status === 401 && !path.startsWith('/api/v1/auth/')) {
    for (const listener of unauthorizedListeners) listener();
  }
}

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    reportStatus(response.status, request.url);
    return response;
  },
};

/** The typed client of the planner's API (types generated from /docs-json), cookie session. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/**
 * Unwraps an openapi-fetch result: the data, or an {@link ApiError} carrying the API's problem.
 * Used as `const events = await ok(api.GET('/api/v1/events', {...}))`.
 */
export async function ok<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const problem = (error && typeof error === 'object' ? error : {}) as Partial<ApiProblem>;
  throw new ApiError(
    response.status,
    problem.code ?? `http_${response.status}`,
    problem.message ?? response.statusText,
    problem.details,
    problem.errorId,
    Number(response.headers.get('retry-after')) || undefined,
  );
}
