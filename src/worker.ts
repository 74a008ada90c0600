import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './common/config/app-config.js';
import { WorkerModule } from './app/worker.module.js';
import { closeOnSignals, runProcess } from './app/run-process.js';

/**
 * A worker process: runs the queue processors and schedulers and opens no port. Run any number;
 * on SIGTERM it stops taking jobs and finishes the ones in hand before exiting.
 */
runProcess(async () => {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { runMigrations: false }),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  closeOnSignals(app);
  await app.init();
  app.get(Logger).log(`Worker ${process.pid} is taking jobs`);
});
