import { ActorFamily, Modality } from '@maillage/domain';
import {
  assertActor,
  causesMaskOf,
  formsMaskOf,
  levelRank,
  normalizeNeeds,
  normalizeOffers,
  sizeOrdinal,
  type ScoringActor,
} from '@maillage/scoring';

export const MODALITIES: readonly Modality[] = Object.values(Modality);
const MOD_INDEX = Object.fromEntries(MODALITIES.map((m, i) => [m, i])) as Record<Modality, number>;
export const FAMILIES: readonly ActorFamily[] = Object.values(ActorFamily);

// Offers and needs are packed in one small integer each.
/** Competence symbol × 32 + level × 8 + modality index (< 8). */
const offerCode = (sym: number, level: number, mod: number) => sym * 32 + level * 8 + mod;
/** Competence symbol × 32 + priority × 8 + modality index + 1 (0 = any modality). */
const needCode = (sym: number, prio: number, mod: number) => sym * 32 + prio * 8 + mod + 1;
export const itemSym = (code: number) => code >>> 5;
/** Level (offers) or priority (needs). */
export const itemRank = (code: number) => (code >>> 3) & 3;
/** Modality index (offers), or modality index + 1 (needs). */
export const itemMod = (code: number) => code & 7;

/**
 * Strings the index reads from actors (competence ids, territory codes) as symbols: numbers stable
 * for the cache's lifetime, shared by an index and the indexes patched from it. Each build maps them
 * to its own numbering (sorted competence ids, codes by first appearance), so a patched index has
 * exactly the arrays of one built from scratch.
 */
export class TableSymbols {
  private readonly compSyms = new Map<string, number>();
  /** Competence id of each competence symbol. */
  readonly compNames: string[] = [];
  /** One map per level rank: a code names different territories at different levels. */
  private readonly terrSyms = [0, 1, 2, 3].map(() => new Map<string, number>());
  /** Code and level rank of each territory symbol. */
  readonly terrNames: string[] = [];
  readonly terrRank: number[] = [];
  /** Competence arrays of the last build (they depend on the taxonomy and extra competences only). */
  competences: unknown = null;

  comp(id: string): number {
    let s = this.compSyms.get(id);
    if (s === undefined) {
      this.compSyms.set(id, (s = this.compNames.length));
      this.compNames.push(id);
    }
    return s;
  }

  terr(rank: number, code: string): number {
    let s = this.terrSyms[rank].get(code);
    if (s === undefined) {
      this.terrSyms[rank].set(code, (s = this.terrNames.length));
      this.terrNames.push(code);
      this.terrRank.push(rank);
    }
    return s;
  }
}

/** What the index reads from one actor, as numbers (validated by assertActor). */
export interface ActorFacts {
  readonly actor: ScoringActor;
  /** (région, département, id): the index order. */
  readonly sortKey: string;
  /** Normalized offers and needs (normalizeOffers / normalizeNeeds order), packed. */
  readonly offers: readonly number[];
  readonly needs: readonly number[];
  readonly causes: number;
  readonly forms: number;
  readonly family: number;
  readonly size: number;
  /** Territory symbol of the location by level rank (commune, epci, département, région); −1 = none. */
  readonly loc: readonly number[];
  /** Acted-in territories with a known level and a code, as territory symbols (input order). */
  readonly acts: readonly number[];
}

export function actorFacts(cache: TableSymbols, a: ScoringActor): ActorFacts {
  assertActor(a);
  const U = '\uffff';
  const t = a.territories;
  const acts: number[] = [];
  for (const x of t.actsIn ?? []) {
    const r = levelRank(x.level);
    if (r >= 0 && x.code) acts.push(cache.terr(r, x.code));
  }
  return {
    actor: a,
    sortKey: `${t.region || U}\u0001${t.departement || U}\u0001${a.id}`,
    offers: normalizeOffers(a.offers).map((o) =>
      offerCode(cache.comp(o.competenceId), o.level, MOD_INDEX[o.modality]),
    ),
    needs: normalizeNeeds(a.needs).map((x) =>
      needCode(cache.comp(x.competenceId), x.priority, x.modality === undefined ? -1 : MOD_INDEX[x.modality]),
    ),
    causes: causesMaskOf(a.causes),
    forms: formsMaskOf(a.allianceForms),
    family: FAMILIES.indexOf(a.family),
    size: sizeOrdinal(a.sizeBand),
    loc: [t.commune, t.epci, t.departement, t.region].map((code, r) => (code ? cache.terr(r, code) : -1)),
    acts,
  };
}

/**
 * Every actor's facts in index order, in flat arrays (CSR for lists): what a build reads in
 * sequential passes, and what a patch copies in large runs instead of re-deriving per actor.
 */
export interface ActorTable {
  readonly actors: readonly ScoringActor[];
  readonly ids: readonly string[];
  readonly sortKeys: readonly string[];
  readonly offStart: Int32Array;
  readonly offCode: Int32Array;
  readonly needStart: Int32Array;
  readonly needCode: Int32Array;
  readonly actStart: Int32Array;
  readonly actSym: Int32Array;
  /** Stride 4: ActorFacts.loc. */
  readonly locSym: Int32Array;
  readonly causes: Int32Array;
  readonly forms: Uint8Array;
  readonly family: Uint8Array;
  readonly size: Int8Array;
}

/** A piece of a new table: a run [from, to) of rows of the previous table, or one new actor. */
export type Piece = { readonly from: number; readonly to: number } | ActorFacts;

const byKey = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Facts of actors from scratch (one piece per actor, sorted). */
export function freshPieces(cache: TableSymbols, input: readonly ScoringActor[]): ActorFacts[] {
  return input.map((a) => actorFacts(cache, a)).sort((x, y) => byKey(x.sortKey, y.sortKey));
}

/**
 * Pieces of the previous table without the rows `removed` (sorted positions) and with `added` merged
 * in index order: runs of kept rows between the insertion and removal points.
 */
export function patchPieces(
  prev: ActorTable,
  removed: readonly number[],
  added: readonly ActorFacts[],
): Piece[] {
  const adds = [...added].sort((x, y) => byKey(x.sortKey, y.sortKey));
  const pieces: Piece[] = [];
  const run = (from: number, to: number) => {
    if (to > from) pieces.push({ from, to });
  };
  /** Emits kept rows [from, to) with the new actors whose key falls among them. */
  let j = 0;
  const keep = (from: number, to: number) => {
    while (j < adds.length) {
      const at = lowerBound(prev.sortKeys, adds[j].sortKey, from, to);
      if (at === to && to < prev.sortKeys.length) break;
      run(from, at);
      pieces.push(adds[j++]);
      from = at;
    }
    run(from, to);
  };
  let from = 0;
  for (const r of removed) {
    keep(from, r);
    from = r + 1;
  }
  keep(from, prev.sortKeys.length);
  while (j < adds.length) pieces.push(adds[j++]);
  return pieces;
}

function lowerBound(keys: readonly string[], key: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The table made of `pieces` (runs copied from `prev` with one `set` per array). */
export function flatten(pieces: readonly Piece[], prev?: ActorTable): ActorTable {
  let n = 0;
  let nOff = 0;
  let nNeed = 0;
  let nAct = 0;
  for (const p of pieces)
    if ('from' in p) {
      n += p.to - p.from;
      nOff += prev!.offStart[p.to] - prev!.offStart[p.from];
      nNeed += prev!.needStart[p.to] - prev!.needStart[p.from];
      nAct += prev!.actStart[p.to] - prev!.actStart[p.from];
    } else {
      n++;
      nOff += p.offers.length;
      nNeed += p.needs.length;
      nAct += p.acts.length;
    }
  const t = {
    actors: gather(pieces, prev?.actors, (p) => p.actor),
    ids: gather(pieces, prev?.ids, (p) => p.actor.id),
    sortKeys: gather(pieces, prev?.sortKeys, (p) => p.sortKey),
    offStart: new Int32Array(n + 1),
    offCode: new Int32Array(nOff),
    needStart: new Int32Array(n + 1),
    needCode: new Int32Array(nNeed),
    actStart: new Int32Array(n + 1),
    actSym: new Int32Array(nAct),
    locSym: new Int32Array(n * 4),
    causes: new Int32Array(n),
    forms: new Uint8Array(n),
    family: new Uint8Array(n),
    size: new Int8Array(n),
  };
  let i = 0;
  for (const p of pieces) {
    if ('from' in p) {
      const s = prev!;
      const at = i;
      copyRun(s.offStart, s.offCode, p.from, p.to, t.offStart, t.offCode, at);
      copyRun(s.needStart, s.needCode, p.from, p.to, t.needStart, t.needCode, at);
      copyRun(s.actStart, s.actSym, p.from, p.to, t.actStart, t.actSym, at);
      t.locSym.set(s.locSym.subarray(p.from * 4, p.to * 4), at * 4);
      t.causes.set(s.causes.subarray(p.from, p.to), at);
      t.forms.set(s.forms.subarray(p.from, p.to), at);
      t.family.set(s.family.subarray(p.from, p.to), at);
      t.size.set(s.size.subarray(p.from, p.to), at);
      i += p.to - p.from;
    } else {
      pushRow(t.offStart, t.offCode, i, p.offers);
      pushRow(t.needStart, t.needCode, i, p.needs);
      pushRow(t.actStart, t.actSym, i, p.acts);
      t.locSym.set(p.loc, i * 4);
      t.causes[i] = p.causes;
      t.forms[i] = p.forms;
      t.family[i] = p.family;
      t.size[i] = p.size;
      i++;
    }
  }
  return t;
}

/**
 * The pieces' values in one array: runs sliced from the previous table's array and concatenated
 * (bulk copies, several times faster than pushing 100k values one by one).
 */
function gather<T>(
  pieces: readonly Piece[],
  prev: readonly T[] | undefined,
  fresh: (p: ActorFacts) => T,
): T[] {
  const parts: T[][] = [];
  let news: T[] = [];
  for (const p of pieces)
    if ('from' in p) {
      if (news.length) {
        parts.push(news);
        news = [];
      }
      parts.push(prev!.slice(p.from, p.to));
    } else news.push(fresh(p));
  if (news.length) parts.push(news);
  return parts.length === 1 ? parts[0] : ([] as T[]).concat(...parts);
}

/** The row of the previous table each row of the new one comes from (−1: a new actor). */
export function sourceRows(pieces: readonly Piece[], n: number): Int32Array {
  const rowOf = new Int32Array(n).fill(-1);
  let i = 0;
  for (const p of pieces)
    if ('from' in p) for (let r = p.from; r < p.to; r++) rowOf[i++] = r;
    else i++;
  return rowOf;
}

/** Copies CSR rows [from, to) of (start, data) to rows from `at` of (outStart, out). */
function copyRun(
  start: Int32Array,
  data: Int32Array,
  from: number,
  to: number,
  outStart: Int32Array,
  out: Int32Array,
  at: number,
): void {
  const shift = outStart[at] - start[from];
  out.set(data.subarray(start[from], start[to]), outStart[at]);
  for (let r = from; r < to; r++) outStart[at + r - from + 1] = start[r + 1] + shift;
}

function pushRow(outStart: Int32Array, out: Int32Array, i: number, row: readonly number[]): void {
  out.set(row, outStart[i]);
  outStart[i + 1] = outStart[i] + row.length;
}
