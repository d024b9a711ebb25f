import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, parseEnv } from '@maillage/config';
import { WorkerHealthServer } from '@maillage/health';
import { QueueName } from '@maillage/jobs';
import { PinoNestLogger, createLogger } from '@maillage/observability';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = parseEnv(process.env);
  const started = Date.now();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createLogger('worker', config.LOG_LEVEL)),
  });
  app.enableShutdownHooks();
  const port = app.get(WorkerHealthServer).port();
  // The one start-up line at the default level (Nest's per-module lines are at debug).
  Logger.log(
    {
      msg: 'worker ready',
      queues: Object.values(QueueName),
      concurrency: config.WORKER_CONCURRENCY,
      health: port === undefined ? null : `http://${config.HOST}:${port}/health/{live,ready}`,
      metrics: port === undefined ? null : `http://${config.HOST}:${port}/metrics`,
      startMs: Date.now() - started,
      node: process.version,
      logLevel: config.LOG_LEVEL,
    },
    'Maillage',
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err?.stack ?? err)}\n`);
  process.exit(1);
});
