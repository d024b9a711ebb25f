import { INestApplication } from '@nestjs/common';
import { logLevels } from '@maillage/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';

/** Builds the API app (used by main.ts and by the end-to-end tests). */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: logLevels(),
    bufferLogs: false,
  });
  // CSV imports travel inside GraphQL requests: allow up to the async import's 20 MB limit.
  app.useBodyParser('json', { limit: '21mb' });
  app.enableShutdownHooks();
  return app;
}
