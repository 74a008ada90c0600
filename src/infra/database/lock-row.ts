import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

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
  const query = manager.getRepository(entity).createQueryBuilder('r').where('r.id = :id', { id });
  if (manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
  return query.getOne();
}
