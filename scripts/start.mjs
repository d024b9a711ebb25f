#!/usr/bin/env node
// `npm start`: installs what is missing, brings up Neo4j (embedded, unless NEO4J_URI is set),
// checks PostgreSQL and Redis, migrates and seeds (idempotent), then runs the API and one worker.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  SetupError,
  checkRedis,
  ensureBuilt,
  ensureWebBuilt,
  ensureLauncherBuilt,
  ensureNpmDeps,
  ensurePostgres,
  log,
  portOpen,
  runCli,
  startNeo4j,
} from './lib/services.mjs';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/env.mjs';

const DATA_DIR = path.resolve(process.env.MAILLAGE_DATA_DIR ?? path.join(ROOT, '.data'));
/** The demo admin (create-admin's default e-mail). */
const ADMIN_EMAIL = 'admin@maillage.local';
const children = [];
let neo4j = null;
let stopping = false;

function startProcess(name, script, env) {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, script)], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} stopped (${signal ?? code}); shutting down`);
      shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new SetupError(`the API did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/** A child has ended once it has an exit code or was ended by a signal (then exitCode is null). */
const ended = (child) => child.exitCode !== null || child.signalCode !== null;

/** Children get SIGTERM, then SIGKILL after this long (the worker gives active jobs 4 s); Neo4j
 * gets 3 s: the whole stop stays within 10 s. */
const CHILD_GRACE_MS = 4_500;
const NEO4J_GRACE_MS = 3_000;

function stopChild(child) {
  return new Promise((resolve) => {
    if (ended(child)) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), CHILD_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  log('stopping…');
  await Promise.all(children.map(stopChild));
  if (neo4j) await neo4j.stop({ graceMs: NEO4J_GRACE_MS });
  log(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

async function main() {
  ensureNpmDeps();
  await ensureBuilt();
  await ensureWebBuilt();
  mkdirSync(DATA_DIR, { recursive: true });
  const env = { NODE_ENV: 'development', ...process.env };
  env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
  env.REDIS_URL ??= DEFAULT_REDIS_URL;
  env.PORT ??= '3000';

  // A local secret, created once, so tokens survive restarts.
  const secretFile = path.join(DATA_DIR, 'auth-token-secret');
  if (!env.AUTH_TOKEN_SECRET) {
    if (!existsSync(secretFile)) {
      // Created with mode 0600 (never readable by others), then renamed: atomic.
      const tmp = `${secretFile}.${process.pid}.tmp`;
      writeFileSync(tmp, (await import('node:crypto')).randomBytes(32).toString('base64url'), {
        mode: 0o600,
        flag: 'wx',
      });
      renameSync(tmp, secretFile);
    }
    env.AUTH_TOKEN_SECRET = readFileSync(secretFile, 'utf8').trim();
  }

  await checkRedis(env.REDIS_URL);
  await ensurePostgres(env.DATABASE_URL);
  if (await portOpen(Number(env.PORT)))
    throw new SetupError(`port ${env.PORT} is already in use: set PORT to another one`);

  if (!env.NEO4J_URI) {
    ensureLauncherBuilt();
    const port = Number(process.env.NEO4J_PORT ?? 7687);
    log(`starting embedded Neo4j 5.26 on port ${port} (data in ${path.join(DATA_DIR, 'neo4j')})…`);
    neo4j = await startNeo4j({
      dataDir: path.join(DATA_DIR, 'neo4j'),
      port,
      heap: process.env.NEO4J_HEAP ?? '2g',
      pageCacheMb: 512,
    });
    env.NEO4J_URI = neo4j.uri;
    log(`Neo4j ready at ${neo4j.uri}`);
  }

  runCli(env, 'db:migrate');
  runCli(env, 'seed');
  runCli(env, 'seed-demo');

  // The first admin's key goes straight from the CLI to a 0600 file (written atomically), never
  // through a pipe or the terminal.
  const keyFile = path.join(DATA_DIR, 'admin-api-key');
  if (!existsSync(keyFile)) runCli(env, 'create-admin', '--email', ADMIN_EMAIL, '--key-file', keyFile);
  const adminKey = existsSync(keyFile)
    ? readFileSync(keyFile, 'utf8').trim()
    : '(see npm run cli -- create-admin)';

  // The demo admin's console password: generated once, straight from the CLI to a 0600 file.
  const passwordFile = path.join(DATA_DIR, 'admin-password');
  if (existsSync(keyFile) && !existsSync(passwordFile))
    runCli(env, 'admin-password', '--email', ADMIN_EMAIL, '--password-file', passwordFile);

  startProcess('api', 'dist/apps/api/src/main.js', env);
  startProcess('worker', 'dist/apps/worker/src/main.js', env);
  const url = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(`${url}/health`);

  // Fresh partner lists for the demo data: a rebuild is cheap at this size and idempotent.
  let scoring = '';
  if (existsSync(keyFile)) {
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query: 'mutation { startScoringRun { id } }' }),
      });
      const id = (await res.json())?.data?.startScoringRun?.id;
      if (id)
        scoring = `    Scoring run   ${id} (partners are ready once it SUCCEEDED: { scoringRun(id: "${id}") { status } })\n`;
    } catch {
      // The API is up; scores can be rebuilt later with startScoringRun.
    }
  }

  process.stdout.write(`
  Maillage is running.
    Web console   ${url}/   (French; English from the header)
    GraphQL API   ${url}/graphql   (POST; introspection on)
    Health        ${url}/health
    Admin API key ${adminKey}   (kept in ${keyFile})
    Demo admin    sign in on the console as ${ADMIN_EMAIL} with the password in ${passwordFile}
                  (or paste the admin API key); invite people from Administration → Utilisateurs
${scoring}
  Try:
    curl -s ${url}/graphql -H 'content-type: application/json' \\
      -d '{"query":"{ actors(filter: { territory: \\"38\\", kinds: [ASSOCIATION] }, first: 3) { edges { node { name kind location { name } needs { competence { label } priority } } } } }"}'

  Press Ctrl+C to stop.
`);
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

main().catch(async (err) => {
  process.stderr.write(`[maillage] ${err instanceof SetupError ? err.message : err.stack}\n`);
  await shutdown(1);
});
