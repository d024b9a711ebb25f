#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every test tier in one Jest run. Jest's globalSetup
// (test/setup/global-setup.mjs) builds, starts the throwaway services (own Neo4j data directory and
// port, own PostgreSQL database, own Redis key prefix), migrates and seeds; globalTeardown removes
// them. Unit and integration suites run in parallel, then end-to-end suites one at a time
// (jest.config.js). The console's component tests run first with Vitest. Extra arguments go to jest only.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { ROOT, SetupError, ensureNpmDeps, log } from './lib/services.mjs';

// The console's component tests (Vitest + Testing Library in jsdom, the *.test.tsx files of apps/web/src).
function runWebComponentTests() {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'apps/web/vite.config.ts'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
}

// The console's browser suites drive Debian's Chromium (test/support/console.ts reads the same path):
// a missing browser stops here with one message instead of failing those suites one by one.
function ensureChromium() {
  const args = process.argv.slice(2);
  if (args.length > 0 && !args.some((a) => a.includes('console'))) return;
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium))
    throw new SetupError(
      `Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
}

async function main() {
  const started = Date.now();
  ensureNpmDeps();
  ensureChromium();
  // With arguments (`npm test -- test/x.e2e-spec.ts`), only Jest runs them.
  const webCode = process.argv.length > 2 ? 0 : await runWebComponentTests();
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--ci',
        '--passWithNoTests',
        '--maxWorkers=2',
        ...process.argv.slice(2),
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  log(`tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code || webCode;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  process.stderr.write(`[maillage] ${err instanceof SetupError ? err.message : err.stack}\n`);
}
process.exit(exitCode);
