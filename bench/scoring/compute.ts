/**
 * Compute part of `npm run bench:scoring`: top-K complementarity over synthetic actors, the naive
 * all-pairs baseline and recall@K against exact brute force. Pure computation (no database).
 */
import { loadavg } from 'node:os';
import {
  ScoringIndex,
  bruteForceTopKMany,
  buildIndex,
  naiveTopK,
  recallAtK,
  scoreRange,
  topKPartners,
} from '../../libs/candidate-search/src';
import { DEFAULT_PROFILE, ScoringProfile, buildRarity } from '../../libs/scoring/src';
import { BenchPopulation, PopulationSource, benchPopulation } from './population';

export interface BenchOptions {
  readonly n: number;
  readonly seed?: number;
  /** Force a population source (default: @maillage/synthetic when it loads, else the built-in generator). */
  readonly source?: PopulationSource;
  /** Reuse a population (same n) instead of generating it. */
  readonly population?: BenchPopulation;
  readonly profile?: ScoringProfile;
  readonly k?: number;
}

export interface ComputeResult {
  readonly n: number;
  readonly k: number;
  readonly source: PopulationSource;
  /** Wall time of index build + top-K for every actor. */
  readonly seconds: number;
  /** CPU time (user + system) of the same work: less sensitive to other processes on the machine. */
  readonly cpuSeconds: number;
  readonly indexSeconds: number;
  readonly scoreSeconds: number;
  /** Pairs whose exact score was computed. */
  readonly pairsScored: number;
  readonly candidatesTouched: number;
  readonly postingsWalked: number;
  readonly pairsKept: number;
  /** Peak resident memory of this process so far (includes generating the actors). */
  readonly peakRssMb: number;
  readonly loadAverage: number;
}

const DEFAULT_SEED = 42;

function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function populationOf(options: BenchOptions): BenchPopulation {
  if (options.population) {
    if (options.population.actors.length !== options.n)
      throw new Error(`population has ${options.population.actors.length} actors, expected ${options.n}`);
    return options.population;
  }
  return benchPopulation(options.n, options.seed ?? DEFAULT_SEED, options.source);
}

/** Index build + top-K of every actor, single thread. */
export function benchCompute(options: BenchOptions): ComputeResult & { index: ScoringIndex } {
  const pop = populationOf(options);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const k = options.k ?? 20;
  const w0 = now();
  const c0 = cpuSeconds();
  const index = buildIndex(pop.actors, pop.taxonomy);
  index.compile(profile);
  index.layout(profile.candidates.blocking);
  const w1 = now();
  const result = scoreRange(index, profile, { k });
  const w2 = now();
  const c2 = cpuSeconds();
  return {
    n: options.n,
    k,
    source: pop.source,
    seconds: w2 - w0,
    cpuSeconds: c2 - c0,
    indexSeconds: w1 - w0,
    scoreSeconds: w2 - w1,
    pairsScored: result.stats.exact,
    candidatesTouched: result.stats.touched,
    postingsWalked: result.stats.postings,
    pairsKept: result.stats.pairsKept,
    peakRssMb: peakRssMb(),
    loadAverage: loadavg()[0],
    index,
  };
}

export interface NaiveResult {
  readonly n: number;
  /** Estimated seconds for all n actors (extrapolated when sampled). */
  readonly seconds: number;
  readonly extrapolated: boolean;
  readonly sampleActors: number;
  readonly measuredSeconds: number;
  readonly pairsPerSecond: number;
}

/**
 * The naive baseline: for each actor, scorePair (plain objects, full explanation) against every other
 * actor, sort, keep K — how a first version would do it. Timed on `sampleActors` actors (default
 * 40) and extrapolated linearly to n (each actor costs n − 1 pair scores).
 */
export function benchNaive(options: BenchOptions & { sampleActors?: number }): NaiveResult {
  const pop = populationOf(options);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const sample = Math.min(options.n, options.sampleActors ?? 40);
  const ids = Array.from({ length: sample }, (_, i) => pop.actors[Math.floor((i * options.n) / sample)].id);
  // rarity over the whole population, as the real thing would use
  const ctx = { taxonomy: pop.taxonomy, rarity: buildRarity(pop.actors) };
  const t0 = now();
  naiveTopK(pop.actors, ctx, ids, options.k ?? 20, profile);
  const measured = now() - t0;
  const seconds = sample === options.n ? measured : (measured * options.n) / sample;
  return {
    n: options.n,
    seconds,
    extrapolated: sample < options.n,
    sampleActors: sample,
    measuredSeconds: measured,
    pairsPerSecond: (sample * (options.n - 1)) / measured,
  };
}

export interface RecallResult {
  readonly n: number;
  readonly k: number;
  readonly sample: number;
  readonly recall: number;
  /** Seconds of the exact brute force on the sample. */
  readonly bruteForceSeconds: number;
}

/** recall@K of the index against exact brute force (same scope and exclusions) on `sample` actors spread over the population. */
export function benchRecall(options: BenchOptions & { sample?: number; index?: ScoringIndex }): RecallResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const k = options.k ?? 20;
  const index =
    options.index ??
    (() => {
      const pop = populationOf(options);
      return buildIndex(pop.actors, pop.taxonomy);
    })();
  const sample = Math.min(index.n, options.sample ?? 200);
  const actors = Array.from({ length: sample }, (_, i) => Math.floor(((i + 0.5) * index.n) / sample));
  const t0 = now();
  const exact = bruteForceTopKMany(index, actors, k, profile);
  const bruteForceSeconds = now() - t0;
  const approx = actors.map((a) => topKPartners(index, a, k, profile));
  return { n: index.n, k, sample, recall: recallAtK(approx, exact), bruteForceSeconds };
}
