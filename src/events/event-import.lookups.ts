import type { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Venue } from '../venues/venue.entity.js';

type Found = { id?: string; problem?: string };

/**
 * Resolves the names in an import file to ids, from tables loaded once per import: organizations
 * by id or name, venues by id, Chinese or English name, campaigns by id or exact name.
 */
export class EventImportLookups {
  private constructor(
    private readonly organizations: Map<string, string>,
    private readonly venues: Map<string, Venue | null>,
    private readonly campaigns: Map<string, string | null>,
  ) {}

  static async load(manager: EntityManager): Promise<EventImportLookups> {
    // One query after the other: the import's transaction has one PostgreSQL connection, which
    // cannot run two queries at once.
    const organizations = await manager.find(Organization, { select: { id: true, name: true } });
    const venues = await manager.find(Venue);
    const campaigns = await manager.find(Campaign, { select: { id: true, name: true } });
    const orgs = new Map<string, string>();
    for (const o of organizations) orgs.set(o.id, o.id).set(o.name, o.id);
    const venueMap = new Map<string, Venue | null>();
    for (const v of venues) venueMap.set(v.id, v);
    for (const v of venues)
      for (const name of [v.nameZh, v.nameEn]) addUnique(venueMap, name, v, (a, b) => a.id === b.id);
    const campaignMap = new Map<string, string | null>();
    for (const c of campaigns) campaignMap.set(c.id, c.id);
    for (const c of campaigns) addUnique(campaignMap, c.name, c.id, (a, b) => a === b);
    return new EventImportLookups(orgs, venueMap, campaignMap);
  }

  organization(key: string): Found {
    const id = this.organizations.get(key);
    return id
      ? { id }
      : { problem: `organization "${key}" is not a known organization (give its name or id)` };
  }

  venue(key: string): { venue?: Venue; problem?: string } {
    const venue = this.venues.get(key);
    if (venue === null) return { problem: `venue "${key}" names several venues: give its id` };
    return venue
      ? { venue }
      : { problem: `venue "${key}" is not a known venue (give its Chinese or English name, or id)` };
  }

  campaign(key: string): Found {
    const id = this.campaigns.get(key);
    if (id === null) return { problem: `campaign "${key}" names several campaigns: give its id` };
    return id ? { id } : { problem: `campaign "${key}" is not a known campaign (give its id or exact name)` };
  }
}

/** Adds a name; a name shared by two different rows maps to null (ambiguous). */
function addUnique<T>(
  map: Map<string, T | null>,
  key: string,
  value: T,
  same: (a: T, b: T) => boolean,
): void {
  const existing = map.get(key);
  if (existing === undefined) map.set(key, value);
  else if (existing !== null && !same(existing, value)) map.set(key, null);
}
