// The stores integration and end-to-end specs expect: throwaway services (scripts/lib/throwaway.mjs),
// migrated and seeded once per run through the same built CLI `npm start` uses (so a run fails when
// entities and migrations disagree). Used by Jest's globalSetup (test/setup/global-setup.mjs).
import { ensureBuilt, ensureWebBuilt, log, runCli } from './services.mjs';
import { throwawayServices } from './throwaway.mjs';

// Reference geography loaded for tests: Isère (demo territory) and its neighbours. Haute-Savoie
// (74: test/complementarity.e2e-spec.ts), the Ain (01: test/reliability-processes.e2e-spec.ts) and
// the Hautes-Alpes (05: test/console.e2e-spec.ts) each belong to one suite, whose rankings and
// scores must not move with other suites' actors.
export const TEST_DEPARTEMENTS = '38,73,69,74,01,05';

/** Returns { env, cleanup } like throwawayServices(), with the stores migrated and seeded. */
export async function prepareTestStores() {
  const started = Date.now();
  // Compile (API, then the web console served by it: test/console.e2e-spec.ts) while Neo4j starts.
  const [services, build] = await Promise.allSettled([
    throwawayServices({ label: 'test' }),
    ensureBuilt().then(() => ensureWebBuilt()),
  ]);
  if (services.status === 'rejected') throw services.reason;
  const { env, cleanup } = services.value;
  // Every suite calls the API from 127.0.0.1: test/limits.e2e-spec.ts sets low limits for itself.
  env.RATE_LIMIT_PER_IP ??= '1000000';
  env.RATE_LIMIT_PER_KEY ??= '1000000';
  try {
    if (build.status === 'rejected') throw build.reason;
    runCli(env, 'db:migrate');
    runCli(env, 'seed', '--departements', TEST_DEPARTEMENTS);
  } catch (err) {
    await cleanup();
    throw err;
  }
  log(`test stores ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { env, cleanup };
}
