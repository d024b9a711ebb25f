import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, logLevels, parseEnv } from '@maillage/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  parseEnv(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: logLevels() });
  app.enableShutdownHooks();
  Logger.log('worker started', 'Maillage');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err?.stack ?? err)}\n`);
  process.exit(1);
});
