/**
 * Compute part of `npm run bench:scoring`: top-K complementarity over synthetic actors, the naive
 * all-pairs baseline and recall@K against exact brute force. Pure computation (no database).
 */
import { availableParallelism, loadavg } from 'node:os';
import {
  ScoreAllResult,
  ScoringIndex,
  bruteForceTopKMany,
  buildIndex,
  naiveTopK,
  partnersOf,
  recallAtK,
} from '../../libs/candidate-search/src';
import { scoreRangeParallel } from '../../libs/scoring-threads/src';
import { formSearcherFor } from '../../libs/alliance-forms/src';
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
  /** Worker threads for the top-K (default: available parallelism). */
  readonly threads?: number;
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
  readonly threads: number;
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

/** Index build + top-K of every actor (worker threads over a shared index). */
export async function benchCompute(
  options: BenchOptions,
): Promise<ComputeResult & { index: ScoringIndex; result: ScoreAllResult }> {
  const pop = populationOf(options);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const k = options.k ?? 20;
  const w0 = now();
  const c0 = cpuSeconds();
  const index = buildIndex(pop.actors, pop.taxonomy);
  index.compile(profile);
  index.layout(profile.candidates.blocking);
  const w1 = now();
  const threads = options.threads ?? availableParallelism();
  const result = await scoreRangeParallel(index, profile, { k, threads });
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
    threads,
    index,
    result,
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

export interface BruteForceResult {
  readonly n: number;
  readonly k: number;
  /** Actors measured (spread evenly over the index order). */
  readonly sample: number;
  readonly measuredSeconds: number;
  /** CPU seconds of the sample, extrapolated the same way (less sensitive to a shared machine). */
  readonly cpuSeconds: number;
  /** measuredSeconds × n / sample: brute force costs the same for every actor (it scores all n). */
  readonly seconds: number;
  /** recall@K of the search's lists against the brute force's, on the sample. */
  readonly recall: number;
  /** Sample actors whose list equals the brute force's exactly (ids, order and scores). */
  readonly identical: number;
}

/**
 * Exact brute force with the same compiled kernel (bruteForceTopKMany: every actor of the index,
 * same blocking, exclusions and tie-break) on `sample` actors, single thread, extrapolated linearly
 * to n; and the recall of `result` (the search's rows for the same actors) against it.
 */
export function benchBruteForce(
  index: ScoringIndex,
  result: ScoreAllResult,
  options: { sample: number; k?: number; profile?: ScoringProfile },
): BruteForceResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const k = options.k ?? 20;
  const sample = Math.min(index.n, options.sample);
  const actors = Array.from({ length: sample }, (_, i) => Math.floor(((i + 0.5) * index.n) / sample));
  const t0 = now();
  const c0 = cpuSeconds();
  const exact = bruteForceTopKMany(index, actors, k, profile);
  const measured = now() - t0;
  const cpu = cpuSeconds() - c0;
  const approx = actors.map((a) => partnersOf(result, a));
  let identical = 0;
  actors.forEach((_, i) => {
    const x = approx[i];
    const e = exact[i];
    if (x.length === e.length && x.every((p, j) => p.id === e[j].id && p.score === e[j].score)) identical++;
  });
  return {
    n: index.n,
    k,
    sample,
    measuredSeconds: measured,
    cpuSeconds: (cpu * index.n) / sample,
    seconds: (measured * index.n) / sample,
    recall: recallAtK(approx, exact),
    identical,
  };
}

export interface FormsComputeResult {
  /** Sampled actors whose three other forms' top-K were searched (one thread). */
  readonly sample: number;
  readonly measuredCpuSeconds: number;
  /** CPU seconds extrapolated to every actor (the rebuild completes every list with these forms). */
  readonly cpuSeconds: number;
  readonly partnersPerActor: number;
}

/**
 * The other alliance forms (CO_PRODUCTION, POOLING, POSITIONING): their exact block scan with
 * per-form bounds, timed on `sample` actors spread over the index and extrapolated to all n.
 */
export function benchForms(
  index: ScoringIndex,
  options: { sample?: number; k?: number } = {},
): FormsComputeResult {
  const profile = DEFAULT_PROFILE;
  const sample = Math.min(index.n, options.sample ?? 2000);
  const searcher = formSearcherFor(index, profile);
  let partners = 0;
  const c0 = cpuSeconds();
  for (let i = 0; i < sample; i++) {
    const lists = searcher.searchForms(Math.floor((i * index.n) / sample), options.k ?? 20);
    partners += lists[0].length + lists[1].length + lists[2].length;
  }
  const measured = cpuSeconds() - c0;
  return {
    sample,
    measuredCpuSeconds: measured,
    cpuSeconds: (measured * index.n) / sample,
    partnersPerActor: partners / sample,
  };
}
