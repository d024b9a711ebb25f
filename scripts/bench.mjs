#!/usr/bin/env node
// `npm run bench:<name>`: builds, starts throwaway services when the benchmark needs them, and
// runs dist/bench/<name>/run.js, whose last output line is one JSON object with its figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, SetupError, ensureBuilt, ensureNpmDeps, runCli } from './lib/services.mjs';
import { throwawayServices } from './lib/throwaway.mjs';

// services: throwaway Neo4j/PostgreSQL/Redis; seed: migrated and seeded (all of France) first.
const BENCHMARKS = {
  scoring: { services: true, seed: true },
  schedule: { services: false },
  'seed-france': { services: true, seed: false }, // measures the geography load itself
  'actor-load': { services: true, seed: false }, // seeds the geography it needs itself
  'edge-write': { services: true, seed: false }, // the COMPLEMENTS writer alone
  soak: { services: true, seed: 'demo' }, // Isère + the demo territory + a first admin; starts API and worker
};
const name = process.argv[2];
let cleanup = async () => {};

async function main() {
  const bench = Object.hasOwn(BENCHMARKS, name ?? '') ? BENCHMARKS[name] : undefined;
  if (!bench) throw new SetupError(`unknown benchmark "${name}" (${Object.keys(BENCHMARKS).join(', ')})`);
  ensureNpmDeps();
  await ensureBuilt();
  let env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  if (bench.services) {
    const services = await throwawayServices({ label: 'bench', neo4jHeap: '3g', pageCacheMb: 1024 });
    cleanup = services.cleanup;
    env = { ...services.env, NODE_ENV: 'production' };
    if (bench.seed === 'demo') {
      runCli(env, 'db:migrate');
      runCli(env, 'seed', '--departements', '38');
      runCli(env, 'seed-demo');
      const dir = mkdtempSync(path.join(tmpdir(), 'maillage-soak-'));
      const keyFile = path.join(dir, 'admin-api-key');
      runCli(env, 'create-admin', '--key-file', keyFile);
      env.SOAK_ADMIN_KEY_FILE = keyFile;
      const previous = cleanup;
      cleanup = async () => {
        rmSync(dir, { recursive: true, force: true });
        await previous();
      };
    } else if (bench.seed) {
      runCli(env, 'db:migrate');
      runCli(env, 'seed');
    }
  }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        // BENCH_HEAP_MB: a larger heap for the 400k runs (the bench process holds API and worker)
        `--max-old-space-size=${Number(process.env.BENCH_HEAP_MB ?? 6144)}`,
        path.join(ROOT, 'dist', 'bench', name, 'run.js'),
        ...process.argv.slice(3),
      ],
      {
        cwd: ROOT,
        env,
        stdio: 'inherit',
      },
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  process.stderr.write(`[maillage] ${err instanceof SetupError ? err.message : err.stack}\n`);
} finally {
  await cleanup();
}
process.exit(exitCode);
