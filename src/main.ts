import 'reflect-metadata';
import { loadConfig } from './common/config/app-config.js';
import { createHttpApp } from './app/http-app.js';
import { closeOnSignals, runProcess } from './app/run-process.js';

/** The API process: serves HTTP and only adds jobs. Run any number of them. */
runProcess(async () => {
  const config = loadConfig();
  const app = await createHttpApp(config, { withWorker: false });
  closeOnSignals(app);
  await app.listen({ port: config.http.port, host: config.http.host });
});
