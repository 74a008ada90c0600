/**
 * Query keys, one per resource, so that a mutation invalidates exactly what it changes.
 * A list key is the prefix of its items' keys: invalidating `['events']` refreshes both.
 */
export const keys = {
  session: ['session'] as const,
  targets: ['targets'] as const,
  target: (id: string) => ['targets', id] as const,
  progress: (id: string) => ['targets', id, 'progress'] as const,
  projection: (id: string) => ['targets', id, 'projection'] as const,
  events: ['events'] as const,
  eventList: (filters: object) => ['events', 'list', filters] as const,
  event: (id: string) => ['events', id] as const,
  eventChecks: (id: string) => ['events', id, 'checks'] as const,
  eventHistory: (id: string) => ['events', id, 'history'] as const,
  venues: ['venues'] as const,
  organizations: ['organizations'] as const,
  campaigns: ['campaigns'] as const,
  calendar: (filters: object) => ['calendar', filters] as const,
  campaignList: (filters: object) => ['campaigns', 'list', filters] as const,
  campaign: (id: string) => ['campaigns', id] as const,
  targetPath: (id: string) => ['targets', id, 'path'] as const,
  actuals: ['actuals'] as const,
  actualSeries: (filters: object) => ['actuals', filters] as const,
  reportPreview: (filters: object) => ['reports', 'preview', filters] as const,
  subscriptions: ['report-subscriptions'] as const,
  subscriptionList: (filters: object) => ['report-subscriptions', 'list', filters] as const,
  deliveries: (filters: object) => ['reports', 'deliveries', filters] as const,
  users: ['users'] as const,
  venueList: (filters: object) => ['venues', 'list', filters] as const,
  holidays: (year: number) => ['holidays', year] as const,
  holidayOverrides: (year: number) => ['holidays', year, 'overrides'] as const,
  apiTokens: ['me', 'tokens'] as const,
};
