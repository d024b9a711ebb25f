import type { BlockLayout } from './blocks';
import { ScoringIndex, buildIndex, CompiledProfile } from './candidate-index';
import { fuse, gateOf, popcount, setSimilarity, formsCompatibility, COMPONENT_COUNT } from './formulas';
import { ScoreKernel } from './kernel';
import { DEFAULT_PROFILE, ScoringProfile, profileKey } from './profile';
import type { ScoringContext } from './score-pair';
import type { ScoringActor } from './types';
import { MODEL_VERSION } from './version';

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
  /** Candidates whose coverages were recomputed from the actor's tables. */
  refined: number;
  /** Pairs scored exactly. */
  exact: number;
}

/** Better = higher score, then lower index (deterministic tie-break). */
function better(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 > s2 || (s1 === s2 && i1 < i2);
}

/**
 * Candidate generation for one actor at a time, inside each territory block the actor belongs to:
 * walks its needs to the offers of the same competence, of its family (siblings), of its parent and
 * of its children (forward), and its offers to the needs the same way (backward), accumulating for
 * every touched candidate the best credit per need, i.e. both coverages. Each posting list is walked
 * best offers first (level desc; priority desc for needs) up to `commonCompetenceCap` postings, which
 * bounds the work on ubiquitous competences (rare ones are walked fully). The best poolFactor × K
 * candidates by approximate score are then scored exactly and the top K kept. Reuses its buffers: one
 * searcher per thread of work.
 */
export class TopKSearcher {
  readonly kernel: ScoreKernel;
  readonly stats: SearchStats = { postings: 0, touched: 0, refined: 0, exact: 0 };
  private readonly cap: number;
  private readonly siblingCap: number;
  private readonly poolFactor: number;
  private readonly mismatch: number;
  private readonly alpha: number;
  private readonly gateAt: number;
  private readonly excludeAllied: boolean;

  private iter = 0;
  private readonly candStamp: Int32Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  // pool heap (worst at root)
  private heapScore = new Float64Array(0);
  private heapIdx = new Int32Array(0);
  private readonly layout: BlockLayout;
  private readonly rel: Uint8Array;
  private readonly C: number;

  constructor(
    readonly ix: ScoringIndex,
    readonly cp: CompiledProfile,
  ) {
    const p = cp.profile;
    this.kernel = new ScoreKernel(ix, cp);
    this.cap = p.candidates.commonCompetenceCap;
    this.siblingCap = p.candidates.siblingCap;
    this.poolFactor = p.candidates.poolFactor;
    this.layout = ix.layout(p.candidates.blocking);
    if (ix.rel === null)
      throw new Error(`TopKSearcher: taxonomy too large (${ix.C} competences) for the dense relation matrix`);
    this.rel = ix.rel;
    this.C = ix.C;
    this.mismatch = p.modalityMismatch;
    this.alpha = p.reciprocity.alpha;
    this.gateAt = p.reciprocity.gateAt;
    this.excludeAllied = p.alliedPolicy === 'exclude';
    this.candStamp = new Int32Array(ix.n).fill(-1);
    this.touched = new Int32Array(ix.n);
  }

  /** Marks the actors of postings [s, e) (at most `budget`) as candidates. */
  private walk(post: Int32Array, s: number, e: number, budget: number): void {
    const end = e - s > budget ? s + budget : e;
    const iter = this.iter;
    const stamp = this.candStamp;
    const touched = this.touched;
    let nt = this.nTouched;
    for (let k = s; k < end; k++) {
      const b = post[k];
      if (stamp[b] !== iter) {
        stamp[b] = iter;
        touched[nt++] = b;
      }
    }
    this.nTouched = nt;
    this.stats.postings += end - s;
  }

  /**
   * Collects the candidates of actor a, block by block. A need on competence c with parent P reaches
   * the offers on c (exact), on c's children and on P, up to `commonCompetenceCap` each, and on P's
   * other children (siblings) up to `siblingCap`, best levels first; an offer reaches needs the same
   * way (best weighted first).
   */
  private gather(a: number): void {
    const ix = this.ix;
    const L = this.layout;
    const B = L.B;
    const cap = this.cap;
    const sibCap = this.siblingCap;
    const parent = ix.compParent;
    this.iter++;
    if (this.iter >= 0x7fffffff) {
      this.candStamp.fill(-1);
      this.iter = 0;
    }
    this.nTouched = 0;
    for (let q = L.actorBlockStart[a]; q < L.actorBlockStart[a + 1]; q++) {
      const blk = L.actorBlocks[q];
      for (let side = 0; side < 2; side++) {
        const forward = side === 0;
        const start = forward ? ix.needStart : ix.offStart;
        const comp = forward ? ix.needComp : ix.offComp;
        const cell = forward ? L.offCell : L.needCell;
        const post = forward ? L.offPost : L.needPost;
        const famCell = forward ? L.offFamCell : L.needFamCell;
        const famPost = forward ? L.offFamPost : L.needFamPost;
        for (let k = start[a]; k < start[a + 1]; k++) {
          const c = comp[k];
          let x = c * B + blk;
          this.walk(post, cell[x], cell[x + 1], cap);
          this.walk(famPost, famCell[x], famCell[x + 1], cap);
          const p = parent[c];
          if (p >= 0) {
            x = p * B + blk;
            this.walk(post, cell[x], cell[x + 1], cap);
            if (sibCap > 0) this.walk(famPost, famCell[x], famCell[x + 1], sibCap);
          }
        }
      }
    }
    this.stats.touched += this.nTouched;
  }

  /** Pushes (score, idx) into a bounded heap (worst at root); returns the new size. */
  private static heapPush(
    hs: Float64Array,
    hi: Int32Array,
    size: number,
    M: number,
    score: number,
    b: number,
  ): number {
    if (size < M) {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (better(hs[parent], hi[parent], score, b)) {
          hs[i] = hs[parent];
          hi[i] = hi[parent];
          i = parent;
        } else break;
      }
      hs[i] = score;
      hi[i] = b;
      return size;
    }
    if (!better(score, b, hs[0], hi[0])) return size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      let c = l;
      if (l + 1 < size && better(hs[l], hi[l], hs[l + 1], hi[l + 1])) c = l + 1;
      if (better(score, b, hs[c], hi[c])) {
        hs[i] = hs[c];
        hi[i] = hi[c];
        i = c;
      } else break;
    }
    hs[i] = score;
    hi[i] = b;
    return size;
  }

  /** Context part (before gating) without acting-in overlap and trust: cheap, used to pre-rank. */
  private cheapContext(a: number, b: number): number {
    const ix = this.ix;
    const w = this.cp.profile.weights;
    const tiers = this.cp.tiers;
    let prox = 0;
    const loc = ix.loc;
    if (loc[0][a] >= 0 && loc[0][a] === loc[0][b]) prox = tiers[0];
    else if (loc[1][a] >= 0 && loc[1][a] === loc[1][b]) prox = tiers[1];
    else if (loc[2][a] >= 0 && loc[2][a] === loc[2][b]) prox = tiers[2];
    else if (loc[3][a] >= 0 && loc[3][a] === loc[3][b]) prox = tiers[3];
    const ca = ix.causes[a];
    const cb = ix.causes[b];
    const fa = ix.forms[a];
    const fb = ix.forms[b];
    return (
      w.causes * setSimilarity(popcount(ca & cb), popcount(ca), popcount(cb), this.cp.profile.causesMeasure) +
      w.proximity * prox +
      w.crossFamily * (ix.family[a] !== ix.family[b] ? 1 : 0) +
      w.allianceForms * formsCompatibility(popcount(fa & fb), popcount(fa), popcount(fb))
    );
  }

  // ---- actor-side tables: both coverages of a candidate in ~20 operations
  /** fwdTab[oc × NA + n]: credit × normalized weight of an offer on oc for the actor's n-th need. */
  private fwdTab = new Float64Array(0);
  private NA = 0;
  private needModA = new Int8Array(0);
  /** bwdBest[nc]: best credit × value of the actor's offers for a need on nc. */
  private bwdBest = new Float64Array(0);
  private best = new Float64Array(0);
  private refinedForward = 0;
  private refinedBackward = 0;

  private buildTables(a: number): void {
    const ix = this.ix;
    const C = this.C;
    const ns = ix.needStart[a];
    const NA = ix.needStart[a + 1] - ns;
    this.NA = NA;
    if (this.fwdTab.length < C * NA) this.fwdTab = new Float64Array(C * Math.max(NA, 8));
    else this.fwdTab.fill(0, 0, C * NA);
    if (this.needModA.length < NA) {
      this.needModA = new Int8Array(Math.max(NA, 8));
      this.best = new Float64Array(Math.max(NA, 8));
    }
    if (this.bwdBest.length !== C) this.bwdBest = new Float64Array(C);
    else this.bwdBest.fill(0);
    const tab = this.fwdTab;
    const credit = this.cp.creditByCode;
    const rel = this.rel;
    for (let n = 0; n < NA; n++) {
      const k = ns + n;
      const row = ix.needComp[k] * C;
      const w = this.cp.needWN[k];
      this.needModA[n] = ix.needMod[k];
      for (let oc = 0; oc < C; oc++) {
        const code = rel[row + oc];
        if (code !== 0) tab[oc * NA + n] = credit[code] * w;
      }
    }
    const bwd = this.bwdBest;
    for (let o = ix.offStart[a]; o < ix.offStart[a + 1]; o++) {
      const oc = ix.offComp[o];
      const ov = this.cp.offVal[o];
      for (let nc = 0; nc < C; nc++) {
        const code = rel[nc * C + oc];
        if (code !== 0) {
          const v = credit[code] * ov;
          if (v > bwd[nc]) bwd[nc] = v;
        }
      }
    }
  }

  /** Reciprocity of (a, b) from a's tables (equal to the exact one up to rounding). */
  private refine(a: number, b: number): number {
    const ix = this.ix;
    const NA = this.NA;
    const best = this.best;
    const tab = this.fwdTab;
    const nmA = this.needModA;
    const offVal = this.cp.offVal;
    const offComp = ix.offComp;
    const offMod = ix.offMod;
    const mismatch = this.mismatch;
    for (let n = 0; n < NA; n++) best[n] = 0;
    for (let o = ix.offStart[b]; o < ix.offStart[b + 1]; o++) {
      const base = offComp[o] * NA;
      const ov = offVal[o];
      for (let n = 0; n < NA; n++) {
        const t = tab[base + n];
        if (t > 0) {
          let v = t * ov;
          const nm = nmA[n];
          if (nm >= 0 && nm !== offMod[o]) v *= mismatch;
          if (v > best[n]) best[n] = v;
        }
      }
    }
    let f = 0;
    for (let n = 0; n < NA; n++) f += best[n];
    let bw = 0;
    const needWN = this.cp.needWN;
    for (let m = ix.needStart[b]; m < ix.needStart[b + 1]; m++) {
      const nm = ix.needMod[m];
      let v: number;
      if (nm >= 0) {
        v = 0;
        const row = ix.needComp[m] * this.C;
        for (let o = ix.offStart[a]; o < ix.offStart[a + 1]; o++) {
          let x = this.cp.creditByCode[this.rel[row + offComp[o]]] * offVal[o];
          if (offMod[o] !== nm) x *= mismatch;
          if (x > v) v = x;
        }
      } else v = this.bwdBest[ix.needComp[m]];
      bw += needWN[m] * v;
    }
    this.refinedForward = f;
    this.refinedBackward = bw;
    return fuse(f, bw, this.alpha);
  }

  /**
   * Top-K partners of actor a. Writes up to k (index, score) pairs, best first, into outIdx/outScore
   * at `offset` (and forward/backward coverages and contributions when arrays are given); returns the count.
   *
   * Funnel: walk (gather) the candidates → for each, both coverages from the actor's tables (equal to
   * the exact ones up to rounding) and the context without acting-in overlap and trust, pruned by an
   * upper bound → best poolFactor × K → exact score (the kernel) → top K.
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
    const w = this.cp.profile.weights;
    const kernel = this.kernel;
    const M2 = Math.max(k, Math.ceil(k * this.poolFactor));
    if (this.heapScore.length < M2) {
      this.heapScore = new Float64Array(M2);
      this.heapIdx = new Int32Array(M2);
    }
    const contextMax = this.cp.contextMax;
    this.buildTables(a);
    const hs = this.heapScore;
    const hi = this.heapIdx;
    let size = 0;
    const touched = this.touched;
    for (let t = 0; t < this.nTouched; t++) {
      const b = touched[t];
      if (b === a) continue;
      const R = this.refine(a, b);
      if (R <= 0) continue;
      const g = gateOf(R, this.gateAt);
      const core = w.complementarity * R;
      if (size === M2 && core + g * contextMax < hs[0]) continue;
      if (this.excludeAllied && kernel.isAllied(a, b)) continue;
      size = TopKSearcher.heapPush(hs, hi, size, M2, core + g * this.cheapContext(a, b), b);
    }
    this.stats.refined += this.nTouched;
    // stage 3: exact rescoring of the pool, keep the top k (sorted insertion)
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
        if (outComponents)
          outComponents.copyWithin(
            (offset + i) * COMPONENT_COUNT,
            (offset + i - 1) * COMPONENT_COUNT,
            (offset + i) * COMPONENT_COUNT,
          );
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
