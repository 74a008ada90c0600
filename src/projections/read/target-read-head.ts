import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { rawRowHydrator } from '../../infra/database/raw-row-hydrator.js';
import {
  sqliteTransactionQueue,
  type SqliteTransactionQueue,
} from '../../infra/database/sqlite-transaction-queue.js';
import { Target } from '../../targets/target.entity.js';

/** The columns of a target that a projection read shows or judges freshness by. */
export type TargetHead = Pick<
  Target,
  'id' | 'year' | 'metric' | 'scope' | 'venueId' | 'inputsVersion' | 'dirtySince'
>;

export interface ReadHead {
  target: TargetHead;
  /** The id of the target's newest projection snapshot; null before its first rebuild. */
  latestSnapshotId: string | null;
}

const COLUMNS = ['id', 'year', 'metric', 'scope', 'venueId', 'inputsVersion', 'dirtySince'] as const;
type HeadRow = Record<(typeof COLUMNS)[number] | 'latestSnapshotId', unknown>;

/**
 * What the projection and progress reads need before anything else, in ONE indexed query: the
 * target's identity and freshness columns and the id of its newest snapshot (which the process
 * usually holds parsed already, see LatestSnapshots). The reads are polled by dashboards, so
 * this skips TypeORM's query building and entity hydration: the statement is made once per
 * process in the driver's dialect and only `dirtySince` needs the driver's conversion. On SQLite
 * it is also prepared once on the driver's connection and run there, without a TypeORM query
 * runner per read (about 10 µs of a 60 µs read), taking turns with transactions as TypeORM's
 * statements do (sqliteTransactionQueue).
 */
@Injectable()
export class TargetReadHeads {
  private sql?: string;
  private prepared?: { connection: BetterSqlite3.Database; statement: BetterSqlite3.Statement };
  /** The SQLite data source's transaction queue (null on PostgreSQL), once looked up. */
  private sqlite?: SqliteTransactionQueue | null;
  private hydrateDirtySince?: (raw: Record<string, unknown>) => Pick<Target, 'dirtySince'>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Throws the 404 of an unknown target. */
  async of(targetId: string): Promise<ReadHead> {
    const row = await this.row(targetId);
    if (!row) throw new NotFoundError('Target', targetId);
    this.hydrateDirtySince ??= rawRowHydrator(this.dataSource, Target, ['dirtySince']);
    const { dirtySince } = this.hydrateDirtySince(row);
    return {
      target: {
        id: row.id as string,
        year: Number(row.year),
        metric: row.metric as Target['metric'],
        scope: row.scope as Target['scope'],
        venueId: (row.venueId as string | null) ?? null,
        inputsVersion: Number(row.inputsVersion),
        dirtySince: dirtySince ?? null,
      },
      latestSnapshotId: (row.latestSnapshotId as string | null) ?? null,
    };
  }

  private async row(targetId: string): Promise<HeadRow | undefined> {
    if (this.sqlite === undefined) this.sqlite = sqliteTransactionQueue(this.dataSource);
    const sqlite = this.sqlite;
    if (!sqlite) return (await this.dataSource.query<HeadRow[]>(this.statement(), [targetId]))[0];
    return sqlite.read((connection) => {
      if (this.prepared?.connection !== connection)
        this.prepared = { connection, statement: connection.prepare(this.statement()) };
      return this.prepared.statement.get(targetId) as HeadRow | undefined;
    });
  }

  private statement(): string {
    if (this.sql) return this.sql;
    const latest =
      'SELECT s."id" FROM "projection_snapshots" s WHERE s."targetId" = t."id" ORDER BY s."inputsVersion" DESC LIMIT 1';
    const [sql] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT ${COLUMNS.map((c) => `t."${c}"`).join(', ')}, (${latest}) AS "latestSnapshotId" ` +
        'FROM "targets" t WHERE t."id" = :id',
      { id: '' },
    );
    return (this.sql = sql);
  }
}
