import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import maillage from './eslint.boundaries.mjs';

// Pure libraries (plain TypeScript: unit-tested and benchmarked in isolation) import no framework
// and no driver. test/lint-boundaries.spec.ts proves each guard fails on a violating snippet.
const FRAMEWORK_AND_DRIVERS = {
  group: [
    '@nestjs/*',
    'neo4j-driver',
    'neo4j-driver/*',
    'pg',
    'pg/*',
    'typeorm',
    'typeorm/*',
    'ioredis',
    'bullmq',
  ],
  message:
    'pure library: no Nest, no database or queue driver (they belong to the libraries that wire them).',
};

/** A pure library: no framework, no driver, no file outside its folder, and of the project's
 * libraries only @maillage/domain and those listed (each allowed one way: the lists form no cycle). */
function pureLibrary(lib, mayImport) {
  const allowed = ['domain', ...mayImport].map((l) => `@maillage/${l}`);
  return {
    files: [`libs/${lib}/**`],
    rules: {
      'maillage/boundaries': ['error', { confined: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FRAMEWORK_AND_DRIVERS,
            {
              group: ['@maillage/*', '@maillage/*/*', ...allowed.map((a) => `!${a}`)],
              message: `pure library: it may import ${allowed.join(', ')} only.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'tools/**',
      'coverage/**',
      '.data/**',
      'test-artifacts/**',
      'apps/web/src/graphql/graphql-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    plugins: { maillage },
    rules: { 'maillage/boundaries': 'error' },
  },
  // The pure algorithm libraries build on the domain base and on each other, one way only:
  // scoring ← actor-table ← candidate-search ← alliance-forms; schedule-model ← schedule-bounds ← scheduling → matching.
  pureLibrary('scoring', []),
  pureLibrary('actor-table', ['scoring']),
  pureLibrary('candidate-search', ['scoring', 'scoring/testing', 'actor-table']),
  pureLibrary('alliance-forms', ['scoring', 'scoring/testing', 'candidate-search']),
  pureLibrary('matching', []),
  pureLibrary('schedule-model', []),
  pureLibrary('schedule-bounds', ['schedule-model']),
  pureLibrary('scheduling', ['schedule-model', 'schedule-bounds', 'matching']),
  {
    files: ['libs/domain/**'],
    rules: {
      'maillage/boundaries': ['error', { confined: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FRAMEWORK_AND_DRIVERS,
            { group: ['@maillage/*'], message: 'the domain base imports no other library.' },
          ],
        },
      ],
    },
  },
  // The web console (React, browser): hooks rules; it imports no server library.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'maillage/boundaries': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@maillage/*', '@nestjs/*'],
              message: 'the console talks to the API over GraphQL only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['jest.config.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', __dirname: 'readonly', require: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
