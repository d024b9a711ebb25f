import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The import guards of eslint.config.mjs (no-restricted-imports and maillage/boundaries) fail on
 * violating snippets and accept the allowed imports. Linted with the project's own config through
 * ESLint's Node API, in a child process (the flat config is an ES module, which Jest cannot load).
 */
const ROOT = path.resolve(__dirname, '..');
const GUARDS = ['no-restricted-imports', 'maillage/boundaries'];

const CASES: { file: string; code: string; rules: string[] }[] = [
  // Pure libraries: no Nest, no driver, no other library but the domain base.
  {
    file: 'libs/scoring/src/probe.ts',
    code: `export { Injectable } from '@nestjs/common';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/scheduling/src/probe.ts',
    code: `export { default } from 'neo4j-driver';`,
    rules: ['no-restricted-imports'],
  },
  { file: 'libs/domain/src/probe.ts', code: `export { Pool } from 'pg';`, rules: ['no-restricted-imports'] },
  {
    file: 'libs/scoring/src/probe.ts',
    code: `export type { Driver } from 'neo4j-driver';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/scheduling/src/probe.ts',
    code: `export { DataSource } from 'typeorm';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/scoring/src/probe.ts',
    code: `export { Queue } from 'bullmq';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/domain/src/probe.ts',
    code: `export { default } from 'ioredis';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/scoring/src/probe.ts',
    code: `export { ActorsService } from '@maillage/actors';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/domain/src/probe.ts',
    code: `export { scorePair } from '@maillage/scoring';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/scheduling/src/probe.ts',
    code: `export * from '../../actors/src';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'libs/domain/src/sub/probe.ts',
    code: `export * from '../../../scoring/src';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'libs/scoring/src/probe.ts',
    code: `export * from '../../../package.json';`,
    rules: ['maillage/boundaries'],
  },
  { file: 'libs/scoring/src/probe.ts', code: `export { ActorKind } from '@maillage/domain';`, rules: [] },
  { file: 'libs/scheduling/src/probe.ts', code: `export { ActorKind } from '@maillage/domain';`, rules: [] },
  { file: 'libs/schedule-model/src/model/probe.ts', code: `export * from '../types';`, rules: [] },
  { file: 'libs/scoring/src/probe.ts', code: `export * from './types';`, rules: [] },
  // The other pure libraries: same restrictions, and each other one way only.
  {
    file: 'libs/candidate-search/src/probe.ts',
    code: `export { Injectable } from '@nestjs/common';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/matching/src/probe.ts',
    code: `export { Pool } from 'pg';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/schedule-bounds/src/probe.ts',
    code: `export { Queue } from 'bullmq';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/schedule-model/src/probe.ts',
    code: `export { DataSource } from 'typeorm';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/candidate-search/src/probe.ts',
    code: `export { scorePair } from '@maillage/scoring';`,
    rules: [],
  },
  {
    file: 'libs/candidate-search/src/probe.spec.ts',
    code: `export { fixtureActors } from '@maillage/scoring/testing';`,
    rules: [],
  },
  {
    file: 'libs/scoring/src/probe.ts',
    code: `export { buildIndex } from '@maillage/candidate-search';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/candidate-search/src/probe.ts',
    code: `export * from '../../scoring/src';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'libs/candidate-search/src/probe.ts',
    code: `export { cmpStr } from '@maillage/scoring/normalize';`,
    rules: ['no-restricted-imports', 'maillage/boundaries'],
  },
  {
    file: 'libs/scheduling/src/probe.ts',
    code: `export * from '@maillage/schedule-model';\nexport * from '@maillage/schedule-bounds';\nexport * from '@maillage/matching';`,
    rules: [],
  },
  { file: 'libs/schedule-bounds/src/probe.ts', code: `export * from '@maillage/schedule-model';`, rules: [] },
  {
    file: 'libs/schedule-bounds/src/probe.ts',
    code: `export { optimiseSchedule } from '@maillage/scheduling';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/schedule-model/src/probe.ts',
    code: `export { lpUpperBound } from '@maillage/schedule-bounds';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/matching/src/probe.ts',
    code: `export { PairingState } from '@maillage/schedule-model';`,
    rules: ['no-restricted-imports'],
  },
  {
    file: 'libs/scheduling/src/probe.ts',
    code: `export { generatePopulation } from '@maillage/scoring/testing';`,
    rules: ['no-restricted-imports'],
  },
  // Any library: never an app.
  {
    file: 'libs/actors/src/probe.ts',
    code: `export * from '../../../apps/api/src/bootstrap';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'libs/events/src/probe.ts',
    code: `export * from 'apps/worker/src/worker.module';`,
    rules: ['maillage/boundaries'],
  },
  // Any file: another library through its index only.
  {
    file: 'libs/actors/src/probe.ts',
    code: `export * from '../../auth/src/auth.service';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'apps/api/src/probe.ts',
    code: `export * from '@maillage/auth/auth.service';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'apps/api/src/probe.ts',
    code: `export * from '../../../libs/auth/src/entities/user.entity';`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'test/probe.ts',
    code: `export const m = import('../libs/jobs/src/job-contract');`,
    rules: ['maillage/boundaries'],
  },
  {
    file: 'bench/x/probe.ts',
    code: `export const m = require('../../libs/synthetic/src/prng');`,
    rules: ['maillage/boundaries'],
  },
  { file: 'libs/actors/src/probe.ts', code: `export { AuthService } from '@maillage/auth';`, rules: [] },
  { file: 'libs/actors/src/sub/probe.ts', code: `export * from '../actors.service';`, rules: [] },
  { file: 'bench/x/probe.ts', code: `export * from '../../libs/scheduling/src';`, rules: [] },
  // A declared second entry point ('@maillage/scoring/testing'), and only that one.
  { file: 'bench/x/probe.ts', code: `export * from '../../libs/scoring/src/testing';`, rules: [] },
  { file: 'test/probe.ts', code: `export * from '@maillage/scoring/testing';`, rules: [] },
  {
    file: 'bench/x/probe.ts',
    code: `export * from '../../libs/scoring/src/testing/population';`,
    rules: ['maillage/boundaries'],
  },
  { file: 'test/probe.ts', code: `export * from '../apps/worker/src/worker.module';`, rules: [] },
];

const LINT = `
const { ESLint } = require('eslint');
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const results = [];
  for (const c of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText(c.code, { filePath: c.file });
    results.push(result.messages.map((m) => m.ruleId ?? m.message));
  }
  process.stdout.write(JSON.stringify(results));
})().catch((err) => { console.error(err); process.exit(1); });`;

describe('import guards (eslint.config.mjs)', () => {
  it('fail on every violating snippet and pass the allowed imports', () => {
    const out = spawnSync(process.execPath, ['-e', LINT, JSON.stringify(CASES)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    const found = JSON.parse(out.stdout) as (string | null)[][];
    const actual = CASES.map((c, i) => ({ ...c, rules: found[i].filter((r) => r && GUARDS.includes(r)) }));
    expect(actual).toEqual(CASES);
  }, 60_000);
});
