import { ScoringIndex, buildIndex, REL_CHILD, REL_EXACT, REL_PARENT, CompiledProfile } from './candidate-index';
import { fuse, gateOf, popcount, setSimilarity, formsCompatibility, COMPONENT_COUNT } from './formulas';
import { ScoreKernel } from './kernel';
import { DEFAULT_PROFILE, ScoringProfile, profileKey } from './profile';
import type { ScoringContext } from './score-pair';
import type { ScoringActor } from './types';
import { MODEL_VERSION } from './version';

const BLOCK_NONE = 0;
const BLOCK_REGION = 1;
const BLOCK_DEPT = 2;

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

export interface SearchStats {
  /** Postings walked in the inverted index. */
  postings: number;
  /** Distinct candidates touched. */
  touched: number;
  /** Pairs scored exactly. */
  exact: number;
}

/** Better = higher score, then lower index (deterministic tie-break). */
function better(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 > s2 || (s1 === s2 && i1 < i2);
}

/**
 * Candidate generation for one actor at a time: walks the actor's needs to the offerers of the same,
 * child and parent competences (forward) and its offers to the needers (backward), accumulating the
 * exact per-need best credit for every touched candidate; long posting lists (ubiquitous competences)
 * are walked nearest first (same département, then région, then the rest) up to
 * `commonCompetenceCap` postings. The best poolFactor × K candidates by approximate score are then
 * scored exactly and the top K kept. Reuses its buffers: one searcher per thread of work.
 */
export class TopKSearcher {
  readonly kernel: ScoreKernel;
  readonly stats: SearchStats = { postings: 0, touched: 0, exact: 0 };
  private readonly n: number;
  private readonly cap: number;
  private readonly poolFactor: number;
  private readonly blocking: number;
  private readonly mismatch: number;
  private readonly alpha: number;
  private readonly gateAt: number;
  private readonly excludeAllied: boolean;

  private iter = 0;
  private needStampCounter = 0;
  private readonly candStamp: Int32Array;
  private readonly lastNeed: Int32Array;
  private readonly fwd: Float64Array;
  private readonly bwd: Float64Array;
  private readonly bestNeed: Float64Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private readonly needStamp: Int32Array;
  private readonly needBest: Float64Array;
  // pool heap (worst at root)
  private heapScore = new Float64Array(0);
  private heapIdx = new Int32Array(0);
  // current forward route parameters
  private curCredit = 0;
  private curNeedMod = -1;
  private curWeight = 0;
  private curOfferMod = 0;
  private curStamp = 0;

  constructor(
    readonly ix: ScoringIndex,
    readonly cp: CompiledProfile,
  ) {
    const p = cp.profile;
    this.kernel = new ScoreKernel(ix, cp);
    this.n = ix.n;
    this.cap = p.candidates.commonCompetenceCap;
    this.poolFactor = p.candidates.poolFactor;
    this.blocking =
      p.candidates.blocking === 'departement' ? BLOCK_DEPT : p.candidates.blocking === 'region' ? BLOCK_REGION : BLOCK_NONE;
    this.mismatch = p.modalityMismatch;
    this.alpha = p.reciprocity.alpha;
    this.gateAt = p.reciprocity.gateAt;
    this.excludeAllied = p.alliedPolicy === 'exclude';
    const n = ix.n;
    this.candStamp = new Int32Array(n).fill(-1);
    this.lastNeed = new Int32Array(n).fill(-1);
    this.fwd = new Float64Array(n);
    this.bwd = new Float64Array(n);
    this.bestNeed = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.needStamp = new Int32Array(ix.needComp.length).fill(-1);
    this.needBest = new Float64Array(ix.needComp.length);
  }

  private touch(b: number): void {
    if (this.candStamp[b] !== this.iter) {
      this.candStamp[b] = this.iter;
      this.fwd[b] = 0;
      this.bwd[b] = 0;
      this.touched[this.nTouched++] = b;
    }
  }

  /** Forward postings [s, e) of one route, at most `budget`; returns the budget left. */
  private walkOffers(s: number, e: number, budget: number): number {
    if (budget <= 0 || e <= s) return budget;
    const end = e - s > budget ? s + budget : e;
    const ix = this.ix;
    const post = ix.offPost;
    const offActor = ix.offActor;
    const offMod = ix.offMod;
    const offVal = this.cp.offVal;
    const credit = this.curCredit;
    const nm = this.curNeedMod;
    const w = this.curWeight;
    const stamp = this.curStamp;
    const lastNeed = this.lastNeed;
    const bestNeed = this.bestNeed;
    const fwd = this.fwd;
    for (let k = s; k < end; k++) {
      const o = post[k];
      const b = offActor[o];
      let v = credit * offVal[o];
      if (nm >= 0 && nm !== offMod[o]) v *= this.mismatch;
      v *= w;
      this.touch(b);
      if (lastNeed[b] !== stamp) {
        lastNeed[b] = stamp;
        bestNeed[b] = v;
        fwd[b] += v;
      } else if (v > bestNeed[b]) {
        fwd[b] += v - bestNeed[b];
        bestNeed[b] = v;
      }
    }
    this.stats.postings += end - s;
    return budget - (end - s);
  }

  /** Backward postings [s, e) of one route, at most `budget`; returns the budget left. */
  private walkNeeds(s: number, e: number, budget: number): number {
    if (budget <= 0 || e <= s) return budget;
    const end = e - s > budget ? s + budget : e;
    const ix = this.ix;
    const post = ix.needPost;
    const needActor = ix.needActor;
    const needMod = ix.needMod;
    const needWN = this.cp.needWN;
    const credit = this.curCredit;
    const om = this.curOfferMod;
    const iter = this.iter;
    const needStamp = this.needStamp;
    const needBest = this.needBest;
    const bwd = this.bwd;
    for (let k = s; k < end; k++) {
      const m = post[k];
      const b = needActor[m];
      let v = credit;
      const nm = needMod[m];
      if (nm >= 0 && nm !== om) v *= this.mismatch;
      v *= needWN[m];
      this.touch(b);
      if (needStamp[m] !== iter) {
        needStamp[m] = iter;
        needBest[m] = v;
        bwd[b] += v;
      } else if (v > needBest[m]) {
        bwd[b] += v - needBest[m];
        needBest[m] = v;
      }
    }
    this.stats.postings += end - s;
    return budget - (end - s);
  }

  /** Walks the postings of competence r for actor a, nearest first, within the blocking scope and the cap. */
  private route(cell: Int32Array, r: number, a: number, forward: boolean): void {
    const ix = this.ix;
    const D1 = ix.D + 1;
    const base = r * D1;
    const s = cell[base];
    const e = cell[base + D1];
    if (e <= s) return;
    const cap = this.cap;
    if (this.blocking === BLOCK_NONE && e - s <= cap) {
      if (forward) this.walkOffers(s, e, cap);
      else this.walkNeeds(s, e, cap);
      return;
    }
    const pos = ix.deptPos[a];
    const ds = cell[base + pos];
    const de = cell[base + pos + 1];
    let budget = this.walk(forward, ds, de, cap);
    if (budget <= 0 || this.blocking === BLOCK_DEPT) return;
    const rs = cell[base + ix.regionStartPos[pos]];
    const re = cell[base + ix.regionEndPos[pos]];
    budget = this.walk(forward, rs, ds, budget);
    budget = this.walk(forward, de, re, budget);
    if (budget <= 0 || this.blocking === BLOCK_REGION) return;
    budget = this.walk(forward, s, rs, budget);
    this.walk(forward, re, e, budget);
  }

  private walk(forward: boolean, s: number, e: number, budget: number): number {
    return forward ? this.walkOffers(s, e, budget) : this.walkNeeds(s, e, budget);
  }

  /** Accumulates approximate coverages of every candidate reached from actor a. */
  private gather(a: number): void {
    const ix = this.ix;
    const cp = this.cp;
    this.iter++;
    this.nTouched = 0;
    // forward: what others bring to a
    for (let k = ix.needStart[a]; k < ix.needStart[a + 1]; k++) {
      const c = ix.needComp[k];
      this.curNeedMod = ix.needMod[k];
      this.curWeight = cp.needWN[k];
      this.curStamp = this.needStampCounter++;
      if (this.needStampCounter > 0x7ffffff0) this.resetStamps();
      this.curCredit = cp.creditByCode[REL_EXACT];
      this.route(ix.offCell, c, a, true);
      this.curCredit = cp.creditByCode[REL_CHILD];
      for (let q = ix.childStart[c]; q < ix.childStart[c + 1]; q++) this.route(ix.offCell, ix.childList[q], a, true);
      const parent = ix.compParent[c];
      if (parent >= 0) {
        this.curCredit = cp.creditByCode[REL_PARENT];
        this.route(ix.offCell, parent, a, true);
      }
    }
    // backward: what a brings to others
    for (let o = ix.offStart[a]; o < ix.offStart[a + 1]; o++) {
      const c = ix.offComp[o];
      const ov = cp.offVal[o];
      this.curOfferMod = ix.offMod[o];
      this.curCredit = cp.creditByCode[REL_EXACT] * ov;
      this.route(ix.needCell, c, a, false);
      const parent = ix.compParent[c];
      if (parent >= 0) {
        // the need is broader than the offer: the offer is a child of the need
        this.curCredit = cp.creditByCode[REL_CHILD] * ov;
        this.route(ix.needCell, parent, a, false);
      }
      this.curCredit = cp.creditByCode[REL_PARENT] * ov;
      for (let q = ix.childStart[c]; q < ix.childStart[c + 1]; q++) this.route(ix.needCell, ix.childList[q], a, false);
    }
    this.stats.touched += this.nTouched;
  }

  private resetStamps(): void {
    this.lastNeed.fill(-1);
    this.needStampCounter = 0;
  }

  /**
   * Top-K partners of actor a. Writes up to k (index, score) pairs, best first, into outIdx/outScore
   * at `offset` (and forward/backward coverages and contributions when arrays are given); returns the count.
   */
  search(
    a: number,
    k: number,
    outIdx: Int32Array,
    outScore: Float64Array,
    offset = 0,
    outForward?: Float32Array,
    outBackward?: Float32Array,
    outComponents?: Float32Array,
  ): number {
    if (k <= 0) return 0;
    this.gather(a);
    const ix = this.ix;
    const p = this.cp.profile;
    const w = p.weights;
    const kernel = this.kernel;
    const M = Math.max(k, Math.ceil(k * this.poolFactor));
    if (this.heapScore.length < M) {
      this.heapScore = new Float64Array(M);
      this.heapIdx = new Int32Array(M);
    }
    const hs = this.heapScore;
    const hi = this.heapIdx;
    let size = 0;
    const contextMax = this.cp.contextMax;
    const tiers = this.cp.tiers;
    const measure = p.causesMeasure;
    const ca = ix.causes[a];
    const fa = ix.forms[a];
    const famA = ix.family[a];
    const nca = popcount(ca);
    const nfa = popcount(fa);
    const loc0 = ix.loc[0];
    const loc1 = ix.loc[1];
    const loc2 = ix.loc[2];
    const loc3 = ix.loc[3];
    for (let t = 0; t < this.nTouched; t++) {
      const b = this.touched[t];
      if (b === a) continue;
      const R = fuse(this.fwd[b], this.bwd[b], this.alpha);
      if (R <= 0) continue;
      const g = gateOf(R, this.gateAt);
      const core = w.complementarity * R;
      if (size === M && core + g * contextMax < hs[0]) continue;
      if (this.excludeAllied && kernel.isAllied(a, b)) continue;
      const cb = ix.causes[b];
      const fb = ix.forms[b];
      let prox = 0;
      if (loc0[a] >= 0 && loc0[a] === loc0[b]) prox = tiers[0];
      else if (loc1[a] >= 0 && loc1[a] === loc1[b]) prox = tiers[1];
      else if (loc2[a] >= 0 && loc2[a] === loc2[b]) prox = tiers[2];
      else if (loc3[a] >= 0 && loc3[a] === loc3[b]) prox = tiers[3];
      const approx =
        core +
        g *
          (w.causes * setSimilarity(popcount(ca & cb), nca, popcount(cb), measure) +
            w.proximity * prox +
            w.crossFamily * (famA !== ix.family[b] ? 1 : 0) +
            w.allianceForms * formsCompatibility(popcount(fa & fb), nfa, popcount(fb)));
      if (size < M) {
        // sift up (worst at root: lower score, or equal score and higher index)
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (better(hs[parent], hi[parent], approx, b)) {
            hs[i] = hs[parent];
            hi[i] = hi[parent];
            i = parent;
          } else break;
        }
        hs[i] = approx;
        hi[i] = b;
      } else if (better(approx, b, hs[0], hi[0])) {
        // replace root, sift down
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          let c = l;
          if (l + 1 < size && better(hs[l], hi[l], hs[l + 1], hi[l + 1])) c = l + 1;
          if (better(approx, b, hs[c], hi[c])) {
            hs[i] = hs[c];
            hi[i] = hi[c];
            i = c;
          } else break;
        }
        hs[i] = approx;
        hi[i] = b;
      }
    }
    // exact rescoring of the pool, keep the top k (sorted insertion)
    let count = 0;
    for (let q = 0; q < size; q++) {
      const b = hi[q];
      const s = kernel.score(a, b);
      this.stats.exact++;
      if (kernel.excluded || !(s > 0)) continue;
      if (count === k && !better(s, b, outScore[offset + k - 1], outIdx[offset + k - 1])) continue;
      let i = count < k ? count++ : k - 1;
      while (i > 0 && better(s, b, outScore[offset + i - 1], outIdx[offset + i - 1])) {
        outScore[offset + i] = outScore[offset + i - 1];
        outIdx[offset + i] = outIdx[offset + i - 1];
        if (outForward) outForward[offset + i] = outForward[offset + i - 1];
        if (outBackward) outBackward[offset + i] = outBackward[offset + i - 1];
        if (outComponents) outComponents.copyWithin((offset + i) * COMPONENT_COUNT, (offset + i - 1) * COMPONENT_COUNT, (offset + i) * COMPONENT_COUNT);
        i--;
      }
      outScore[offset + i] = s;
      outIdx[offset + i] = b;
      if (outForward) outForward[offset + i] = kernel.forward;
      if (outBackward) outBackward[offset + i] = kernel.backward;
      if (outComponents) outComponents.set(kernel.contrib, (offset + i) * COMPONENT_COUNT);
    }
    return count;
  }
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
  readonly stats: SearchStats & { readonly seconds: number; readonly actors: number; readonly pairsKept: number };
  readonly index: ScoringIndex;
}

/** Scores a range of actors of an existing index. */
export function scoreRange(index: ScoringIndex, profile: ScoringProfile = DEFAULT_PROFILE, options: ScoreAllOptions = {}): ScoreAllResult {
  const k = options.k ?? 20;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`scoreAll: k must be a positive integer (got ${k})`);
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
  if (r < 0 || r >= result.to - result.from) throw new RangeError(`partnersOf: actor ${actorIdx} not in the result range`);
  const out: Partner[] = [];
  for (let i = 0; i < result.counts[r]; i++) {
    const q = r * result.k + i;
    const idx = result.partners[q];
    out.push({ idx, id: result.index.ids[idx], score: result.scores[q], forward: result.forward[q], backward: result.backward[q] });
  }
  return out;
}
