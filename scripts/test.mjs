#!/usr/bin/env node
// `npm test`: throwaway services (own Neo4j data directory and port, own PostgreSQL database,
// own Redis key prefix), then every test tier. Extra arguments go to jest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import {
  ROOT,
  SetupError,
  checkRedis,
  clearRedisPrefix,
  dropPostgresDatabase,
  ensureBuilt,
  ensureLauncherBuilt,
  run,
  ensureNpmDeps,
  ensurePostgres,
  freePort,
  log,
  startNeo4j,
} from './lib/services.mjs';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, withDatabase } from './lib/env.mjs';

const jestArgs = process.argv.slice(2);
// Reference geography loaded for tests: Isère (demo territory) and its neighbours.
const TEST_DEPARTEMENTS = '38,73,69';
const cleanups = [];

async function main() {
  const started = Date.now();
  ensureNpmDeps();
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const env = { LOG_LEVEL: 'warn', ...process.env, NODE_ENV: 'test' };

  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  await checkRedis(redisUrl);
  env.REDIS_URL = redisUrl;
  env.REDIS_PREFIX = `maillage-test-${runId}`;
  cleanups.push(() => clearRedisPrefix(redisUrl, env.REDIS_PREFIX));

  const databaseUrl = withDatabase(
    process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    `maillage_test_${runId}`,
  );
  await ensurePostgres(databaseUrl);
  env.DATABASE_URL = databaseUrl;
  cleanups.push(() => dropPostgresDatabase(databaseUrl));

  if (!process.env.NEO4J_URI) {
    ensureLauncherBuilt();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'maillage-neo4j-test-'));
    const port = await freePort();
    log(`starting a throwaway Neo4j on port ${port}…`);
    const neo = await startNeo4j({ dataDir, port, heap: process.env.NEO4J_HEAP ?? '1g', pageCacheMb: 256 });
    cleanups.push(async () => {
      await neo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    env.NEO4J_URI = neo.uri;
    log(`Neo4j ready at ${neo.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  env.AUTH_TOKEN_SECRET ??= 'test-secret-not-for-production';

  // Migrate and seed through the same CLI `npm start` uses (fails when entities and migrations disagree).
  ensureBuilt();
  const cli = (...args) =>
    run(process.execPath, [path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { env });
  cli('db:migrate');
  cli('seed', '--departements', TEST_DEPARTEMENTS);

  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--maxWorkers=2', ...jestArgs],
      { cwd: ROOT, env, stdio: 'inherit' },
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  log(`tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (err) {
      log(`cleanup: ${err.message}`);
    }
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  process.stderr.write(`[maillage] ${err instanceof SetupError ? err.message : err.stack}\n`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
