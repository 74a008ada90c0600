import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'safe-stable-stringify';
import type { DataSource } from 'typeorm';
import type { CachedRead } from '../common/http/if-none-match.js';
import { LruMap } from '../common/lru-map.js';

/** Listings kept per process (one per distinct query: page, window, filters). */
const KEPT = 64;

/**
 * What a public listing is made of, in one cheap query: the events' count, versions and newest
 * change (every change of an event bumps its `version`; a deleted event is a draft, which no
 * listing shows), and what a listing shows of the venues (few rows: their ids, names and time
 * zones as they are, since a venue's `updatedAt` has only whole seconds on SQLite). Any process
 * sees another's change at once. SQLite (3.44+) and PostgreSQL both have `string_agg`.
 */
const STAMP =
  'SELECT (SELECT COUNT(*) FROM "events") AS "events", (SELECT SUM("version") FROM "events") AS "versions", ' +
  '(SELECT MAX("updatedAt") FROM "events") AS "eventChange", ' +
  `(SELECT string_agg("id" || ' ' || "nameZh" || ' ' || "nameEn" || ' ' || "timeZone", '|' ORDER BY "id") FROM "venues") AS "venues"`;

/**
 * The public event listing, kept as JSON bytes per query and remade when the events or venues
 * change: a public calendar widget polls it, and the listing's joined, paginated queries cost
 * about twenty times the stamp query.
 */
@Injectable()
export class PublicEventsCache {
  private readonly listings = new LruMap<string, { etag: string; body: Buffer }>(KEPT);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `make` runs only when the listing changed since this process last made it. */
  async listing(query: object, make: () => Promise<unknown>): Promise<CachedRead> {
    const [stamp] = await this.dataSource.query<unknown[]>(STAMP);
    const key = stringify(query);
    const etag = `"${createHash('sha256')
      .update(`${stringify(stamp)}|${key}`)
      .digest('base64url')
      .slice(0, 27)}"`;
    return {
      etag,
      body: async () => {
        const kept = this.listings.get(key);
        if (kept?.etag === etag) return kept.body;
        const body = Buffer.from(JSON.stringify(await make()));
        this.listings.set(key, { etag, body });
        return body;
      },
    };
  }
}
