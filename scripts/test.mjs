#!/usr/bin/env node
// `npm test`: throwaway services (own Neo4j data directory and port, own PostgreSQL database,
// own Redis key prefix), then every test tier. Extra arguments go to jest.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, SetupError, ensureBuilt, ensureNpmDeps, log, run } from './lib/services.mjs';
import { throwawayServices } from './lib/throwaway.mjs';

const jestArgs = process.argv.slice(2);
// Reference geography loaded for tests: Isère (demo territory) and its neighbours.
const TEST_DEPARTEMENTS = '38,73,69';

let cleanup = async () => {};

async function main() {
  const started = Date.now();
  ensureNpmDeps();
  const services = await throwawayServices({ label: 'test' });
  cleanup = services.cleanup;
  const { env } = services;

  // Migrate and seed through the same CLI `npm start` uses (fails when entities and migrations disagree).
  ensureBuilt();
  const cli = (...args) =>
    run(process.execPath, [path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { env });
  cli('db:migrate');
  cli('seed', '--departements', TEST_DEPARTEMENTS);

  // Unit and integration suites run in parallel; end-to-end suites run one at a time because their
  // in-process workers share the queues and the outbox of one throwaway database.
  const jest = (args) =>
    new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--ci',
          '--passWithNoTests',
          ...args,
          ...jestArgs,
        ],
        { cwd: ROOT, env, stdio: 'inherit' },
      );
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
  const fast = await jest(['--selectProjects', 'unit', 'integration', '--maxWorkers=2']);
  const e2e = await jest(['--selectProjects', 'e2e', '--runInBand']);
  const code = fast || e2e;
  log(`tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
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
