/** Three tiers: unit specs beside the code (no services), integration specs beside the code
 * (real Neo4j/PostgreSQL/Redis started by scripts/test.mjs), end-to-end specs in test/.
 * scripts/test.mjs migrates and seeds the throwaway stores once per run, through the real CLI. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
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
  testTimeout: 60000,
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
