import type { BlockLayout, Postings } from './blocks';
import { CompiledProfile, familyBit, REL_SIBLING, ScoringIndex, buildIndex } from './candidate-index';
import {
  COMPONENT_COUNT,
  DEFAULT_PROFILE,
  formsCompatibility,
  fuse,
  gateOf,
  MODEL_VERSION,
  popcount,
  profileKey,
  ScoringProfile,
  setSimilarity,
  type ScoringActor,
  type ScoringContext,
} from '@maillage/scoring';
import { ScoreKernel } from './kernel';

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

/** Level factor assumed for sibling offers the walk did not see (estimate only). */
const SIBLING_LEVEL_GUESS = 0.8;

/** Better = higher score, then lower index (deterministic tie-break). */
function better(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 > s2 || (s1 === s2 && i1 < i2);
}

/**
 * Moves the m best (score, idx) pairs (higher score, then lower idx) of the first n into [0, m), in
 * any order (quickselect, median of three).
 */
function selectBest(sc: Float64Array, ix: Int32Array, n: number, m: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three as the pivot
    let p = mid;
    const a = better(sc[lo], ix[lo], sc[mid], ix[mid]);
    const b = better(sc[mid], ix[mid], sc[hi], ix[hi]);
    if (a === b) p = mid;
    else if (better(sc[lo], ix[lo], sc[hi], ix[hi]) === a) p = hi;
    else p = lo;
    const ps = sc[p];
    const pi = ix[p];
    // three-way is unnecessary: (score, idx) pairs are distinct
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (better(sc[i], ix[i], ps, pi)) i++;
      while (better(ps, pi, sc[j], ix[j])) j--;
      if (i <= j) {
        const ts = sc[i];
        sc[i] = sc[j];
        sc[j] = ts;
        const ti = ix[i];
        ix[i] = ix[j];
        ix[j] = ti;
        i++;
        j--;
      }
    }
    // [lo, j] better-or-equal to the pivot, [i, hi] worse-or-equal
    if (m - 1 <= j) hi = j;
    else if (m - 1 >= i) lo = i;
    else return;
  }
}

/**
 * Top-K search for one actor at a time, in four stages:
 *  1. walk: inside each territory block the actor belongs to, each of its needs reaches the offers
 *     on the same competence, its children and its parent (up to `commonCompetenceCap` postings
 *     each) and on its siblings (up to `siblingCap`), best levels first; each offer reaches needs the
 *     same way (heaviest needs first). For every candidate reached the walk keeps the best credit per
 *     need, both ways, i.e. both coverages (exact for the routes walked);
 *  2. one pass over the candidates: walked coverages + an estimate of the sibling credit the walk did
 *     not see (family bit sets) + the cheap context, then a selection (quickselect, not a heap) →
 *     best prefilterFactor × K (the same set the former bound-and-heap pass kept, for less work);
 *  3. their coverages recomputed from the actor's tables (exact up to rounding) + cheap context
 *     (no acting-in overlap, no trust) → best poolFactor × K;
 *  4. exact scores (the kernel, bit-identical to scorePair) → top K.
 * Reuses its buffers: one searcher per thread of work.
 */
export class TopKSearcher {
  readonly kernel: ScoreKernel;
  readonly stats: SearchStats = { postings: 0, touched: 0, refined: 0, exact: 0 };
  private readonly cap: number;
  private readonly siblingCap: number;
  private readonly poolFactor: number;
  private readonly prefilterFactor: number;
  private readonly mismatch: number;
  private readonly alpha: number;
  private readonly gateAt: number;
  private readonly excludeAllied: boolean;
  private readonly layout: BlockLayout;
  private readonly rel: Uint8Array;
  private readonly C: number;

  private iter = 0;
  private needSeq = 0;
  /**
   * Per candidate (stride 8): iteration stamp, forward, backward, current need stamp, best credit for
   * that need, mask of the actor's needs credited, share of the candidate's needs credited.
   */
  private readonly cand: Float32Array;
  /** Per need (stride 2): iteration stamp, best credit so far (backward maxima). */
  private readonly needState: Float32Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  // stage 2 buffers: estimate and candidate of every touched candidate
  private estScore = new Float64Array(0);
  private estIdx = new Int32Array(0);
  private heapScore = new Float64Array(0);
  private heapIdx = new Int32Array(0);
  // current route
  private rowNeed = 0;
  private curMod = -1;
  private curW = 0;
  private curStamp = 0;
  private curOfferComp = 0;
  private curBit = 0;

  constructor(
    readonly ix: ScoringIndex,
    readonly cp: CompiledProfile,
  ) {
    const p = cp.profile;
    this.kernel = new ScoreKernel(ix, cp);
    this.cap = p.candidates.commonCompetenceCap;
    this.siblingCap = p.candidates.siblingCap;
    this.poolFactor = p.candidates.poolFactor;
    this.prefilterFactor = p.candidates.prefilterFactor;
    this.layout = ix.layout(p.candidates.blocking);
    if (ix.rel === null)
      throw new Error(`TopKSearcher: taxonomy too large (${ix.C} competences) for the dense relation matrix`);
    this.rel = ix.rel;
    this.C = ix.C;
    this.mismatch = p.modalityMismatch;
    this.alpha = p.reciprocity.alpha;
    this.gateAt = p.reciprocity.gateAt;
    this.excludeAllied = p.alliedPolicy === 'exclude';
    this.cand = new Float32Array(ix.n * 8).fill(-1);
    this.needState = new Float32Array(ix.needComp.length * 2).fill(-1);
    this.touched = new Int32Array(ix.n);
  }

  /** Forward route: offers in postings [s, e) (at most `budget`) for the current need of the actor. */
  private walkOffers(P: Postings, s: number, e: number, budget: number): void {
    const end = e - s > budget ? s + budget : e;
    const actor = P.actor;
    const comp = P.comp;
    const aux = P.aux;
    const rel = this.rel;
    const credit = this.cp.creditByCode;
    const lmVal = this.cp.lmVal;
    const row = this.rowNeed;
    const nm = this.curMod;
    const w = this.curW;
    const stamp = this.curStamp;
    const bit = this.curBit;
    const iter = this.iter;
    const cand = this.cand;
    const mismatch = this.mismatch;
    const touched = this.touched;
    let nTouched = this.nTouched;
    for (let k = s; k < end; k++) {
      const lm = aux[k];
      let v = credit[rel[row + comp[k]]] * lmVal[lm] * w;
      if (nm >= 0 && nm !== (lm & 7)) v *= mismatch;
      const b = actor[k];
      const q = b << 3;
      if (cand[q] !== iter) {
        cand[q] = iter;
        cand[q + 1] = v;
        cand[q + 2] = 0;
        cand[q + 3] = stamp;
        cand[q + 4] = v;
        cand[q + 5] = bit;
        cand[q + 6] = 0;
        touched[nTouched++] = b;
      } else if (cand[q + 3] !== stamp) {
        cand[q + 3] = stamp;
        cand[q + 4] = v;
        cand[q + 1] += v;
        cand[q + 5] = cand[q + 5] | bit;
      } else if (v > cand[q + 4]) {
        cand[q + 1] += v - cand[q + 4];
        cand[q + 4] = v;
      }
    }
    this.nTouched = nTouched;
    this.stats.postings += end - s;
  }

  /** Backward route: needs in postings [s, e) (at most `budget`) for the current offer of the actor. */
  private walkNeeds(P: Postings, s: number, e: number, budget: number): void {
    const end = e - s > budget ? s + budget : e;
    const actor = P.actor;
    const item = P.item;
    const comp = P.comp;
    const aux = P.aux;
    const rel = this.rel;
    const C = this.C;
    const oc = this.curOfferComp;
    const credit = this.cp.creditByCode;
    const needWN = this.cp.needWN;
    const om = this.curMod;
    const ov = this.curW;
    const iter = this.iter;
    const cand = this.cand;
    const needState = this.needState;
    const mismatch = this.mismatch;
    const touched = this.touched;
    let nTouched = this.nTouched;
    for (let k = s; k < end; k++) {
      const m = item[k];
      let v = credit[rel[comp[k] * C + oc]] * ov;
      const nm = aux[k] - 1;
      if (nm >= 0 && nm !== om) v *= mismatch;
      v *= needWN[m];
      const b = actor[k];
      const q = b << 3;
      if (cand[q] !== iter) {
        cand[q] = iter;
        cand[q + 1] = 0;
        cand[q + 2] = 0;
        cand[q + 3] = -1;
        cand[q + 5] = 0;
        cand[q + 6] = 0;
        touched[nTouched++] = b;
      }
      const r = m << 1;
      if (needState[r] !== iter) {
        needState[r] = iter;
        needState[r + 1] = v;
        cand[q + 2] += v;
        cand[q + 6] += needWN[m];
      } else if (v > needState[r + 1]) {
        cand[q + 2] += v - needState[r + 1];
        needState[r + 1] = v;
      }
    }
    this.nTouched = nTouched;
    this.stats.postings += end - s;
  }

  /** Stage 1: candidates of actor a with their coverages over the routes walked. */
  private gather(a: number): void {
    const ix = this.ix;
    const L = this.layout;
    const B = L.B;
    const parent = ix.compParent;
    // stamps live in Float32Arrays: restart them before they exceed 2^24
    if (this.iter >= 1 << 23 || this.needSeq >= 1 << 23) {
      this.cand.fill(-1);
      this.needState.fill(-1);
      this.iter = 0;
      this.needSeq = 0;
    }
    this.iter++;
    this.nTouched = 0;
    const bs = L.actorBlockStart[a];
    const be = L.actorBlockStart[a + 1];
    const cap = this.cap;
    const sibCap = this.siblingCap;
    // need by need, all blocks in a row: the per-candidate "current need" slot stays valid, so a
    // candidate met in two blocks is not counted twice
    for (let k = ix.needStart[a]; k < ix.needStart[a + 1]; k++) {
      const c = ix.needComp[k];
      const p = parent[c];
      this.rowNeed = c * this.C;
      this.curMod = ix.needMod[k];
      this.curW = this.cp.needWN[k];
      this.curStamp = ++this.needSeq;
      this.curBit = k - ix.needStart[a] < 31 ? 1 << (k - ix.needStart[a]) : 0;
      for (let q = bs; q < be; q++) {
        const blk = L.actorBlocks[q];
        let x = c * B + blk;
        this.walkOffers(L.off, L.off.cell[x], L.off.cell[x + 1], cap); // exact
        this.walkOffers(L.offFam, L.offFam.cell[x], L.offFam.cell[x + 1], cap); // children
        if (p >= 0) {
          x = p * B + blk;
          this.walkOffers(L.off, L.off.cell[x], L.off.cell[x + 1], cap); // parent
          if (sibCap > 0) this.walkOffers(L.offFam, L.offFam.cell[x], L.offFam.cell[x + 1], sibCap); // siblings
        }
      }
    }
    for (let o = ix.offStart[a]; o < ix.offStart[a + 1]; o++) {
      const c = ix.offComp[o];
      const p = parent[c];
      this.curOfferComp = c;
      this.curMod = ix.offMod[o];
      this.curW = this.cp.offVal[o];
      for (let q = bs; q < be; q++) {
        const blk = L.actorBlocks[q];
        let x = c * B + blk;
        this.walkNeeds(L.need, L.need.cell[x], L.need.cell[x + 1], cap); // exact
        this.walkNeeds(L.needFam, L.needFam.cell[x], L.needFam.cell[x + 1], cap); // needs below the offer
        if (p >= 0) {
          x = p * B + blk;
          this.walkNeeds(L.need, L.need.cell[x], L.need.cell[x + 1], cap); // need above the offer
          if (sibCap > 0) this.walkNeeds(L.needFam, L.needFam.cell[x], L.needFam.cell[x + 1], sibCap); // siblings
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

  /** Context without acting-in overlap and trust (weighted, before gating). */
  private cheapContext(a: number, b: number): number {
    const pack = this.ix.pack;
    const w = this.cp.profile.weights;
    const tiers = this.cp.tiers;
    const qa = a << 3;
    const qb = b << 3;
    let prox = 0;
    if (pack[qa] >= 0 && pack[qa] === pack[qb]) prox = tiers[0];
    else if (pack[qa + 1] >= 0 && pack[qa + 1] === pack[qb + 1]) prox = tiers[1];
    else if (pack[qa + 2] >= 0 && pack[qa + 2] === pack[qb + 2]) prox = tiers[2];
    else if (pack[qa + 3] >= 0 && pack[qa + 3] === pack[qb + 3]) prox = tiers[3];
    const ca = pack[qa + 4];
    const cb = pack[qb + 4];
    const xa = pack[qa + 5];
    const xb = pack[qb + 5];
    const fa = xa & 255;
    const fb = xb & 255;
    return (
      w.causes * setSimilarity(popcount(ca & cb), popcount(ca), popcount(cb), this.cp.profile.causesMeasure) +
      w.proximity * prox +
      w.crossFamily * (((xa >> 8) & 255) !== ((xb >> 8) & 255) ? 1 : 0) +
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
  /** tabAny[oc]: whether an offer on oc is related to any need of the actor. */
  private tabAny = new Uint8Array(0);
  private best = new Float64Array(0);
  private famA = new Int32Array(0);
  private sibW = new Float64Array(0);

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
    if (this.tabAny.length !== C) this.tabAny = new Uint8Array(C);
    else this.tabAny.fill(0);
    const any = this.tabAny;
    for (let n = 0; n < NA; n++) {
      const k = ns + n;
      const row = ix.needComp[k] * C;
      const w = this.cp.needWN[k];
      this.needModA[n] = ix.needMod[k];
      for (let oc = 0; oc < C; oc++) {
        const code = rel[row + oc];
        if (code !== 0) {
          tab[oc * NA + n] = credit[code] * w;
          any[oc] = 1;
        }
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

  /** Reciprocity of (a, b) from a's tables (the exact one up to rounding). */
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
    const any = this.tabAny;
    for (let o = ix.offStart[b]; o < ix.offStart[b + 1]; o++) {
      // offers unrelated to every need of a bring nothing
      if (any[offComp[o]] === 0) continue;
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
    return fuse(f, bw, this.alpha);
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
    const w = this.cp.profile.weights;
    const kernel = this.kernel;
    const M = Math.max(k, Math.ceil(k * this.poolFactor));
    if (this.heapScore.length < M) {
      this.heapScore = new Float64Array(M);
      this.heapIdx = new Int32Array(M);
    }
    const cand = this.cand;
    const wc = w.complementarity;
    const ix = this.ix;
    const M1 = Math.max(M, Math.ceil(k * this.prefilterFactor));
    // stage 2: coverages walked + an estimate of the sibling credit the walk did not see
    const sib = this.cp.creditByCode[REL_SIBLING] * SIBLING_LEVEL_GUESS;
    const ns = ix.needStart[a];
    const NA = Math.min(31, ix.needStart[a + 1] - ns);
    const wn = this.cp.needWN;
    const offFamA = ix.offFamBits[a];
    if (this.famA.length < NA) {
      this.famA = new Int32Array(Math.max(8, NA));
      this.sibW = new Float64Array(Math.max(8, NA));
    }
    const famA = this.famA;
    const sibW = this.sibW;
    for (let n = 0; n < NA; n++) {
      famA[n] = familyBit(ix.compParent, ix.needComp[ns + n]);
      sibW[n] = sib * wn[ns + n];
    }
    const alpha = this.alpha;
    const gateAt = this.gateAt;
    const pack = ix.pack;
    // one pass: estimate of every candidate = walked coverages + the sibling credit the walk did not
    // see (where the families match) + the cheap context; then the best M1 (selection, same set and
    // tie-break as a bounded heap)
    if (this.estScore.length < this.nTouched) {
      this.estScore = new Float64Array(Math.max(this.nTouched, 1024));
      this.estIdx = new Int32Array(Math.max(this.nTouched, 1024));
    }
    const es = this.estScore;
    const ei = this.estIdx;
    const touched = this.touched;
    const nTouched = this.nTouched;
    const wCauses = w.causes;
    const wProx = w.proximity;
    const wCross = w.crossFamily;
    const wForms = w.allianceForms;
    const measure = this.cp.profile.causesMeasure;
    const tiers = this.cp.tiers;
    const allNeeds = NA >= 31 ? 0x7fffffff : (1 << NA) - 1;
    const qa = a << 3;
    const la0 = pack[qa];
    const la1 = pack[qa + 1];
    const la2 = pack[qa + 2];
    const la3 = pack[qa + 3];
    const ca = pack[qa + 4];
    const xa = pack[qa + 5];
    const fa = xa & 255;
    const famAllA = (xa >> 8) & 255;
    const nca = (xa >> 16) & 255;
    const nfa = xa >>> 24;
    let cnt = 0;
    for (let t = 0; t < nTouched; t++) {
      const b = touched[t];
      if (b === a) continue;
      const q = b << 3;
      let f = cand[q + 1];
      let bw = cand[q + 2];
      // needs of a not credited by the walk (bits)
      const open = ~(cand[q + 5] | 0) & allNeeds;
      const covB = cand[q + 6];
      if (open !== 0) {
        const famB = pack[q + 6];
        for (let n = 0; n < NA; n++) if ((open & (1 << n)) !== 0 && (famB & famA[n]) !== 0) f += sibW[n];
      }
      const needFamB = pack[q + 7];
      if (needFamB !== 0) bw += (sib * (1 - covB) * popcount(needFamB & offFamA)) / popcount(needFamB);
      const R = fuse(f, bw, alpha);
      if (R <= 0) continue;
      // cheap context (same formula as cheapContext), inlined with the actor's side hoisted
      let prox = 0;
      if (la0 >= 0 && la0 === pack[q]) prox = tiers[0];
      else if (la1 >= 0 && la1 === pack[q + 1]) prox = tiers[1];
      else if (la2 >= 0 && la2 === pack[q + 2]) prox = tiers[2];
      else if (la3 >= 0 && la3 === pack[q + 3]) prox = tiers[3];
      const xb = pack[q + 5];
      const fb = xb & 255;
      const ctx =
        wCauses * setSimilarity(popcount(ca & pack[q + 4]), nca, (xb >> 16) & 255, measure) +
        wProx * prox +
        wCross * (famAllA !== ((xb >> 8) & 255) ? 1 : 0) +
        wForms * formsCompatibility(popcount(fa & fb), nfa, xb >>> 24);
      es[cnt] = wc * R + gateOf(R, gateAt) * ctx;
      ei[cnt++] = b;
    }
    const size1 = cnt > M1 ? M1 : cnt;
    if (cnt > M1) selectBest(es, ei, cnt, M1);
    const h1i = ei;
    // stage 3: near-exact coverages from the actor's tables
    this.buildTables(a);
    const hs = this.heapScore;
    const hi = this.heapIdx;
    let size = 0;
    for (let t = 0; t < size1; t++) {
      const b = h1i[t];
      if (this.excludeAllied && kernel.isAllied(a, b)) continue;
      const R = this.refine(a, b);
      if (R <= 0) continue;
      const g = gateOf(R, this.gateAt);
      size = TopKSearcher.heapPush(hs, hi, size, M, wc * R + g * this.cheapContext(a, b), b);
    }
    this.stats.refined += size1;
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
