/** Three tiers: unit specs beside the code (no services), integration specs beside the code (real
 * Neo4j/PostgreSQL/Redis), end-to-end specs in test/. The integration and end-to-end projects share
 * one globalSetup that starts throwaway stores, migrated and seeded once per run through the real
 * CLI (test/setup/global-setup.mjs), so `npx jest <file>` works on its own; unit-only runs skip it.
 * End-to-end suites run one at a time, after the parallel ones (test/setup/serial-runner.cjs). */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
};
const base = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform,
  // A library's index, and the few second entry points a library declares (eslint.boundaries.mjs).
  moduleNameMapper: {
    '^@maillage/scoring/testing$': '<rootDir>/libs/scoring/src/testing',
    '^@maillage/(.*)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};
const withStores = {
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
};

module.exports = {
  transform,
  moduleNameMapper: base.moduleNameMapper,
  testTimeout: 60000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,graph-seeds,bench}/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...base,
      ...withStores,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,graph-seeds}/**/*.int-spec.ts'],
      testTimeout: 60000,
    },
    {
      ...base,
      ...withStores,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testTimeout: 120000,
      runner: '<rootDir>/test/setup/serial-runner.cjs',
      setupFilesAfterEnv: ['<rootDir>/test/setup/suite-queues.ts'],
    },
  ],
};
