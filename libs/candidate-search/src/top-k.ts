import { ScoringIndex, buildIndex } from './candidate-index';
import {
  COMPONENT_COUNT,
  DEFAULT_PROFILE,
  MODEL_VERSION,
  profileKey,
  ScoringProfile,
  type ScoringActor,
  type ScoringContext,
} from '@maillage/scoring';
import { SearchStats, TopKSearcher } from './search';

export { TopKSearcher } from './search';
export type { SearchStats } from './search';

/** One proposed partner. */
export interface Partner {
  readonly idx: number;
  readonly id: string;
  readonly score: number;
  /** What the partner brings to the actor. */
  readonly forward: number;
  /** What the actor brings to the partner. */
  readonly backward: number;
}

const searchers = new WeakMap<ScoringIndex, Map<ScoringProfile, TopKSearcher>>();

/** A cached searcher for (index, profile): its buffers are O(N) so it is built once. */
export function searcherFor(index: ScoringIndex, profile: ScoringProfile = DEFAULT_PROFILE): TopKSearcher {
  let byProfile = searchers.get(index);
  if (!byProfile) searchers.set(index, (byProfile = new Map()));
  let s = byProfile.get(profile);
  if (!s) {
    s = new TopKSearcher(index, index.compile(profile));
    byProfile.set(profile, s);
  }
  return s;
}

/** Top-K partners of one actor (index order number, see index.indexOf), best first. */
export function topKPartners(
  index: ScoringIndex,
  actorIdx: number,
  k: number,
  profile: ScoringProfile = DEFAULT_PROFILE,
): Partner[] {
  if (!Number.isInteger(actorIdx) || actorIdx < 0 || actorIdx >= index.n)
    throw new RangeError(`topKPartners: actor index ${actorIdx} out of range 0..${index.n - 1}`);
  const s = searcherFor(index, profile);
  const idx = new Int32Array(k);
  const score = new Float64Array(k);
  const fw = new Float32Array(k);
  const bw = new Float32Array(k);
  const count = s.search(actorIdx, k, idx, score, 0, fw, bw);
  const out: Partner[] = [];
  for (let i = 0; i < count; i++)
    out.push({ idx: idx[i], id: index.ids[idx[i]], score: score[i], forward: fw[i], backward: bw[i] });
  return out;
}

export interface ScoreAllOptions {
  /** Partners kept per actor. Default 20. */
  readonly k?: number;
  /** Half-open range of actor indices (index order) to score, for chunked rebuilds. Default all. */
  readonly actorRange?: readonly [number, number];
  /** Called every `progressEvery` actors and at the end with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
  /** Also return the 8 contributions of every kept pair. */
  readonly withComponents?: boolean;
  /** Checked every `progressEvery` actors; when true the run stops early (see `completedTo`). */
  readonly shouldStop?: () => boolean;
}

/** Top-K of a range of actors, in flat typed arrays (row r = actor from + r, K slots, idx −1 = empty). */
export interface ScoreAllResult {
  readonly modelVersion: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly profileKey: string;
  readonly k: number;
  readonly from: number;
  readonly to: number;
  /** Actors [from, completedTo) are done (completedTo < to when stopped early). */
  readonly completedTo: number;
  readonly partners: Int32Array;
  readonly scores: Float64Array;
  readonly forward: Float32Array;
  readonly backward: Float32Array;
  readonly counts: Int32Array;
  /** (to − from) × k × 8 contributions (COMPONENT_NAMES order) when withComponents. */
  readonly components?: Float32Array;
  readonly stats: SearchStats & {
    readonly seconds: number;
    readonly actors: number;
    readonly pairsKept: number;
  };
  readonly index: ScoringIndex;
}

/** Scores a range of actors of an existing index. */
export function scoreRange(
  index: ScoringIndex,
  profile: ScoringProfile = DEFAULT_PROFILE,
  options: ScoreAllOptions = {},
): ScoreAllResult {
  const k = options.k ?? 20;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`scoreAll: k must be a positive integer (got ${k})`);
  const [from, to] = options.actorRange ?? [0, index.n];
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= index.n))
    throw new RangeError(`scoreAll: actorRange [${from}, ${to}) is not inside [0, ${index.n})`);
  const started = process.hrtime.bigint();
  const searcher = new TopKSearcher(index, index.compile(profile));
  const rows = to - from;
  const partners = new Int32Array(rows * k).fill(-1);
  const scores = new Float64Array(rows * k);
  const forward = new Float32Array(rows * k);
  const backward = new Float32Array(rows * k);
  const counts = new Int32Array(rows);
  const components = options.withComponents ? new Float32Array(rows * k * COMPONENT_COUNT) : undefined;
  const every = Math.max(1, options.progressEvery ?? 1000);
  let pairsKept = 0;
  let a = from;
  for (; a < to; a++) {
    if ((a - from) % every === 0 && a > from) {
      options.onProgress?.(a - from, rows);
      if (options.shouldStop?.()) break;
    }
    const c = searcher.search(a, k, partners, scores, (a - from) * k, forward, backward, components);
    counts[a - from] = c;
    pairsKept += c;
  }
  options.onProgress?.(a - from, rows);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    modelVersion: MODEL_VERSION,
    profileId: profile.id,
    profileVersion: profile.version,
    profileKey: profileKey(profile),
    k,
    from,
    to,
    completedTo: a,
    partners,
    scores,
    forward,
    backward,
    counts,
    components,
    stats: { ...searcher.stats, seconds, actors: a - from, pairsKept },
    index,
  };
}

/** Builds the index over all actors and scores `actorRange` (default all). */
export function scoreAll(
  actors: readonly ScoringActor[],
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
  options: ScoreAllOptions = {},
): ScoreAllResult {
  const index = buildIndex(actors, ctx.taxonomy, { rarity: ctx.rarity, pairs: ctx.pairs });
  return scoreRange(index, profile, options);
}

/** Partners of one actor of a ScoreAllResult. */
export function partnersOf(result: ScoreAllResult, actorIdx: number): Partner[] {
  const r = actorIdx - result.from;
  if (r < 0 || r >= result.to - result.from)
    throw new RangeError(`partnersOf: actor ${actorIdx} not in the result range`);
  const out: Partner[] = [];
  for (let i = 0; i < result.counts[r]; i++) {
    const q = r * result.k + i;
    const idx = result.partners[q];
    out.push({
      idx,
      id: result.index.ids[idx],
      score: result.scores[q],
      forward: result.forward[q],
      backward: result.backward[q],
    });
  }
  return out;
}
