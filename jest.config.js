/** Three tiers: unit specs beside the code (no services), integration specs beside the code
 * (real Neo4j/PostgreSQL/Redis started by scripts/test.mjs), end-to-end specs in test/.
 * test/global-setup.ts migrates and seeds the throwaway stores once per run. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
};
const base = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform,
  moduleNameMapper: { '^@maillage/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  transform,
  moduleNameMapper: base.moduleNameMapper,
  globalSetup: '<rootDir>/test/global-setup.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,graph-seeds,bench}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,graph-seeds}/**/*.int-spec.ts'],
      testTimeout: 60000,
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 120000 },
  ],
};
