/**
 * What the per-form search reads about every indexed actor, as typed arrays: its form traits and its
 * network memberships by index. Built once per index on the thread that has the actors
 * (`formFactsOf`), copied onto SharedArrayBuffers (`sharedFormFacts`) so scoring threads search the
 * forms over the same shared index without the actors, with the same scores.
 */
import { toSab, type ScoringIndex } from '@maillage/candidate-search';
import { normalizeActor, popcount } from '@maillage/scoring';
import { formTraitsOf, type FormTraits } from './forms';

export interface FormFacts {
  readonly causes: Int32Array;
  readonly fieldLo: Int32Array;
  readonly fieldHi: Int32Array;
  readonly fieldRoots: Int32Array;
  readonly offerRoots: Int32Array;
  readonly pool: Int32Array;
  readonly sought: Int32Array;
  readonly needCount: Int32Array;
  readonly representation: Float64Array;
  /** Popcounts the block scan would otherwise repeat per pair. */
  readonly nCauses: Int32Array;
  readonly nFields: Int32Array;
  readonly nRoots: Int32Array;
  readonly nOfferRoots: Int32Array;
  /** Network heads of each actor (numbers of head ids, sorted; CSR), and each actor's own head number (−1). */
  readonly headStart: Int32Array;
  readonly heads: Int32Array;
  readonly headOf: Int32Array;
}

/** Form facts of every actor of an index built from actors (the main thread's index). */
export function formFactsOf(
  ix: ScoringIndex,
  traitsOf: (i: number) => FormTraits = defaultTraits(ix),
): FormFacts {
  const n = ix.n;
  const f = {
    causes: new Int32Array(n),
    fieldLo: new Int32Array(n),
    fieldHi: new Int32Array(n),
    fieldRoots: new Int32Array(n),
    offerRoots: new Int32Array(n),
    pool: new Int32Array(n),
    sought: new Int32Array(n),
    needCount: new Int32Array(n),
    representation: new Float64Array(n),
    nCauses: new Int32Array(n),
    nFields: new Int32Array(n),
    nRoots: new Int32Array(n),
    nOfferRoots: new Int32Array(n),
    headStart: new Int32Array(n + 1),
    heads: new Int32Array(0),
    headOf: new Int32Array(n).fill(-1),
  };
  const headIds = new Map<string, number>();
  const number = (id: string) => {
    let h = headIds.get(id);
    if (h === undefined) headIds.set(id, (h = headIds.size));
    return h;
  };
  // network heads: only the members have some (visited in row order, as a pass over all would)
  const members: number[] = [];
  for (const id of ix.pairs.idsWith('heads')) {
    const i = ix.indexOf(id);
    if (i >= 0) members.push(i);
  }
  members.sort((x, y) => x - y);
  const headsOfRow = new Map<number, number[]>();
  for (const i of members)
    headsOfRow.set(
      i,
      ix.pairs
        .headsOf(ix.ids[i])
        .map(number)
        .sort((x, y) => x - y),
    );
  const heads: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = traitsOf(i);
    f.causes[i] = t.causes;
    f.fieldLo[i] = t.fieldLo;
    f.fieldHi[i] = t.fieldHi;
    f.fieldRoots[i] = t.fieldRoots;
    f.offerRoots[i] = t.offerRoots;
    f.pool[i] = t.pool;
    f.sought[i] = t.sought;
    f.needCount[i] = t.needCount;
    f.representation[i] = t.representation;
    f.nCauses[i] = popcount(ix.causes[i]);
    f.nFields[i] = popcount(t.fieldLo) + popcount(t.fieldHi);
    f.nRoots[i] = popcount(t.fieldRoots);
    f.nOfferRoots[i] = popcount(t.offerRoots);
    const hs = headsOfRow.get(i);
    if (hs) for (const h of hs) heads.push(h);
    f.headStart[i + 1] = heads.length;
  }
  f.heads = Int32Array.from(heads);
  for (const [id, h] of headIds) {
    const i = ix.indexOf(id);
    if (i >= 0) f.headOf[i] = h;
  }
  return f;
}

function defaultTraits(ix: ScoringIndex): (i: number) => FormTraits {
  return (i) => formTraitsOf(normalizeActor(ix.actors[i]), ix.taxonomy);
}

/** The traits of actor i, as formTraitsOf gave them. */
export function traitsAt(f: FormFacts, i: number): FormTraits {
  return {
    causes: f.causes[i],
    fieldLo: f.fieldLo[i],
    fieldHi: f.fieldHi[i],
    fieldRoots: f.fieldRoots[i],
    offerRoots: f.offerRoots[i],
    pool: f.pool[i],
    needCount: f.needCount[i],
    representation: f.representation[i],
    sought: f.sought[i],
  };
}

function contains(list: Int32Array, s: number, e: number, x: number): boolean {
  for (let i = s; i < e; i++) if (list[i] === x) return true;
  return false;
}

/**
 * Network tie of two indexed actors, as PairContext.networkTie: 1 when one is a member of the other,
 * 0.5 when both belong to the same network head, else 0.
 */
export function networkTieOf(f: FormFacts, a: number, b: number): number {
  const as = f.headStart[a];
  const ae = f.headStart[a + 1];
  const bs = f.headStart[b];
  const be = f.headStart[b + 1];
  if (
    (f.headOf[b] >= 0 && contains(f.heads, as, ae, f.headOf[b])) ||
    (f.headOf[a] >= 0 && contains(f.heads, bs, be, f.headOf[a]))
  )
    return 1;
  for (let i = as; i < ae; i++) if (contains(f.heads, bs, be, f.heads[i])) return 0.5;
  return 0;
}

/** Whether an actor belongs to some network head (a network tie needs one such side). */
export function inNetwork(f: FormFacts, i: number): boolean {
  return f.headStart[i + 1] > f.headStart[i];
}

/** The same facts on SharedArrayBuffers (sent to scoring threads without a copy per thread). */
export function sharedFormFacts(f: FormFacts): FormFacts {
  return Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, toSab(v as Int32Array)]),
  ) as unknown as FormFacts;
}
