import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ActualWriteJob, ActualWriteOutcome } from './actual-write-job.js';

/**
 * The thread's script next to this module: compiled JavaScript when the app runs from `dist/`,
 * TypeScript source under jest (and tsx), which a plain worker thread cannot load: there the
 * thread first loads tsx (a dev dependency) and imports the script through it.
 */
function startThread(job: ActualWriteJob, transferList: ArrayBuffer[]): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./actual-write.thread.js', here), { workerData: job, transferList });
  const script = new URL('./actual-write.thread.ts', here).href;
  const boot = `import(${JSON.stringify(tsxImportApi(here))}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`;
  return new Worker(boot, { eval: true, workerData: job, transferList });
}

/**
 * The URL of tsx's ESM API (`tsx/esm/api` as an import), found from `from` whatever the working
 * directory: its CommonJS build cannot register tsx in a worker thread.
 */
function tsxImportApi(from: string): string {
  const require = createRequire(from);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
}

/**
 * Writes the rows to the SQLite file in a worker thread, on its own connection and in one
 * transaction, so that this thread's event loop keeps serving meanwhile. The rows' typed arrays
 * are transferred (moved, not copied): `job.rows` is unusable here afterwards. Resolves once the
 * transaction is committed and the thread's connection closed; rejects with the database's error
 * (its `code` kept, e.g. SQLITE_CONSTRAINT_FOREIGNKEY) after a rollback.
 */
export function writeActualsInThread(job: ActualWriteJob): Promise<void> {
  const { rows } = job;
  const transferList = [rows.days, rows.metrics, rows.scopes, rows.sources, rows.values].map(
    (column) => column.buffer as ArrayBuffer,
  );
  return new Promise<void>((resolve, reject) => {
    const thread = startThread(job, transferList);
    let outcome: ActualWriteOutcome | null = null;
    thread.once('message', (message: ActualWriteOutcome) => (outcome = message));
    thread.once('error', reject);
    thread.once('exit', (exitCode) => {
      if (outcome?.ok) resolve();
      else if (outcome)
        reject(
          Object.assign(new Error(outcome.error.message), {
            name: outcome.error.name,
            code: outcome.error.code,
          }),
        );
      else reject(new Error(`The actuals write thread stopped (exit code ${exitCode}) without an answer`));
    });
  });
}
