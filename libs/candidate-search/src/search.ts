import type { BlockLayout } from '@maillage/actor-table';
import {
  COMPONENT_COUNT,
  formsCompatibility,
  gateOf,
  popcount,
  reciprocityOf,
  setSimilarity,
  trustValue,
} from './hot-formulas';
import type { CompiledProfile, ScoringIndex } from './candidate-index';
import { ScoreKernel } from './kernel';

export interface SearchStats {
  /** Postings walked in the inverted index. */
  postings: number;
  /** Distinct candidates reached (every pair with a non-zero coverage either way). */
  touched: number;
  /** Candidates whose coverages were computed exactly from the actor's tables. */
  refined: number;
  /** Pairs scored with the exact kernel. */
  exact: number;
}

/** Slack on upper bounds for floating point rounding (bounds and kernel sum in different orders). */
const EPS = 1e-9;

/** Better = higher score, then lower index (deterministic tie-break, the brute force's). */
function better(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 > s2 || (s1 === s2 && i1 < i2);
}

/**
 * Exact top-K search for one actor at a time, pruned by upper bounds (MaxScore-style at the
 * candidate level). A pair scores 0 unless one side covers a need of the other, so every possible
 * partner is an actor of the same block that offers a competence related to one of the actor's
 * needs, or needs one related to its offers. For actor a:
 *  1. tables: for every competence, the credit × weight it brings to each of a's needs, and the best
 *     credit × value a's offers bring to a need on it;
 *  2. walk (term at a time): the offers on every competence related to a need of a and the needs on
 *     every competence related to an offer of a, inside a's blocks, accumulating per candidate an
 *     upper bound of both coverages (no cap: no partner is missed);
 *  3. bound of every candidate's score: the reciprocity of the coverage bounds, the exact cheap
 *     context (causes, location proximity, families, forms) plus the most the acting-in overlap and
 *     trust could add, gated. Candidates are taken by decreasing bound; each gets exact coverages
 *     from the tables (a tighter bound) and, when that can still beat the K-th score, the exact
 *     kernel score. The scan stops as soon as a bound cannot beat the K-th score.
 * The result equals bruteForceTopK (same kernel, blocking, exclusions and tie-break). Reuses its
 * buffers: one searcher per thread of work.
 */
export class TopKSearcher {
  readonly kernel: ScoreKernel;
  readonly stats: SearchStats = { postings: 0, touched: 0, refined: 0, exact: 0 };
  private readonly layout: BlockLayout;
  private readonly rel: Uint8Array;
  private readonly C: number;
  private readonly mismatch: number;
  private readonly alpha: number;
  private readonly giftReturn: number;
  private readonly gateAt: number;
  private readonly excludeAllied: boolean;
  /** For a need competence: offer competences with credit (CSR); for an offer competence: need competences. */
  private readonly fwdStart: Int32Array;
  private readonly fwdList: Int32Array;
  private readonly bwdStart: Int32Array;
  private readonly bwdList: Int32Array;
  private readonly lmMax: number;
  private readonly tierMax: number;
  /** Normalised weight of each need posting (needWN by posting, read in order by the walk). */
  private readonly needPostW: Float64Array;

  // per candidate
  private readonly stamp: Int32Array;
  private readonly ubF: Float64Array;
  private readonly ubB: Float64Array;
  /** Upper bounds of the gift parts of both coverages. */
  private readonly ubGF: Float64Array;
  private readonly ubGB: Float64Array;
  private readonly touched: Int32Array;
  private iter = 0;
  // per actor tables
  private fwdTab = new Float64Array(0);
  private fSum: Float64Array;
  private bwdBest: Float64Array;
  /** Same as bwdBest, counting only a's gift offers. */
  private bwdGift: Float64Array;
  /** Iteration stamp of the forward rows (offer competences) and backward rows (need competences). */
  private readonly seenF: Int32Array;
  private readonly seenB: Int32Array;
  private readonly rowsF: Int32Array;
  private readonly rowsB: Int32Array;
  private nRowsF = 0;
  private nRowsB = 0;
  private NA = 0;
  private needModA = new Int8Array(8);
  private best = new Float64Array(8);
  private bestGift = new Float64Array(8);
  // candidate order
  private ubScore = new Float64Array(1024);
  private ubIdx = new Int32Array(1024);

  constructor(
    readonly ix: ScoringIndex,
    readonly cp: CompiledProfile,
  ) {
    const p = cp.profile;
    this.kernel = new ScoreKernel(ix, cp);
    this.layout = ix.layout(p.candidates.blocking);
    if (ix.rel === null)
      throw new Error(`TopKSearcher: taxonomy too large (${ix.C} competences) for the dense relation matrix`);
    this.rel = ix.rel;
    const C = (this.C = ix.C);
    this.mismatch = p.modalityMismatch;
    this.alpha = p.reciprocity.alpha;
    this.giftReturn = p.reciprocity.giftReturn;
    this.gateAt = p.reciprocity.gateAt;
    this.excludeAllied = p.alliedPolicy === 'exclude';
    const credit = cp.creditByCode;
    const csr = (rowIsNeed: boolean): [Int32Array, Int32Array] => {
      const start = new Int32Array(C + 1);
      const list: number[] = [];
      for (let x = 0; x < C; x++) {
        for (let y = 0; y < C; y++) {
          const code = rowIsNeed ? this.rel[x * C + y] : this.rel[y * C + x];
          if (code !== 0 && credit[code] > 0) list.push(y);
        }
        start[x + 1] = list.length;
      }
      return [start, Int32Array.from(list)];
    };
    [this.fwdStart, this.fwdList] = csr(true);
    [this.bwdStart, this.bwdList] = csr(false);
    const postedItems = this.layout.need.item;
    this.needPostW = new Float64Array(postedItems.length);
    for (let q = 0; q < postedItems.length; q++) this.needPostW[q] = cp.needWN[postedItems[q]];
    this.lmMax = Math.max(0, ...cp.lmVal);
    this.tierMax = Math.max(0, ...cp.tiers);
    this.stamp = new Int32Array(ix.n);
    this.ubF = new Float64Array(ix.n);
    this.ubB = new Float64Array(ix.n);
    this.ubGF = new Float64Array(ix.n);
    this.ubGB = new Float64Array(ix.n);
    this.touched = new Int32Array(ix.n);
    this.fSum = new Float64Array(C);
    this.bwdBest = new Float64Array(C);
    this.bwdGift = new Float64Array(C);
    this.seenF = new Int32Array(C);
    this.seenB = new Int32Array(C);
    this.rowsF = new Int32Array(C);
    this.rowsB = new Int32Array(C);
  }

  /** Stage 1: a's tables (forward rows touched, backward best per need competence). */
  private buildTables(a: number): void {
    const ix = this.ix;
    const C = this.C;
    const rel = this.rel;
    const credit = this.cp.creditByCode;
    const needWN = this.cp.needWN;
    const ns = ix.needStart[a];
    const NA = (this.NA = ix.needStart[a + 1] - ns);
    if (this.fwdTab.length < C * NA) this.fwdTab = new Float64Array(C * Math.max(NA, 8));
    if (this.needModA.length < NA) {
      this.needModA = new Int8Array(NA);
      this.best = new Float64Array(NA);
      this.bestGift = new Float64Array(NA);
    }
    const tab = this.fwdTab;
    const seen = this.seenF;
    const it = this.iter;
    // forward rows: every offer competence related to some need of a
    let nr = 0;
    for (let n = 0; n < NA; n++) {
      const k = ns + n;
      const nc = ix.needComp[k];
      this.needModA[n] = ix.needMod[k];
      for (let j = this.fwdStart[nc]; j < this.fwdStart[nc + 1]; j++) {
        const oc = this.fwdList[j];
        if (seen[oc] !== it) {
          seen[oc] = it;
          tab.fill(0, oc * NA, oc * NA + NA);
          this.rowsF[nr++] = oc;
        }
        tab[oc * NA + n] = credit[rel[nc * C + oc]] * needWN[k];
      }
    }
    this.nRowsF = nr;
    for (let r = 0; r < nr; r++) {
      const oc = this.rowsF[r];
      let s = 0;
      for (let n = 0; n < NA; n++) s += tab[oc * NA + n];
      this.fSum[oc] = s;
    }
    // backward: best credit × value of a's offers (and of its gift offers) for a need on each
    // related competence
    const bwd = this.bwdBest;
    const bwdGift = this.bwdGift;
    let nb = 0;
    for (let o = ix.offStart[a]; o < ix.offStart[a + 1]; o++) {
      const oc = ix.offComp[o];
      const ov = this.cp.offVal[o];
      const gift = ix.offGift[o] === 1;
      for (let j = this.bwdStart[oc]; j < this.bwdStart[oc + 1]; j++) {
        const nc = this.bwdList[j];
        if (this.seenB[nc] !== it) {
          this.seenB[nc] = it;
          bwd[nc] = 0;
          bwdGift[nc] = 0;
          this.rowsB[nb++] = nc;
        }
        const v = credit[rel[nc * C + oc]] * ov;
        if (v > bwd[nc]) bwd[nc] = v;
        if (gift && v > bwdGift[nc]) bwdGift[nc] = v;
      }
    }
    this.nRowsB = nb;
  }

  /** Stage 2: walk the postings, upper bounds of both coverages (and their gift parts) per candidate. */
  private walk(a: number): number {
    const L = this.layout;
    const B = L.B;
    const stamp = this.stamp;
    const ubF = this.ubF;
    const ubB = this.ubB;
    const touched = this.touched;
    const it = this.iter;
    let nt = 0;
    let walked = 0;
    const bs = L.actorBlockStart[a];
    const be = L.actorBlockStart[a + 1];
    const lmVal = this.cp.lmVal;
    const needPostW = this.needPostW;
    const off = L.off;
    const ubGF = this.ubGF;
    const ubGB = this.ubGB;
    for (let r = 0; r < this.nRowsF; r++) {
      const oc = this.rowsF[r];
      const fs = this.fSum[oc];
      const gift = this.ix.compGift[oc] === 1;
      for (let q = bs; q < be; q++) {
        const x = oc * B + L.actorBlocks[q];
        const e = off.cell[x + 1];
        const actor = off.actor;
        const aux = off.aux;
        walked += e - off.cell[x];
        for (let k = off.cell[x]; k < e; k++) {
          const b = actor[k];
          const v = fs * lmVal[aux[k]];
          if (stamp[b] !== it) {
            stamp[b] = it;
            ubF[b] = v;
            ubB[b] = 0;
            ubGF[b] = gift ? v : 0;
            ubGB[b] = 0;
            touched[nt++] = b;
          } else {
            ubF[b] += v;
            if (gift) ubGF[b] += v;
          }
        }
      }
    }
    const need = L.need;
    for (let r = 0; r < this.nRowsB; r++) {
      const nc = this.rowsB[r];
      const bv = this.bwdBest[nc];
      const gv = this.bwdGift[nc];
      for (let q = bs; q < be; q++) {
        const x = nc * B + L.actorBlocks[q];
        const e = need.cell[x + 1];
        const actor = need.actor;
        walked += e - need.cell[x];
        for (let k = need.cell[x]; k < e; k++) {
          const b = actor[k];
          const w = needPostW[k];
          const v = bv * w;
          if (stamp[b] !== it) {
            stamp[b] = it;
            ubF[b] = 0;
            ubB[b] = v;
            ubGF[b] = 0;
            ubGB[b] = gv * w;
            touched[nt++] = b;
          } else {
            ubB[b] += v;
            ubGB[b] += gv * w;
          }
        }
      }
    }
    this.stats.postings += walked;
    this.stats.touched += nt;
    return nt;
  }

  /** Exact reciprocity of (a, b) from a's tables, gift parts included (the kernel's up to rounding). */
  private refine(a: number, b: number): number {
    const ix = this.ix;
    const NA = this.NA;
    const best = this.best;
    const bestGift = this.bestGift;
    const offGift = ix.offGift;
    const tab = this.fwdTab;
    const nmA = this.needModA;
    const offVal = this.cp.offVal;
    const offComp = ix.offComp;
    const offMod = ix.offMod;
    const mismatch = this.mismatch;
    const seenF = this.seenF;
    const seenB = this.seenB;
    const it = this.iter;
    for (let n = 0; n < NA; n++) best[n] = bestGift[n] = 0;
    for (let o = ix.offStart[b]; o < ix.offStart[b + 1]; o++) {
      const oc = offComp[o];
      if (seenF[oc] !== it) continue; // related to no need of a
      const base = oc * NA;
      const ov = offVal[o];
      for (let n = 0; n < NA; n++) {
        const t = tab[base + n];
        if (t > 0) {
          let v = t * ov;
          const nm = nmA[n];
          if (nm >= 0 && nm !== offMod[o]) v *= mismatch;
          if (v > best[n]) best[n] = v;
          if (v > bestGift[n] && offGift[o] === 1) bestGift[n] = v;
        }
      }
    }
    let f = 0;
    let gf = 0;
    for (let n = 0; n < NA; n++) {
      f += best[n];
      gf += bestGift[n];
    }
    let bw = 0;
    let gb = 0;
    const needWN = this.cp.needWN;
    const credit = this.cp.creditByCode;
    const C = this.C;
    for (let m = ix.needStart[b]; m < ix.needStart[b + 1]; m++) {
      const nc = ix.needComp[m];
      if (seenB[nc] !== it) continue;
      const nm = ix.needMod[m];
      let v: number;
      let g: number;
      if (nm >= 0) {
        v = g = 0;
        const row = nc * C;
        for (let o = ix.offStart[a]; o < ix.offStart[a + 1]; o++) {
          let x = credit[this.rel[row + offComp[o]]] * offVal[o];
          if (offMod[o] !== nm) x *= mismatch;
          if (x > v) v = x;
          if (x > g && offGift[o] === 1) g = x;
        }
      } else {
        v = this.bwdBest[nc];
        g = this.bwdGift[nc];
      }
      bw += needWN[m] * v;
      gb += needWN[m] * g;
    }
    return reciprocityOf(f, bw, gf, gb, this.alpha, this.giftReturn);
  }

  /**
   * Most the context can add to (a, b) before gating: exact causes, location proximity, families and
   * forms (kernel formulas), plus the most acting-in overlap and common partners could bring.
   */
  private contextBound(a: number, b: number): number {
    const ix = this.ix;
    const pack = ix.pack;
    const tiers = this.cp.tiers;
    const p = this.cp.profile;
    const w = p.weights;
    const qa = a << 3;
    const q = b << 3;
    let prox = 0;
    if (pack[qa] >= 0 && pack[qa] === pack[q]) prox = tiers[0];
    else if (pack[qa + 1] >= 0 && pack[qa + 1] === pack[q + 1]) prox = tiers[1];
    else if (pack[qa + 2] >= 0 && pack[qa + 2] === pack[q + 2]) prox = tiers[2];
    else if (pack[qa + 3] >= 0 && pack[qa + 3] === pack[q + 3]) prox = tiers[3];
    if (ix.hasActs[a] === 1 || ix.hasActs[b] === 1) {
      const acting = this.tierMax * p.proximity.actingFactor;
      if (acting > prox) prox = acting;
    }
    const xa = pack[qa + 5];
    const xb = pack[q + 5];
    let ctx =
      w.causes *
        setSimilarity(
          popcount(pack[qa + 4] & pack[q + 4]),
          (xa >> 16) & 255,
          (xb >> 16) & 255,
          p.causesMeasure,
        ) +
      w.proximity * prox +
      w.crossFamily * (((xa >> 8) & 255) !== ((xb >> 8) & 255) ? 1 : 0) +
      w.allianceForms * formsCompatibility(popcount(xa & xb & 255), xa >>> 24, xb >>> 24);
    const degA = ix.allyStart[a + 1] - ix.allyStart[a];
    if (degA > 0) {
      const degB = ix.allyStart[b + 1] - ix.allyStart[b];
      const common = degA < degB ? degA : degB;
      if (common > 0) ctx += w.trust * (1 - Math.pow(0.5, common));
    }
    return ctx;
  }

  /** Most the context can add to any pair of a (contextBound without b). */
  private contextMaxOf(a: number): number {
    const ix = this.ix;
    const w = this.cp.profile.weights;
    const tiers = this.cp.tiers;
    let prox = this.tierMax;
    if (ix.loc[0][a] < 0) prox = Math.max(tiers[1], tiers[2], tiers[3]); // no commune: no commune tier
    prox = Math.max(prox, this.tierMax * this.cp.profile.proximity.actingFactor);
    const degA = ix.allyStart[a + 1] - ix.allyStart[a];
    return (
      w.causes * (ix.causes[a] !== 0 ? 1 : 0) +
      w.proximity * prox +
      w.crossFamily +
      w.allianceForms * (ix.forms[a] !== 0 ? 1 : 0) +
      (degA > 0 ? w.trust * trustValue(degA) : 0)
    );
  }

  /** The exact context of (a, b) before gating and penalties (kernel formulas). */
  private context(a: number, b: number): number {
    const ix = this.ix;
    const pack = ix.pack;
    const w = this.cp.profile.weights;
    const xa = pack[(a << 3) + 5];
    const xb = pack[(b << 3) + 5];
    const k = this.kernel;
    return (
      w.causes *
        setSimilarity(
          popcount(ix.causes[a] & ix.causes[b]),
          (xa >> 16) & 255,
          (xb >> 16) & 255,
          this.cp.profile.causesMeasure,
        ) +
      w.proximity * k.proximity(a, b) +
      w.crossFamily * (ix.family[a] !== ix.family[b] ? 1 : 0) +
      w.allianceForms * formsCompatibility(popcount(xa & xb & 255), xa >>> 24, xb >>> 24) +
      w.trust * trustValue(k.commonPartners(a, b))
    );
  }

  /** Ensures the candidate order buffers hold n entries. */
  private reserve(n: number): void {
    if (this.ubScore.length < n) {
      this.ubScore = new Float64Array(n * 2);
      this.ubIdx = new Int32Array(n * 2);
    }
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
    if (this.iter >= 0x7ffffff0) {
      this.stamp.fill(0);
      this.seenF.fill(0);
      this.seenB.fill(0);
      this.iter = 0;
    }
    this.iter++;
    this.buildTables(a);
    const nt = this.walk(a);
    const wc = this.cp.profile.weights.complementarity;
    const alpha = this.alpha;
    const giftReturn = this.giftReturn;
    const gateAt = this.gateAt;
    // caps of the coverage bounds: a's needs weigh 1 in total, b's needs too
    let fCap = 0;
    for (let n = 0; n < this.NA; n++) {
      let m = 0;
      for (let r = 0; r < this.nRowsF; r++) {
        const t = this.fwdTab[this.rowsF[r] * this.NA + n];
        if (t > m) m = t;
      }
      fCap += m * this.lmMax;
    }
    let bCap = 0;
    for (let r = 0; r < this.nRowsB; r++)
      if (this.bwdBest[this.rowsB[r]] > bCap) bCap = this.bwdBest[this.rowsB[r]];
    this.reserve(nt);
    const us = this.ubScore;
    const ui = this.ubIdx;
    const ubF = this.ubF;
    const ubB = this.ubB;
    const touched = this.touched;
    const ubGF = this.ubGF;
    const ubGB = this.ubGB;
    // pass 1: reciprocity bound of every candidate
    let cnt = 0;
    let rMax = 0;
    for (let t = 0; t < nt; t++) {
      const b = touched[t];
      if (b === a) continue;
      const uf = ubF[b] < fCap ? ubF[b] : fCap;
      const ub = ubB[b] < bCap ? ubB[b] : bCap;
      // gift bounds ≤ coverage bounds; reciprocityOf is non-decreasing in every argument
      const gf = ubGF[b] < uf ? ubGF[b] : uf;
      const gb = ubGB[b] < ub ? ubGB[b] : ub;
      const R = reciprocityOf(uf, ub, gf, gb, alpha, giftReturn);
      if (R <= 0) continue;
      us[cnt] = R;
      ui[cnt++] = b;
      if (R > rMax) rMax = R;
    }
    // the head (best reciprocity bounds) gets its full bound and is taken in decreasing order: it
    // sets the K-th score early; the rest is then filtered by a bound that needs no pair data
    const head =
      cnt > HEAD_MIN && cnt > 4 * k ? moveHeadFirst(us, ui, cnt, Math.max(4 * k, HEAD_MIN), rMax) : cnt;
    for (let t = 0; t < head; t++) {
      const R = us[t];
      us[t] = wc * R + gateOf(R, gateAt) * this.contextBound(a, ui[t]) + EPS;
    }
    sortBest(us, ui, head);
    const ctxMaxA = this.contextMaxOf(a);
    let count = 0;
    const kernel = this.kernel;
    const consider = (b: number, bound: number): void => {
      if (count === k && bound < outScore[offset + k - 1]) return;
      if (this.excludeAllied && kernel.isAllied(a, b)) return;
      // tighter bound: exact coverages, same context bound
      this.stats.refined++;
      const R = this.refine(a, b);
      if (R <= 0) return;
      // exact context except the penalties (which only lower the score)
      if (count === k && wc * R + gateOf(R, gateAt) * this.context(a, b) + EPS < outScore[offset + k - 1])
        return;
      const s = kernel.score(a, b);
      this.stats.exact++;
      if (kernel.excluded || !(s > 0)) return;
      if (count === k && !better(s, b, outScore[offset + k - 1], outIdx[offset + k - 1])) return;
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
    };
    for (let t = 0; t < head; t++) {
      if (count === k && us[t] < outScore[offset + k - 1]) break; // sorted: no later one can beat it
      consider(ui[t], us[t]);
    }
    // the rest: a reciprocity bound below rMin cannot beat the K-th score whatever the context
    let kthSeen = NaN;
    let rMin = 0;
    for (let j = head; j < cnt; j++) {
      const R = us[j];
      if (count === k) {
        const kth = outScore[offset + k - 1];
        if (kth !== kthSeen) {
          kthSeen = kth;
          rMin = minReciprocity(kth - EPS, wc, gateAt, ctxMaxA);
        }
        if (R < rMin) continue;
      }
      const b = ui[j];
      const bound = wc * R + gateOf(R, gateAt) * this.contextBound(a, b) + EPS;
      if (count < k || bound >= outScore[offset + k - 1]) consider(b, bound);
    }
    return count;
  }
}

/** Smallest head of candidates taken by decreasing full bound. */
const HEAD_MIN = 64;
const BINS = 256;
const binCount = new Int32Array(BINS);

/**
 * Moves to the front every candidate whose reciprocity bound (in (0, rMax]) lies in the best bins
 * of a 256-bin histogram holding at least m of them; returns how many were moved (≥ m). O(n),
 * no comparisons: only the head needs an order, and it is sorted after its full bound is known.
 */
function moveHeadFirst(sc: Float64Array, ix: Int32Array, n: number, m: number, rMax: number): number {
  const scale = BINS / rMax;
  binCount.fill(0);
  for (let i = 0; i < n; i++) {
    const bin = (sc[i] * scale) | 0;
    binCount[bin < BINS ? bin : BINS - 1]++;
  }
  let cut = BINS - 1;
  let taken = binCount[cut];
  while (taken < m && cut > 0) taken += binCount[--cut];
  let h = 0;
  for (let i = 0; i < n; i++) {
    const bin = (sc[i] * scale) | 0;
    if ((bin < BINS ? bin : BINS - 1) >= cut) {
      const ts = sc[h];
      sc[h] = sc[i];
      sc[i] = ts;
      const ti = ix[h];
      ix[h] = ix[i];
      ix[i] = ti;
      h++;
    }
  }
  return h;
}

/**
 * Smallest reciprocity R whose bound wc·R + gate(R)·ctxMax can reach `target` (the bound is
 * piecewise linear and non-decreasing in R), lowered by a relative 1e-9 so that rounding never skips
 * a candidate the exact test would keep. 0 (skip nothing) when the complementarity weight is 0.
 */
function minReciprocity(target: number, wc: number, gateAt: number, ctxMax: number): number {
  if (target <= 0) return 0;
  let r: number;
  if (gateAt > 0 && target <= wc * gateAt + ctxMax) r = target / (wc + ctxMax / gateAt);
  else if (wc > 0) r = (target - ctxMax) / wc;
  else return 0;
  return r > 0 ? r * (1 - 1e-9) : 0;
}

/** Sorts the first n (score, idx) pairs best first (insertion sort: n is small). */
function sortBest(sc: Float64Array, ix: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const s = sc[i];
    const x = ix[i];
    let j = i - 1;
    while (j >= 0 && better(s, x, sc[j], ix[j])) {
      sc[j + 1] = sc[j];
      ix[j + 1] = ix[j];
      j--;
    }
    sc[j + 1] = s;
    ix[j + 1] = x;
  }
}
