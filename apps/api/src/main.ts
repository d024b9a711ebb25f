import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, parseEnv } from '@maillage/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = parseEnv(process.env);
  const started = Date.now();
  const app = await createApiApp();
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  // The one start-up line at the default level (Nest's per-module lines are at debug).
  Logger.log(
    {
      msg: 'api ready',
      console: `${url}/`,
      graphql: `${url}/graphql`,
      health: `${url}/health/{live,ready}`,
      metrics: `${url}/metrics`,
      queues: `${url}/admin/queues`,
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
