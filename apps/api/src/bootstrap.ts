import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig, parseEnv } from '@maillage/config';
import { PinoNestLogger, createLogger } from '@maillage/observability';
import { AppModule } from './app.module';
import { mountOpsRoutes } from './ops/ops-routes';
import { requestObserver } from './ops/request-observer';
import { serveWebConsole } from './web-console';

/** Builds the API app (used by main.ts and by the end-to-end tests). */
export async function createApiApp(): Promise<INestApplication> {
  const logger = createLogger('api', parseEnv(process.env).LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // GraphQL bodies are read by ApiLimitsModule (a cap per operation); nothing else takes a body.
    bodyParser: false,
  });
  // Client IPs (rate limits) come from X-Forwarded-For only through the proxies TRUST_PROXY names.
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).TRUST_PROXY);
  // Before Nest's router: every request gets an id and an access-log line.
  app.use(requestObserver(logger));
  mountOpsRoutes(app);
  app.enableShutdownHooks();
  // The web console (dist/web) on the same origin, when it is built.
  serveWebConsole(app);
  return app;
}
