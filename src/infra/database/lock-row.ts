import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Reads a row for update inside a transaction: `SELECT ... FOR UPDATE` on PostgreSQL, so that
 * concurrent writers of the same row (a fund, a campaign, an organization) take turns; on SQLite transactions are already
 * serialised (see sqlite-transaction-queue), so a plain read is enough there.
 */
export function lockRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  return forUpdate(
    manager.getRepository(entity).createQueryBuilder('r').where('r.id = :id', { id }),
  ).getOne();
}

/** The rows a query selects, locked for update on PostgreSQL (as `lockRow`; SQLite needs no lock). */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.connection.options.type === 'postgres' ? query.setLock('pessimistic_write') : query;
}
