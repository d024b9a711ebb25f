import js from '@eslint/js';
import tseslint from 'typescript-eslint';
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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tools/**', 'coverage/**', '.data/**'] },
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
  {
    // Scoring and scheduling build on the pure domain base only.
    files: ['libs/scoring/**', 'libs/scheduling/**'],
    rules: {
      'maillage/boundaries': ['error', { confined: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FRAMEWORK_AND_DRIVERS,
            {
              group: ['@maillage/*', '!@maillage/domain'],
              message: 'pure library: it may import @maillage/domain only.',
            },
          ],
        },
      ],
    },
  },
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
  {
    files: ['jest.config.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', __dirname: 'readonly', require: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
