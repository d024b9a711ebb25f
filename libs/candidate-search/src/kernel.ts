import { BlockLayout, shareBlock } from '@maillage/actor-table';
import {
  ALLIED_EXCLUDE,
  ALLIED_NONE,
  ALLIED_PENALISE,
  assemble,
  formsCompatibility,
  gateOf,
  popcount,
  reciprocityOf,
  setSimilarity,
  trustValue,
} from './hot-formulas';
import type { CompiledProfile, ScoringIndex } from './candidate-index';

function contains(list: Int32Array, s: number, e: number, x: number): boolean {
  let lo = s;
  let hi = e - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Exact score of indexed pairs, bit-identical to `scorePair` on the same actors, rarity, pair context
 * and profile, without allocating. Not re-entrant: one kernel per thread of work.
 */
export class ScoreKernel {
  /** Contributions of the last scored pair (COMPONENT_NAMES order). */
  readonly contrib = new Float64Array(8);
  /** Coverages of the last scored pair: what b brings to a, what a brings to b. */
  forward = 0;
  backward = 0;
  reciprocity = 0;
  /** Gift part of the last `coverage` call (the same share counting only gift offers). */
  giftCoverage = 0;
  /** Whether the last scored pair is excluded (self, or allied under the exclude policy). */
  excluded = false;

  private readonly alpha: number;
  private readonly giftReturn: number;
  private readonly gateAt: number;
  private readonly mismatch: number;
  private readonly actingFactor: number;
  private readonly measure: 'jaccard' | 'overlap';
  private readonly alliedPolicy: number;
  private readonly layout: BlockLayout;
  // hot arrays copied as own fields
  private readonly needStart: Int32Array;
  private readonly needComp: Int32Array;
  private readonly needMod: Int8Array;
  private readonly offStart: Int32Array;
  private readonly offComp: Int32Array;
  private readonly offMod: Uint8Array;
  private readonly rel: Uint8Array | null;
  private readonly C: number;
  private readonly needW: Float64Array;
  private readonly needTotal: Float64Array;
  private readonly offVal: Float64Array;
  private readonly credit: Float64Array;

  constructor(
    readonly ix: ScoringIndex,
    readonly cp: CompiledProfile,
  ) {
    const p = cp.profile;
    this.layout = ix.layout(p.candidates.blocking);
    this.needStart = ix.needStart;
    this.needComp = ix.needComp;
    this.needMod = ix.needMod;
    this.offStart = ix.offStart;
    this.offComp = ix.offComp;
    this.offMod = ix.offMod;
    this.rel = ix.rel;
    this.C = ix.C;
    this.needW = cp.needW;
    this.needTotal = cp.needTotal;
    this.offVal = cp.offVal;
    this.credit = cp.creditByCode;
    this.alpha = p.reciprocity.alpha;
    this.giftReturn = p.reciprocity.giftReturn;
    this.gateAt = p.reciprocity.gateAt;
    this.mismatch = p.modalityMismatch;
    this.actingFactor = p.proximity.actingFactor;
    this.measure = p.causesMeasure;
    this.alliedPolicy = p.alliedPolicy === 'exclude' ? ALLIED_EXCLUDE : ALLIED_PENALISE;
  }

  /** What `giver` brings to `receiver` (0..1); its gift part goes to `giftCoverage`. */
  coverage(receiver: number, giver: number): number {
    const total = this.needTotal[receiver];
    const needW = this.needW;
    const offVal = this.offVal;
    const credit = this.credit;
    const needComp = this.needComp;
    const needMod = this.needMod;
    const offComp = this.offComp;
    const offMod = this.offMod;
    const offGift = this.ix.offGift;
    const rel = this.rel;
    const C = this.C;
    const mismatch = this.mismatch;
    const os = this.offStart[giver];
    const oe = this.offStart[giver + 1];
    const ne = this.needStart[receiver + 1];
    let sum = 0;
    let giftSum = 0;
    for (let k = this.needStart[receiver]; k < ne; k++) {
      const nc = needComp[k];
      const m = needMod[k];
      let best = 0;
      let bestGift = 0;
      const row = nc * C;
      for (let j = os; j < oe; j++) {
        const code = rel !== null ? rel[row + offComp[j]] : this.ix.relationCode(nc, offComp[j]);
        if (code === 0) continue;
        let v = credit[code] * offVal[j];
        if (m >= 0 && m !== offMod[j]) v *= mismatch;
        if (v > best) best = v;
        if (v > bestGift && offGift[j] === 1) bestGift = v;
      }
      sum += needW[k] * best;
      giftSum += needW[k] * bestGift;
    }
    this.giftCoverage = total > 0 ? giftSum / total : 0;
    return total > 0 ? sum / total : 0;
  }

  /** Reciprocity of (a, b) (scorePair's): fills forward, backward and reciprocity. */
  pairReciprocity(a: number, b: number): number {
    const f = this.coverage(a, b);
    const gf = this.giftCoverage;
    const k = this.coverage(b, a);
    const gk = this.giftCoverage;
    this.forward = f;
    this.backward = k;
    return (this.reciprocity = reciprocityOf(f, k, gf, gk, this.alpha, this.giftReturn));
  }

  /** Proximity value (location tiers, acting-in overlap × actingFactor). */
  proximity(a: number, b: number): number {
    const ix = this.ix;
    const tiers = this.cp.tiers;
    let value = 0;
    for (let r = 0; r < 4; r++) {
      const la = ix.loc[r][a];
      if (la >= 0 && la === ix.loc[r][b]) {
        value = tiers[r];
        break;
      }
    }
    if (ix.hasActs[a] === 1 || ix.hasActs[b] === 1) {
      const keys = ix.terrKey;
      let i = ix.terrStart[a];
      const ie = ix.terrStart[a + 1];
      let j = ix.terrStart[b];
      const je = ix.terrStart[b + 1];
      let best = 4;
      while (i < ie && j < je) {
        const x = keys[i];
        const y = keys[j];
        if (x === y) {
          const r = ix.keyRank[x];
          if (r < best) best = r;
          i++;
          j++;
        } else if (x < y) i++;
        else j++;
      }
      if (best < 4) {
        const acting = tiers[best] * this.actingFactor;
        if (acting > value) value = acting;
      }
    }
    return value;
  }

  isAllied(a: number, b: number): boolean {
    const ix = this.ix;
    return contains(ix.allyList, ix.allyStart[a], ix.allyStart[a + 1], b);
  }

  hasMet(a: number, b: number): boolean {
    const ix = this.ix;
    return contains(ix.metList, ix.metStart[a], ix.metStart[a + 1], b);
  }

  commonPartners(a: number, b: number): number {
    const ix = this.ix;
    const list = ix.allyList;
    let i = ix.allyStart[a];
    const ie = ix.allyStart[a + 1];
    let j = ix.allyStart[b];
    const je = ix.allyStart[b + 1];
    let count = 0;
    while (i < ie && j < je) {
      const x = list[i];
      const y = list[j];
      if (x === y) {
        count++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return count;
  }

  /** Exact score of (a, b); fills contrib, forward, backward, reciprocity, excluded. */
  score(a: number, b: number): number {
    const ix = this.ix;
    const p = this.cp.profile;
    const c = this.contrib;
    if (a === b) {
      c.fill(0);
      this.forward = this.backward = this.reciprocity = 0;
      this.excluded = true;
      return 0;
    }
    const R = this.pairReciprocity(a, b);
    const gate = gateOf(R, this.gateAt);
    const ca = ix.causes[a];
    const cb = ix.causes[b];
    const causes = setSimilarity(popcount(ca & cb), popcount(ca), popcount(cb), this.measure);
    const prox = this.proximity(a, b);
    const cross = ix.family[a] !== ix.family[b] ? 1 : 0;
    const fa = ix.forms[a];
    const fb = ix.forms[b];
    const forms = formsCompatibility(popcount(fa & fb), popcount(fa), popcount(fb));
    const trust = trustValue(this.commonPartners(a, b));
    const allied = this.isAllied(a, b);
    const met = this.hasMet(a, b);
    const mode = allied ? this.alliedPolicy : ALLIED_NONE;
    this.excluded = mode === ALLIED_EXCLUDE;
    return assemble(p, R, gate, causes, prox, cross, forms, trust, mode, met, c);
  }

  /** Whether b may be proposed to a under the profile's territory blocking (they share a block). */
  eligible(a: number, b: number): boolean {
    return shareBlock(this.layout, a, b);
  }
}
