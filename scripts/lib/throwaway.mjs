// Throwaway services for tests and benchmarks: own Neo4j data directory and port, own
// PostgreSQL database, own Redis key prefix — all removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkRedis,
  clearRedisPrefix,
  dropPostgresDatabase,
  ensureLauncherBuilt,
  ensurePostgres,
  freePort,
  log,
  startNeo4j,
} from './services.mjs';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, withDatabase } from './env.mjs';

/** Returns { env, cleanup }: env points at fresh stores; cleanup() removes them. */
export async function throwawayServices({ label = 'test', neo4jHeap = '1g', pageCacheMb = 256 } = {}) {
  const started = Date.now();
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (err) {
        log(`cleanup: ${err.message}`);
      }
    }
  };
  try {
    const runId = `${process.pid}_${Date.now().toString(36)}`;
    const env = { LOG_LEVEL: 'warn', ...process.env, NODE_ENV: 'test' };

    const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
    await checkRedis(redisUrl);
    env.REDIS_URL = redisUrl;
    env.REDIS_PREFIX = `maillage-${label}-${runId}`;
    cleanups.push(() => clearRedisPrefix(redisUrl, env.REDIS_PREFIX));

    const databaseUrl = withDatabase(
      process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
      `maillage_${label}_${runId}`,
    );
    await ensurePostgres(databaseUrl);
    env.DATABASE_URL = databaseUrl;
    cleanups.push(() => dropPostgresDatabase(databaseUrl));

    if (!process.env.NEO4J_URI) {
      ensureLauncherBuilt();
      const dataDir = mkdtempSync(path.join(tmpdir(), `maillage-neo4j-${label}-`));
      const port = await freePort();
      log(`starting a throwaway Neo4j on port ${port}…`);
      const neo = await startNeo4j({
        dataDir,
        port,
        heap: process.env.NEO4J_HEAP ?? neo4jHeap,
        pageCacheMb: Number(process.env.NEO4J_PAGE_CACHE_MB ?? pageCacheMb),
      });
      cleanups.push(async () => {
        await neo.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      env.NEO4J_URI = neo.uri;
      log(`Neo4j ready at ${neo.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    env.AUTH_TOKEN_SECRET ??= `${label}-token-secret-not-for-production-use`;
    return { env, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
