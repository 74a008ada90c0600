/** What a target or an actual counts: tourist arrivals (人次) or tourism revenue in yuan. */
export const METRICS = ['visitors', 'revenue'] as const;
export type Metric = (typeof METRICS)[number];

/**
 * Whose figure it is: the whole city, or one venue. City figures are the authoritative city
 * total, recorded on their own; venue figures are visits to (or revenue of) that venue and are
 * never summed into the city (a visitor can visit several venues in one trip).
 */
export const SCOPES = ['city', 'venue'] as const;
export type Scope = (typeof SCOPES)[number];

/** The key that identifies a scope in unique constraints: `city`, or the venue's id. */
export const CITY_SCOPE_KEY = 'city';
export const scopeKeyOf = (venueId: string | null | undefined): string => venueId ?? CITY_SCOPE_KEY;

/** The check both tables with a scope carry: the city has no venue and the key `city`, a venue its id. */
export const SCOPE_CHECK = `("scope" = 'city' AND "venueId" IS NULL AND "scopeKey" = 'city') OR ("scope" = 'venue' AND "venueId" IS NOT NULL AND "scopeKey" = "venueId")`;
