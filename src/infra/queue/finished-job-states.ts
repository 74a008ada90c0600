import type { Queue } from 'bullmq';

export type FinishedState = 'completed' | 'failed';

/** Ids per Redis command: 1,000 ids are about 40 KB of arguments. */
const CHUNK = 1_000;

/** KEYS: the queue's completed and failed sets; ARGV: job ids. One answer per id, '' when unfinished. */
const SCRIPT = `
local out = {}
for i, id in ipairs(ARGV) do
  if redis.call('ZSCORE', KEYS[1], id) then out[i] = 'completed'
  elseif redis.call('ZSCORE', KEYS[2], id) then out[i] = 'failed'
  else out[i] = '' end
end
return out`;

const COMMAND = 'plannerFinishedStates';
/** Clients the script is registered on (BullMQ's connection runs it by name, as its own scripts). */
const defined = new WeakSet<object>();

/**
 * Which of the given jobs have finished (completed or failed), in one Redis command per thousand
 * ids instead of two per job (`getJob` then `getState`). Jobs in any other state, and ids with no
 * job, are left out.
 */
export async function finishedJobStates(
  queue: Queue,
  jobIds: readonly string[],
): Promise<Map<string, FinishedState>> {
  const out = new Map<string, FinishedState>();
  if (!jobIds.length) return out;
  const client = await queue.backend.client;
  if (!defined.has(client)) {
    client.defineCommand(COMMAND, { numberOfKeys: 2, lua: SCRIPT, readOnly: true });
    defined.add(client);
  }
  const keys = [queue.toKey('completed'), queue.toKey('failed')];
  for (let i = 0; i < jobIds.length; i += CHUNK) {
    const ids = jobIds.slice(i, i + CHUNK);
    const states = (await client.runCommand(COMMAND, [...keys, ...ids])) as string[];
    states.forEach((state, k) => {
      if (state === 'completed' || state === 'failed') out.set(ids[k], state);
    });
  }
  return out;
}
