// Jest globalTeardown: stops the throwaway Neo4j, drops the run's PostgreSQL database and Redis keys.
export default async function globalTeardown() {
  const stores = globalThis.__maillageTestStores;
  delete globalThis.__maillageTestStores;
  await stores?.cleanup();
}
