import { INestApplication } from '@nestjs/common';
import { logLevels } from '@maillage/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { serveWebConsole } from './web-console';

/** Builds the API app (used by main.ts and by the end-to-end tests). */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: logLevels(),
    bufferLogs: false,
    // GraphQL bodies are read by ApiLimitsModule (a cap per operation); nothing else takes a body.
    bodyParser: false,
  });
  app.enableShutdownHooks();
  // The web console (dist/web) on the same origin, when it is built.
  serveWebConsole(app);
  return app;
}
