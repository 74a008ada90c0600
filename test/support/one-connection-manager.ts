import type { EntityManager } from 'typeorm';

/**
 * A stand-in for a transaction's entity manager, whose one PostgreSQL connection runs one query
 * at a time: every call answers `rows` a tick later, and `overlapped` turns true when a call
 * starts while another is still running (node-postgres deprecates that, and pg 9 refuses it).
 */
export function oneConnectionManager(rows: unknown[] = []) {
  let running = 0;
  const state = { overlapped: false, calls: 0 };
  const query = async () => {
    state.calls++;
    if (running > 0) state.overlapped = true;
    running++;
    await new Promise((resolve) => setImmediate(resolve));
    running--;
    return rows;
  };
  const repository = { find: query, findBy: query };
  const manager = { find: query, findBy: query, getRepository: () => repository } as unknown as EntityManager;
  return { manager, state };
}
