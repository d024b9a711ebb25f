/** Runs once per test run, before any suite: nothing to do for unit-only runs. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.NEO4J_URI) return;
}
