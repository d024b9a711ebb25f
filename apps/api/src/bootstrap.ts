import { INestApplication } from '@nestjs/common';
import { APP_CONFIG, AppConfig, logLevels } from '@maillage/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';

/** Builds the API app (used by main.ts and by the end-to-end tests). */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: logLevels(),
    bufferLogs: false,
    // GraphQL bodies are read by ApiLimitsModule (a cap per operation); nothing else takes a body.
    bodyParser: false,
  });
  // Client IPs (rate limits) come from X-Forwarded-For only through the proxies TRUST_PROXY names.
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).TRUST_PROXY);
  app.enableShutdownHooks();
  return app;
}
