import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, parseEnv } from '@maillage/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = parseEnv(process.env);
  const app = await createApiApp();
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  Logger.log(`GraphQL API ready at ${url}/graphql, web console at ${url}/`, 'Maillage');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err?.stack ?? err)}\n`);
  process.exit(1);
});
