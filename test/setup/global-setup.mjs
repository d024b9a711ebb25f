// Jest globalSetup of the integration and end-to-end projects (jest.config.js): starts the throwaway
// stores once per run, so `npx jest test/actors.e2e-spec.ts` works as well as `npm test`. Unit-only
// runs do not trigger it. NEO4J_URI, DATABASE_URL and REDIS_URL, when set, name servers to reuse;
// each run still gets its own PostgreSQL database and Redis key prefix.
import { SetupError } from '../../scripts/lib/services.mjs';
import { prepareTestStores } from '../../scripts/lib/test-stores.mjs';

export default async function globalSetup() {
  if (globalThis.__maillageTestStores) return;
  let stores;
  try {
    stores = await prepareTestStores();
  } catch (err) {
    // A missing service is a one-line message naming what to install or set, not a stack trace.
    if (err instanceof SetupError) err.stack = `[maillage] ${err.message}`;
    throw err;
  }
  // Test workers are forked after globalSetup and inherit the parent's environment (tests that run
  // in band read it directly), so this is how NEO4J_URI, DATABASE_URL, REDIS_PREFIX... reach them.
  Object.assign(process.env, stores.env);
  globalThis.__maillageTestStores = stores;
}
