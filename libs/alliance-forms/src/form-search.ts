/**
 * Top-K per alliance form over a candidate-search index. RESOURCES is candidate-search's own top-K
 * (TopKSearcher, the need↔offer walk). CO_PRODUCTION, POOLING and POSITIONING are not reached by
 * need↔offer postings, so they scan the members of the actor's territory blocks (same blocking and
 * exclusions as the index) with a per-form upper bound from the cheap mask terms: the exact score is
 * computed only when the bound can beat the form's current k-th score. Scores are bit-identical to
 * scoreAlliance (same formulas, same inputs; the index's kernel is bit-identical to scorePair).
 */
import { ActorKind, AllianceForm } from '@maillage/domain';
import { ScoreKernel, type ScoringIndex } from '@maillage/candidate-search';
import {
  ALLIED_EXCLUDE,
  ALLIED_NONE,
  ALLIED_PENALISE,
  formsCompatibility,
  formsMaskOf,
  gateOf as gateExport,
  popcount as popcountExport,
  setSimilarity,
  trustValue,
  type ScoringProfile,
} from '@maillage/scoring';
import {
  FORM_COUNT,
  FORM_ORDER,
  FormInputs,
  FormTraits,
  MAX_FORM_COMPONENTS,
  assembleForm,
  emptyFormInputs,
  fillTraitInputs,
  formIndex,
} from './forms';
import { FormFacts, formFactsOf, inNetwork, networkTieOf, traitsAt } from './form-facts';

// Local bindings: a CommonJS re-export is a getter, and these run for every block member.
const gate = gateExport;
const popcount = popcountExport;
/** Bounds are raised by this factor so rounding never makes a bound fall below the exact score. */
const SLACK = 1 + 1e-9;
const BINS = 256;

export interface FormPartner {
  readonly idx: number;
  readonly score: number;
}

/** Scores of the four forms (FORM_ORDER) of one pair, and the best form's index. */
export interface PairForms {
  readonly scores: readonly number[];
  readonly best: number;
  readonly excluded: boolean;
}

export class FormSearcher {
  readonly kernel: ScoreKernel;
  readonly traits: readonly FormTraits[];
  readonly facts: FormFacts;
  private readonly tiers: Float64Array;
  private readonly actingMax: number;
  private readonly memberStart: Int32Array;
  private readonly members: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly x: FormInputs = emptyFormInputs();
  private readonly scratch = new Float64Array(MAX_FORM_COMPONENTS);

  /** `facts`: given on a scoring thread (shared index, no actors); else computed from the index's actors. */
  constructor(
    readonly ix: ScoringIndex,
    readonly profile: ScoringProfile,
    facts?: FormFacts,
  ) {
    this.kernel = new ScoreKernel(ix, ix.compile(profile));
    if (facts) {
      this.facts = facts;
      this.traits = Array.from({ length: ix.n }, (_, i) => traitsAt(facts, i));
    } else {
      // a patched index reuses the previous index's traits for the rows it copied
      const traits = indexTraits(ix, previousTraits(ix));
      this.traits = traits;
      this.facts = formFactsOf(ix, (i) => traits[i]);
    }
    const cp = ix.compile(profile);
    this.tiers = cp.tiers;
    this.actingMax = Math.max(0, ...cp.tiers) * profile.proximity.actingFactor;
    const l = ix.layout(profile.candidates.blocking);
    const count = new Int32Array(l.B + 1);
    for (let q = 0; q < l.actorBlocks.length; q++) count[l.actorBlocks[q] + 1]++;
    for (let b = 0; b < l.B; b++) count[b + 1] += count[b];
    this.memberStart = count;
    this.members = new Int32Array(l.actorBlocks.length);
    const fill = count.slice(0, l.B);
    for (let a = 0; a < ix.n; a++)
      for (let q = l.actorBlockStart[a]; q < l.actorBlockStart[a + 1]; q++)
        this.members[fill[l.actorBlocks[q]]++] = a;
    this.seen = new Int32Array(ix.n).fill(-1);
  }

  /** All four form inputs of (a, b), with the same arithmetic as scoreAlliance. */
  private inputs(a: number, b: number): FormInputs {
    const ix = this.ix;
    const k = this.kernel;
    const p = this.profile;
    const x = this.x;
    x.reciprocity = k.pairReciprocity(a, b);
    const ca = ix.causes[a];
    const cb = ix.causes[b];
    x.causes = setSimilarity(popcount(ca & cb), popcount(ca), popcount(cb), p.causesMeasure);
    x.proximity = k.proximity(a, b);
    x.crossFamily = ix.family[a] !== ix.family[b] ? 1 : 0;
    const fa = ix.forms[a];
    const fb = ix.forms[b];
    x.allianceForms = formsCompatibility(popcount(fa & fb), popcount(fa), popcount(fb));
    x.trust = trustValue(k.commonPartners(a, b));
    fillTraitInputs(x, this.traits[a], this.traits[b]);
    x.network = networkTieOf(this.facts, a, b);
    return x;
  }

  private mode(a: number, b: number): number {
    if (!this.kernel.isAllied(a, b)) return ALLIED_NONE;
    return this.profile.alliedPolicy === 'exclude' ? ALLIED_EXCLUDE : ALLIED_PENALISE;
  }

  /** Exact scores of the four forms for (a, b). */
  scorePair(a: number, b: number, out: Float64Array | number[]): PairForms {
    if (a === b) {
      for (let f = 0; f < FORM_COUNT; f++) out[f] = 0;
      return { scores: Array.from(out), best: 0, excluded: true };
    }
    const x = this.inputs(a, b);
    const mode = this.mode(a, b);
    const met = this.kernel.hasMet(a, b);
    let best = 0;
    for (let f = 0; f < FORM_COUNT; f++) {
      out[f] = assembleForm(FORM_ORDER[f], this.profile, x, mode, met, this.scratch);
      if (out[f] > out[best]) best = f;
    }
    return { scores: Array.from(out), best, excluded: mode === ALLIED_EXCLUDE };
  }

  /**
   * Top-K of actor `a` for each of CO_PRODUCTION, POOLING, POSITIONING (FORM_ORDER indices 1..3),
   * best first (ties: lower index); excluded pairs and scores ≤ 0 are left out. Every block member
   * gets a per-form upper bound from the cheap mask terms (the location tier's proximity, at most
   * the acting-in one; exchange 1; network 1 only when one of the two belongs to a network); the best
   * bounds are scored exactly in decreasing order, then only the members whose bound can still beat
   * the form's k-th score.
   */
  searchForms(a: number, k: number): [FormPartner[], FormPartner[], FormPartner[]] {
    const p = this.profile;
    const cp = p.forms.coProduction;
    const po = p.forms.pooling;
    const ps = p.forms.positioning;
    const ix = this.ix;
    const t = this.facts;
    const l = ix.layout(p.candidates.blocking);
    const stamp = ++this.stamp;
    const jaccard = p.causesMeasure === 'jaccard';
    const ca = ix.causes[a];
    const nca = t.nCauses[a];
    const fLoA = t.fieldLo[a];
    const fHiA = t.fieldHi[a];
    const rootsA = t.fieldRoots[a];
    const offRootsA = t.offerRoots[a];
    const poolA = t.pool[a];
    const reprA = t.representation[a];
    const soughtA = t.sought[a];
    const netA = inNetwork(t, a);
    const familyA = ix.family[a];
    let members = 0;
    for (let q = l.actorBlockStart[a]; q < l.actorBlockStart[a + 1]; q++)
      members += this.memberStart[l.actorBlocks[q] + 1] - this.memberStart[l.actorBlocks[q]];
    this.grow(members);
    const candIdx = this.candIdx;
    const [bound1, bound2, bound3] = this.bounds;
    const sought1 = (soughtA & 2) !== 0 ? 0.5 : 0;
    const sought2 = (soughtA & 4) !== 0 ? 0.5 : 0;
    const sought3 = (soughtA & 8) !== 0 ? 0.5 : 0;
    let n = 0;
    for (let q = l.actorBlockStart[a]; q < l.actorBlockStart[a + 1]; q++) {
      const blk = l.actorBlocks[q];
      for (let m = this.memberStart[blk]; m < this.memberStart[blk + 1]; m++) {
        const b = this.members[m];
        if (b === a || this.seen[b] === stamp) continue;
        this.seen[b] = stamp;
        const ic = popcount(ca & ix.causes[b]);
        const causes =
          ic === 0 ? 0 : jaccard ? ic / (nca + t.nCauses[b] - ic) : ic / Math.min(nca, t.nCauses[b]);
        const iField = popcount(fLoA & t.fieldLo[b]) + popcount(fHiA & t.fieldHi[b]);
        let fields = 0;
        if (iField > 0) fields = iField / Math.sqrt(t.nFields[a] * t.nFields[b]);
        else {
          const r = popcount(rootsA & t.fieldRoots[b]);
          if (r > 0) fields = (0.5 * r) / Math.sqrt(t.nRoots[a] * t.nRoots[b]);
        }
        const shared = popcount(poolA & t.pool[b]);
        const sharedNeeds =
          shared === 0 ? 0 : Math.min(1, shared / Math.sqrt(t.needCount[a] * t.needCount[b]));
        if (causes === 0 && fields === 0 && sharedNeeds === 0) continue; // every form is 0
        const prox = this.proximityBound(a, b);
        const cross = familyA !== ix.family[b] ? 1 : 0;
        const sb = t.sought[b];
        const nOffA = t.nOfferRoots[a];
        const nOffB = t.nOfferRoots[b];
        const capabilities =
          nOffA === 0 || nOffB === 0
            ? 0
            : Math.sqrt(
                (popcount(offRootsA & ~t.offerRoots[b]) / nOffA) *
                  (popcount(t.offerRoots[b] & ~offRootsA) / nOffB),
              );
        const g1 = gate(causes < fields ? causes : fields, cp.gateAt);
        const b1 =
          cp.causes * causes +
          cp.fields * fields +
          g1 *
            (cp.capabilities * capabilities +
              cp.exchange +
              (netA || inNetwork(t, b) ? cp.network : 0) +
              cp.proximity * prox +
              cp.crossFamily * cross +
              cp.sought * (sought1 + ((sb & 2) !== 0 ? 0.5 : 0)));
        const g2 = gate(sharedNeeds, po.gateAt);
        const b2 =
          po.sharedNeeds * sharedNeeds +
          g2 *
            (po.proximity * prox +
              po.causes * causes +
              po.fields * fields +
              po.sought * (sought2 + ((sb & 4) !== 0 ? 0.5 : 0)));
        const g3 = gate(causes, ps.gateAt);
        const b3 =
          ps.causes * causes +
          g3 *
            (ps.advocacy * (reprA < t.representation[b] ? reprA : t.representation[b]) +
              (netA || inNetwork(t, b) ? ps.network : 0) +
              ps.fields * fields +
              ps.proximity * prox +
              ps.sought * (sought3 + ((sb & 8) !== 0 ? 0.5 : 0)));
        candIdx[n] = b;
        bound1[n] = b1 * SLACK;
        bound2[n] = b2 * SLACK;
        bound3[n] = b3 * SLACK;
        n++;
      }
    }
    const out: [FormPartner[], FormPartner[], FormPartner[]] = [[], [], []];
    for (let h = 0; h < 3; h++) out[h] = this.topOfForm(h + 1, a, k, this.bounds[h], n);
    return out;
  }

  /**
   * Exact top-k of one form among the n candidates with these bounds: the head (the best bounds,
   * found by a histogram) in decreasing bound order until a bound cannot beat the k-th score, then
   * the rest whose bound still can.
   */
  private topOfForm(f: number, a: number, k: number, bd: Float64Array, n: number): FormPartner[] {
    const top = new TopList(k);
    const visit = (i: number) => {
      const b = this.candIdx[i];
      const mode = this.mode(a, b);
      if (mode === ALLIED_EXCLUDE) return;
      const sc = this.exactForm(f, a, b, mode);
      if (sc > 0) top.push(b, sc);
    };
    const head = this.head;
    let nh = 0;
    let max = 0;
    for (let i = 0; i < n; i++) if (bd[i] > max) max = bd[i];
    if (!(max > 0)) return [];
    const want = Math.max(2 * k, 32);
    let cut = 0;
    if (n > want) {
      // smallest bin edge holding ≥ want bounds above it
      const scale = BINS / max;
      this.bins.fill(0);
      for (let i = 0; i < n; i++) this.bins[Math.min(BINS - 1, (bd[i] * scale) | 0)]++;
      let bin = BINS - 1;
      let taken = this.bins[bin];
      while (taken < want && bin > 0) taken += this.bins[--bin];
      cut = bin / scale;
    }
    for (let i = 0; i < n; i++) if (bd[i] > 0 && bd[i] >= cut) head[nh++] = i;
    const headIdx = head.subarray(0, nh).sort((x, y) => bd[y] - bd[x] || x - y);
    for (let j = 0; j < nh; j++) {
      if (!top.admits(bd[headIdx[j]])) break; // decreasing: no later head bound can enter
      visit(headIdx[j]);
    }
    for (let i = 0; i < n; i++) if (bd[i] > 0 && bd[i] < cut && top.admits(bd[i])) visit(i);
    return top.list();
  }

  /** Proximity bound of (a, b): the shared location tier, or the most an acting-in overlap gives. */
  private proximityBound(a: number, b: number): number {
    const ix = this.ix;
    const pack = ix.pack;
    const tiers = this.tiers;
    const qa = a << 3;
    const qb = b << 3;
    let prox = 0;
    for (let r = 0; r < 4; r++)
      if (pack[qa + r] >= 0 && pack[qa + r] === pack[qb + r]) {
        prox = tiers[r];
        break;
      }
    if ((ix.hasActs[a] === 1 || ix.hasActs[b] === 1) && this.actingMax > prox) prox = this.actingMax;
    return prox;
  }

  // candidate buffers of searchForms (grown on demand)
  private candIdx = new Int32Array(256);
  private bounds: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(256),
    new Float64Array(256),
    new Float64Array(256),
  ];
  private head = new Int32Array(256);
  private readonly bins = new Int32Array(BINS);
  private grow(n: number): void {
    if (n <= this.candIdx.length) return;
    const size = Math.max(n, this.candIdx.length * 2);
    const c = new Int32Array(size);
    c.set(this.candIdx);
    this.candIdx = c;
    this.bounds = this.bounds.map((old) => {
      const x = new Float64Array(size);
      x.set(old);
      return x;
    }) as [Float64Array, Float64Array, Float64Array];
    this.head = new Int32Array(size);
  }

  /** Exact score of one form (FORM_ORDER index ≥ 1), computing only the inputs that form reads. */
  private exactForm(f: number, a: number, b: number, mode: number): number {
    const ix = this.ix;
    const k = this.kernel;
    const p = this.profile;
    const x = this.x;
    const ca = ix.causes[a];
    const cb = ix.causes[b];
    x.causes = setSimilarity(popcount(ca & cb), popcount(ca), popcount(cb), p.causesMeasure);
    x.proximity = k.proximity(a, b);
    x.crossFamily = ix.family[a] !== ix.family[b] ? 1 : 0;
    fillTraitInputs(x, this.traits[a], this.traits[b]);
    if (f === 1) x.reciprocity = k.pairReciprocity(a, b);
    if (f === 1 || f === 3) x.network = networkTieOf(this.facts, a, b);
    return assembleForm(FORM_ORDER[f], p, x, mode, k.hasMet(a, b), this.scratch);
  }
}

/** Best k (score desc, index asc) by insertion: k is small (≤ 60). */
class TopList {
  private readonly idx: Int32Array;
  private readonly sc: Float64Array;
  private n = 0;
  constructor(private readonly k: number) {
    this.idx = new Int32Array(k);
    this.sc = new Float64Array(k);
  }
  /** Whether a score up to `bound` could enter. */
  admits(bound: number): boolean {
    return this.n < this.k || bound >= this.sc[this.k - 1];
  }
  push(b: number, s: number): void {
    const k = this.k;
    if (this.n === k && !(s > this.sc[k - 1] || (s === this.sc[k - 1] && b < this.idx[k - 1]))) return;
    let i = this.n < k ? this.n++ : k - 1;
    while (i > 0 && (s > this.sc[i - 1] || (s === this.sc[i - 1] && b < this.idx[i - 1]))) {
      this.sc[i] = this.sc[i - 1];
      this.idx[i] = this.idx[i - 1];
      i--;
    }
    this.sc[i] = s;
    this.idx[i] = b;
  }
  list(): FormPartner[] {
    const out: FormPartner[] = [];
    for (let i = 0; i < this.n; i++) out.push({ idx: this.idx[i], score: this.sc[i] });
    return out;
  }
}

/**
 * formTraitsOf(normalizeActor(a), taxonomy) of every indexed actor, read from the index's arrays (its
 * offers and needs are the normalized ones) and per-competence taxonomy facts: no string work per
 * actor, so a searcher over a rebuilt index is cheap.
 */
export function indexTraits(ix: ScoringIndex, previous?: PreviousTraits): FormTraits[] {
  const tx = ix.taxonomy;
  const C = ix.C;
  const fieldLo = new Int32Array(C);
  const fieldHi = new Int32Array(C);
  const fieldRoots = new Int32Array(C);
  const rootBit = new Int32Array(C);
  const advocacy = new Uint8Array(C);
  const pool = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    const id = ix.compIds[c];
    const f = tx.fieldIndexOf(id);
    if (f >= 0 && f < 31) fieldLo[c] = 1 << f;
    else if (f >= 31) fieldHi[c] = 1 << (f - 31);
    if (tx.isFieldRoot(id)) fieldRoots[c] = tx.rootBitOf(id);
    rootBit[c] = tx.rootBitOf(id);
    advocacy[c] = tx.isAdvocacy(id) ? 1 : 0;
    pool[c] = tx.poolBitOf(id);
  }
  // sought forms in FORM_ORDER bits, by normalize's forms mask (4 bits)
  const soughtOf = new Int32Array(16);
  for (const form of FORM_ORDER)
    for (let m = 0; m < 16; m++) if (m & formsMaskOf([form])) soughtOf[m] |= 1 << formIndex(form);
  const out: FormTraits[] = new Array(ix.n);
  for (let i = 0; i < ix.n; i++) {
    const from = previous ? previous.rowOf[i] : -1;
    if (from >= 0) {
      out[i] = previous!.traits[from]; // same actor object, same taxonomy
      continue;
    }
    let lo = 0;
    let hi = 0;
    let roots = 0;
    let offerRoots = 0;
    let pooled = 0;
    let representation = ix.actors[i].kind === ActorKind.NETWORK_HEAD ? 1 : 0;
    for (let k = ix.offStart[i]; k < ix.offStart[i + 1]; k++) {
      const c = ix.offComp[k];
      lo |= fieldLo[c];
      hi |= fieldHi[c];
      roots |= fieldRoots[c];
      offerRoots |= rootBit[c];
      if (advocacy[c] && ix.offLevel[k] / 3 > representation) representation = ix.offLevel[k] / 3;
    }
    for (let k = ix.needStart[i]; k < ix.needStart[i + 1]; k++) {
      const c = ix.needComp[k];
      lo |= fieldLo[c];
      hi |= fieldHi[c];
      roots |= fieldRoots[c];
      pooled |= pool[c];
    }
    out[i] = {
      causes: ix.causes[i],
      fieldLo: lo,
      fieldHi: hi,
      fieldRoots: roots,
      offerRoots,
      pool: pooled,
      needCount: ix.needStart[i + 1] - ix.needStart[i],
      representation,
      sought: soughtOf[ix.forms[i]],
    };
  }
  return out;
}

/** Traits of the index an index was patched from (by row there), when a searcher over it still exists. */
export interface PreviousTraits {
  readonly traits: readonly FormTraits[];
  readonly rowOf: Int32Array;
}

/** Traits of a patched index's previous index: its searchers' traits are reused for copied rows. */
function previousTraits(ix: ScoringIndex): PreviousTraits | undefined {
  const prev = ix.origin?.index.deref();
  if (!prev || prev.taxonomy !== ix.taxonomy) return undefined;
  const searcher = formSearchers.get(prev)?.values().next().value;
  return searcher && { traits: searcher.traits, rowOf: ix.origin!.rowOf };
}

/** Index of a form in FORM_ORDER (RESOURCES 0 … POSITIONING 3). */
export function formSlot(form: AllianceForm): number {
  return FORM_ORDER.indexOf(form);
}

const formSearchers = new WeakMap<ScoringIndex, Map<ScoringProfile, FormSearcher>>();

/** A cached FormSearcher for (index, profile): its traits and block lists are O(N), built once. */
export function formSearcherFor(index: ScoringIndex, profile: ScoringProfile): FormSearcher {
  let byProfile = formSearchers.get(index);
  if (!byProfile) formSearchers.set(index, (byProfile = new Map()));
  let s = byProfile.get(profile);
  if (!s) byProfile.set(profile, (s = new FormSearcher(index, profile)));
  return s;
}
