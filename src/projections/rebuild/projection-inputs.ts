import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { Target } from '../../targets/target.entity.js';
import { RebuildQueue } from './rebuild-queue.js';

/** What changed, enough to find the targets whose projection it can move. */
export interface InputChange {
  source: 'campaign' | 'event' | 'actual' | 'target' | 'holiday';
  /** Calendar years (Asia/Shanghai) the change touches, e.g. the years an event spans before and after an edit. */
  years: number[];
  /**
   * Venues the change is about (before and after an edit). Targets scoped to the city are
   * always affected; venue-scoped targets only when their venue is listed. Empty = city only.
   */
  venueIds?: string[];
  /** Every target of the years whatever its scope (a change of the holiday calendar). */
  allVenues?: boolean;
  /** Only these targets (a target's own edit); `years` and `venueIds` are then ignored. */
  targetIds?: string[];
}

/** More distinct years than this are matched as one span (a multi-year import). */
const MAX_YEAR_TERMS = 20;

/** Records the changes of one transaction; the affected targets are queued after its commit. */
export type RecordChange = (change: InputChange) => Promise<void>;

type Source = InputChange['source'];

/**
 * A committed transaction moved the target's inputs version from `from` to `to`, and nothing
 * else moved it in between (the rows were the transaction's until its commit).
 */
export interface CommittedBump {
  targetId: string;
  from: number;
  to: number;
}

/** Told of the targets that only changes of these kinds moved. */
interface BumpListener {
  sources: ReadonlySet<Source>;
  tell: (bumps: CommittedBump[]) => void;
}

/** How one transaction bumped a target: how many times, and by which kinds of change. */
interface Bump {
  count: number;
  sources: Set<Source>;
}

const onlyOf = (bump: Bump, listener: BumpListener): boolean =>
  [...bump.sources].every((source) => listener.sources.has(source));

/**
 * The one door through which every feature says "projection inputs changed": it marks the
 * affected targets dirty (bumps `inputsVersion`, sets `dirtySince`) IN THE SAME TRANSACTION as
 * the data, with the caller's entity manager, and enqueues their rebuilds once committed.
 *
 * A target is affected by a change in year Y when Y lies between its baseline year and its own
 * year (both included): the baseline year's actuals set its total and the shape of its path,
 * the target year's actuals, events and campaigns its projection. City targets are affected by
 * any venue's change too (events at a venue move the city's projection).
 *
 * The database mark is the source of truth and commits or rolls back with the data: when the
 * process dies between the commit and the enqueue, or Redis is unreachable, the rebuild is not
 * queued (a warning is logged, the request still succeeds) and the worker's sweep (at start and
 * every REBUILD_SWEEP_SECONDS) finds the dirty target in the database and queues it.
 */
@Injectable()
export class ProjectionInputs {
  private readonly logger = new Logger(ProjectionInputs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rebuilds: RebuildQueue,
    private readonly clock: Clock,
  ) {}

  private readonly followers: ((change: InputChange) => Promise<void>)[] = [];
  private readonly bumpListeners: BumpListener[] = [];

  /**
   * Another feature that follows the same changes after their commit (the measured effects);
   * its promise must not reject.
   */
  follow(follower: (change: InputChange) => Promise<void>): void {
    this.followers.push(follower);
  }

  /**
   * Told, after each commit through {@link transaction}, how it moved the inputs version of each
   * target that only changes of these kinds moved (the target paths' memo follows the moves that
   * leave a path alone instead of reading its inputs again). The versions are read inside the
   * transaction, and only when some target was moved so.
   */
  onCommittedBumps(sources: ReadonlySet<Source>, tell: (bumps: CommittedBump[]) => void): void {
    this.bumpListeners.push({ sources, tell });
  }

  /**
   * Runs `work` in a transaction; every `changed(...)` it calls marks the affected targets
   * dirty inside that transaction, and their rebuilds are queued after the commit.
   */
  async transaction<T>(work: (manager: EntityManager, changed: RecordChange) => Promise<T>): Promise<T> {
    const changes: InputChange[] = [];
    const bumps = new Map<string, Bump>();
    let reached = new Map<string, CommittedBump>();
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager, async (change) => {
        changes.push(change);
        for (const id of await this.record(manager, change)) {
          const bump = bumps.get(id) ?? { count: 0, sources: new Set() };
          bump.count++;
          bump.sources.add(change.source);
          bumps.set(id, bump);
        }
      });
      reached = await this.versionsReached(manager, bumps);
      return value;
    });
    for (const listener of this.bumpListeners) {
      const told = [...reached.values()].filter((b) => onlyOf(bumps.get(b.targetId)!, listener));
      if (told.length) listener.tell(told);
    }
    const ids = [...bumps.keys()];
    await this.queue(ids, [...new Set(changes.map((c) => c.source))].join('/'));
    // Followers queue their own work; the request does not wait for them.
    for (const change of changes) for (const follower of this.followers) void follower(change);
    return result;
  }

  /**
   * Marks the targets a change affects dirty with the caller's entity manager (inside its
   * transaction); returns their ids, to `queue` after the commit.
   */
  async record(manager: EntityManager, change: InputChange): Promise<string[]> {
    const ids = await this.affectedTargets(change, manager);
    await this.markTargets(manager, ids);
    return ids;
  }

  /**
   * The versions reached by the transaction's bumps that a listener is told of, read inside it:
   * the rows it bumped are its own until the commit (PostgreSQL's row locks; SQLite serialises
   * writers), so each moved by exactly its count of bumps.
   */
  private async versionsReached(
    manager: EntityManager,
    bumps: Map<string, Bump>,
  ): Promise<Map<string, CommittedBump>> {
    const wanted = [...bumps]
      .filter(([, bump]) => this.bumpListeners.some((listener) => onlyOf(bump, listener)))
      .map(([id]) => id);
    if (!wanted.length) return new Map();
    const rows = await manager
      .getRepository(Target)
      .createQueryBuilder('t')
      .select(['t.id', 't.inputsVersion'])
      .whereInIds(wanted)
      .getMany();
    return new Map(
      rows.map((t) => [
        t.id,
        { targetId: t.id, from: t.inputsVersion - bumps.get(t.id)!.count, to: t.inputsVersion },
      ]),
    );
  }

  /** After the commit: queues the rebuilds of these targets (best effort; the sweep catches up). */
  async queue(targetIds: string[], source = 'input'): Promise<void> {
    if (!targetIds.length) return;
    const result = await this.rebuilds.enqueue(targetIds);
    if (result.failed) {
      this.logger.warn(
        `Marked ${targetIds.length} target(s) dirty after a ${source} change but could not queue ` +
          `${result.failed} rebuild(s) (${result.error}); the worker's sweep will queue them`,
      );
    }
  }

  /** Marks the affected targets dirty on its own (a forced rebuild); returns their ids. */
  async markDirty(change: InputChange): Promise<string[]> {
    return this.dataSource.transaction((manager) => this.record(manager, change));
  }

  /**
   * Bumps the inputs version of the targets and sets `dirtySince`.
   * PostgreSQL locks the rows of a multi-row UPDATE in whatever order it meets them, so two
   * concurrent changes touching the same targets (every change touches the city's) could
   * deadlock: there each row is its own statement, in id order. SQLite serialises writers, so
   * one statement does.
   */
  async markTargets(manager: EntityManager, targetIds: string[]): Promise<void> {
    const ids = [...new Set(targetIds)].sort();
    if (!ids.length) return;
    const now = this.clock.now();
    const batches = this.dataSource.options.type === 'postgres' ? ids.map((id) => [id]) : [ids];
    for (const batch of batches) {
      await manager
        .createQueryBuilder()
        .update(Target)
        .set({
          inputsVersion: () => '"inputsVersion" + 1',
          dirtySince: () => 'COALESCE("dirtySince", :now)',
        })
        .setParameter('now', now)
        .whereInIds(batch)
        .updateEntity(false)
        .execute();
    }
  }

  /** The ids of the targets a change can move, sorted. */
  async affectedTargets(
    change: InputChange,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    return (await this.findAffected(change, manager)).sort();
  }

  private async findAffected(change: InputChange, manager: EntityManager): Promise<string[]> {
    const query = manager.getRepository(Target).createQueryBuilder('t').select('t.id', 'id');
    if (change.targetIds) {
      if (!change.targetIds.length) return [];
      query.where('t.id IN (:...ids)', { ids: change.targetIds });
    } else {
      const years = [...new Set(change.years)].sort((a, b) => a - b);
      if (!years.length) return [];
      if (years.length > MAX_YEAR_TERMS) {
        query.where('t.baselineYear <= :last AND t.year >= :first', {
          first: years[0],
          last: years[years.length - 1],
        });
      } else {
        const terms = years.map((_, i) => `(t.baselineYear <= :y${i} AND t.year >= :y${i})`);
        query.where(`(${terms.join(' OR ')})`, Object.fromEntries(years.map((y, i) => [`y${i}`, y])));
      }
      const venueIds = [...new Set(change.venueIds ?? [])];
      if (change.allVenues) {
        // no scope filter
      } else if (venueIds.length) {
        query.andWhere("(t.scope = 'city' OR t.venueId IN (:...venueIds))", { venueIds });
      } else {
        query.andWhere("t.scope = 'city'");
      }
    }
    const rows = await query.getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
