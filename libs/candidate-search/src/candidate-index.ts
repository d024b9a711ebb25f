import {
  ensureValidProfile,
  needWeight,
  offerValue,
  PairContext,
  Rarity,
  Taxonomy,
  type Blocking,
  type MatchVia,
  type ScoringActor,
  type ScoringProfile,
} from '@maillage/scoring';
import {
  ActorTable,
  BlockLayout,
  MODALITIES,
  Postings,
  buildLayout,
  keepsBlocks,
  patchedLayout,
  TableSymbols,
  actorFacts,
  flatten,
  freshPieces,
  itemArrays,
  patchPieces,
  sourceRows,
  territories,
} from '@maillage/actor-table';
import { popcount } from './hot-formulas';
import { VIA_CODE, competenceTable, rarityOf, relationCode } from './index-build';

export { FAMILIES, MODALITIES } from '@maillage/actor-table';

export { REL_CHILD, REL_EXACT, REL_NONE, REL_PARENT, REL_SIBLING } from './index-build';

export interface BuildIndexOptions {
  /** Rarity to use; computed from the actors when omitted. */
  readonly rarity?: Rarity;
  readonly pairs?: PairContext;
}

/** Profile-dependent arrays, computed once per (index, profile object). */
export interface CompiledProfile {
  readonly profile: ScoringProfile;
  /** Weight of each need (priority × rarity^exp). */
  readonly needW: Float64Array;
  /** Total need weight per actor. */
  readonly needTotal: Float64Array;
  /** needW / needTotal of its owner. */
  readonly needWN: Float64Array;
  /** Level factor × modality factor of each offer. */
  readonly offVal: Float64Array;
  /** Taxonomy credit by relation code (REL_*). */
  readonly creditByCode: Float64Array;
  /** Proximity value by level rank (commune, epci, departement, region). */
  readonly tiers: Float64Array;
  /** Sum of the contextual weights (upper bound of the context part before gating). */
  readonly contextMax: number;
  /** Level × modality factor by aux code (level × 8 + modality index), for postings. */
  readonly lmVal: Float64Array;
}

/**
 * Compact, typed-array (CSR) view of a population for candidate generation and exact scoring.
 * Actors are stored sorted by (région, département, id), so results do not depend on the order the
 * caller read them in (several worker processes building the index from the same data agree on
 * every actor index and so can split the work by ranges).
 */
export class ScoringIndex {
  readonly n: number;
  readonly ids: readonly string[];
  readonly actors: readonly ScoringActor[];
  readonly taxonomy: Taxonomy;
  readonly rarity: Rarity;
  readonly pairs: PairContext;
  private readonly idToIdx: ReadonlyMap<string, number>;

  // competences
  readonly C: number;
  readonly compIds: readonly string[];
  readonly compParent: Int32Array;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** C×C relation codes (need row, offer column) or null when C is large. */
  readonly rel: Uint8Array | null;
  readonly compRarity: Float64Array;
  /** 1 when offering the competence is a gift (taxonomy `gift`). */
  readonly compGift: Uint8Array;

  // offers and needs (CSR by actor)
  readonly offStart: Int32Array;
  readonly offComp: Int32Array;
  /** 1 when the offer's competence is a gift (sponsorship, donation; taxonomy `gift`). */
  readonly offGift: Uint8Array;
  readonly offLevel: Uint8Array;
  readonly offMod: Uint8Array;
  readonly offActor: Int32Array;
  readonly needStart: Int32Array;
  readonly needComp: Int32Array;
  readonly needPrio: Uint8Array;
  /** Modality index required by the need, −1 = any. */
  readonly needMod: Int8Array;
  readonly needActor: Int32Array;

  // attributes
  readonly causes: Int32Array;
  readonly forms: Uint8Array;
  readonly family: Uint8Array;
  readonly size: Int8Array;
  /**
   * Per actor (stride 8), what a candidate search reads about a candidate in one cache line: location
   * ids (commune, epci, département, région), causes mask, forms mask | family << 8 | number of
   * causes << 16 | number of forms << 24 (two slots free).
   */
  readonly pack: Int32Array;

  // territory
  /** Interned location codes by level rank (commune, epci, departement, region); −1 = unknown. */
  readonly loc: readonly [Int32Array, Int32Array, Int32Array, Int32Array];
  readonly hasActs: Uint8Array;
  /** Sorted interned territory keys (location + acts-in) per actor, and the level rank of each key. */
  readonly terrStart: Int32Array;
  readonly terrKey: Int32Array;
  readonly keyRank: Uint8Array;
  readonly keyCodes: readonly string[];
  /** What each actor contributes, in index order and symbols of `cache` (what patched() splices). */
  private readonly facts: ActorTable;
  private readonly cache: TableSymbols | null;
  /** For a patched index: the index it was patched from, and where each row comes from there. */
  readonly origin: IndexOrigin | null;
  /** For a patch that moved nobody and changed nobody's places: the rows it re-read (sorted). */
  private readonly editedInPlace: readonly number[] | null;

  // pairs
  readonly allyStart: Int32Array;
  readonly allyList: Int32Array;
  readonly metStart: Int32Array;
  readonly metList: Int32Array;

  private readonly compiled = new WeakMap<ScoringProfile, CompiledProfile>();
  private readonly layouts = new Map<Blocking, BlockLayout>();

  /**
   * `prepared` (internal): the facts table a patch already assembled (see patched); without it the
   * facts are derived from `input`.
   */
  constructor(
    input: readonly ScoringActor[],
    taxonomy: Taxonomy,
    options: BuildIndexOptions = {},
    prepared?: { cache: TableSymbols; facts: ActorTable; origin: IndexOrigin },
  ) {
    // (région, département, id): deterministic, and actors of a block get neighbouring numbers, so the
    // candidate search touches compact memory
    this.cache = prepared?.cache ?? new TableSymbols();
    this.origin = prepared?.origin ?? null;
    const facts = prepared?.facts ?? flatten(freshPieces(this.cache, input));
    this.facts = facts;
    const n = facts.ids.length;
    this.n = n;
    this.actors = facts.actors;
    this.ids = facts.ids;
    this.idToIdx = prepared?.origin.index.deref()?.sameRows(this.ids) ?? rowsById(this.ids);
    if (this.idToIdx.size !== n) {
      const seen = new Set<string>();
      for (const id of this.ids) {
        if (seen.has(id)) throw new Error(`buildIndex: duplicate actor id "${id}"`);
        seen.add(id);
      }
    }
    this.taxonomy = taxonomy;
    this.pairs = options.pairs ?? PairContext.empty();

    // ---- competences
    const { table, compOfSym } = competenceTable(this.cache, taxonomy, facts);
    const C = table.compIds.length;
    this.C = C;
    this.compIds = table.compIds;
    this.compParent = table.compParent;
    this.childStart = table.childStart;
    this.childList = table.childList;
    this.rel = table.rel;
    this.rarity = options.rarity ?? rarityOf(facts, table.compIds, compOfSym);
    this.compRarity = new Float64Array(C);
    for (let c = 0; c < C; c++) this.compRarity[c] = this.rarity.of(table.compIds[c]);
    this.compGift = Uint8Array.from(table.compIds, (id) => (this.taxonomy.isGift(id) ? 1 : 0));

    // ---- offers, needs, attributes
    const items = itemArrays(facts, compOfSym);
    this.offStart = items.offStart;
    this.offComp = items.offComp;
    // (a loop: Uint8Array.from with a mapping function is ~20× slower over a million offers)
    this.offGift = new Uint8Array(items.offComp.length);
    for (let k = 0; k < items.offComp.length; k++) this.offGift[k] = this.compGift[items.offComp[k]];
    this.offLevel = items.offLevel;
    this.offMod = items.offMod;
    this.offActor = items.offActor;
    this.needStart = items.needStart;
    this.needComp = items.needComp;
    this.needPrio = items.needPrio;
    this.needMod = items.needMod;
    this.needActor = items.needActor;
    // (shared with the facts table, which patches copy from and never write)
    this.causes = facts.causes;
    this.forms = facts.forms;
    this.family = facts.family;
    this.size = facts.size;
    // ---- territories: an edit that kept every row and everybody's places keeps the previous
    // index's territory arrays (same numbering: in order of first appearance over the same facts)
    const prev = prepared?.origin.index.deref();
    this.editedInPlace =
      prev && prev.idToIdx === this.idToIdx ? editedRows(prev.facts, facts, prepared!.origin) : null;
    const t = this.editedInPlace ? prev! : territories(this.cache, facts);
    this.loc = t.loc;
    this.hasActs = t.hasActs;
    this.terrStart = t.terrStart;
    this.terrKey = t.terrKey;
    this.keyRank = t.keyRank;
    this.keyCodes = t.keyCodes;

    this.pack = packOf(this.loc, this.causes, this.forms, this.family);

    // ---- pair context. Allies outside the population still count as common partners: they get
    // node numbers ≥ n (sorted by id, so deterministic).
    const outside = new Map<string, number>();
    for (const id of this.pairs.allianceMembers())
      if (!this.idToIdx.has(id)) outside.set(id, n + outside.size);
    const nodeOf = { get: (id: string) => this.idToIdx.get(id) ?? outside.get(id) };
    // Only the actors with a relation are visited (a few of 100k), in row order: asking each actor
    // costs a string lookup, on every patch.
    const adjacency = (withRelation: Iterable<string>, of: (id: string) => ReadonlySet<string>) => {
      const rows = [...withRelation].map((id) => this.idToIdx.get(id) ?? -1).filter((i) => i >= 0);
      const start = new Int32Array(n + 1);
      const list: number[] = [];
      for (const i of rows.sort((x, y) => x - y)) {
        const nb = [...of(this.ids[i])].map((id) => nodeOf.get(id) ?? i).filter((j) => j !== i);
        for (const j of nb.sort((x, y) => x - y)) list.push(j);
        start[i + 1] = nb.length;
      }
      for (let i = 0; i < n; i++) start[i + 1] += start[i];
      return [start, Int32Array.from(list)] as const;
    };
    [this.allyStart, this.allyList] = adjacency(this.pairs.idsWith('allies'), (id) =>
      this.pairs.alliesOf(id),
    );
    [this.metStart, this.metList] = adjacency(this.pairs.idsWith('met'), (id) => this.pairs.metOf(id));
  }

  /**
   * The index of this population with the actors `removed` (ids) taken out and `upserted` put in
   * (replacing the actors of the same ids): exactly buildIndex of those actors over the same taxonomy,
   * but only the upserted actors are read; everything else is copied in runs from this index.
   */
  patched(
    removed: readonly string[],
    upserted: readonly ScoringActor[],
    options: BuildIndexOptions = {},
  ): ScoringIndex {
    if (!this.cache) throw new Error('patched: a shared index cannot be patched');
    const gone = new Set<number>();
    for (const id of [...removed, ...upserted.map((a) => a.id)]) {
      const i = this.idToIdx.get(id);
      if (i !== undefined) gone.add(i);
    }
    const added = upserted.map((a) => actorFacts(this.cache!, a));
    const pieces = patchPieces(
      this.facts,
      [...gone].sort((x, y) => x - y),
      added,
    );
    const facts = flatten(pieces, this.facts);
    const origin = { index: new WeakRef<ScoringIndex>(this), rowOf: sourceRows(pieces, facts.ids.length) };
    const next = new ScoringIndex(facts.actors, this.taxonomy, options, { cache: this.cache, facts, origin });
    // the layouts this index has, made now while it is surely alive (copied when the patch allows)
    for (const blocking of this.layouts.keys()) next.layout(blocking);
    return next;
  }

  /** This index's id → row map when `ids` are its ids, row for row (a patch that moved no actor). */
  private sameRows(ids: readonly string[]): ReadonlyMap<string, number> | undefined {
    if (ids.length !== this.n) return undefined;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== this.ids[i]) return undefined;
    return this.idToIdx;
  }

  indexOf(id: string): number {
    return this.idToIdx.get(id) ?? -1;
  }

  /** Relation code of offer competence oc for need competence nc (see Taxonomy.relation). */
  relationCode(nc: number, oc: number): number {
    return this.rel !== null ? this.rel[nc * this.C + oc] : relationCode(this.taxonomy, this.compIds, nc, oc);
  }

  /** Profile-dependent arrays (cached per profile object; profiles are immutable). */
  compile(profile: ScoringProfile): CompiledProfile {
    let cp = this.compiled.get(profile);
    if (cp) return cp;
    const p = ensureValidProfile(profile);
    // need weights and offer values depend on (priority, competence) and (level, modality) only:
    // tables of the same formulas, read per item (same numbers, no per-item formula call)
    const C = this.C;
    const weightOf = new Float64Array(4 * C);
    for (let prio = 1; prio <= 3; prio++)
      for (let c = 0; c < C; c++)
        weightOf[prio * C + c] = needWeight(prio as 1 | 2 | 3, this.compRarity[c], p);
    const lmVal = new Float64Array(32);
    for (let level = 1; level <= 3; level++)
      MODALITIES.forEach((m, mi) => (lmVal[level * 8 + mi] = offerValue(level as 1 | 2 | 3, m, p)));
    const nNeed = this.needComp.length;
    const needW = new Float64Array(nNeed);
    const needTotal = new Float64Array(this.n);
    const needWN = new Float64Array(nNeed);
    for (let i = 0; i < this.n; i++) {
      let total = 0;
      for (let k = this.needStart[i]; k < this.needStart[i + 1]; k++) {
        const w = weightOf[this.needPrio[k] * C + this.needComp[k]];
        needW[k] = w;
        total += w;
      }
      needTotal[i] = total;
      for (let k = this.needStart[i]; k < this.needStart[i + 1]; k++)
        needWN[k] = total > 0 ? needW[k] / total : 0;
    }
    const offVal = new Float64Array(this.offComp.length);
    for (let k = 0; k < offVal.length; k++) offVal[k] = lmVal[this.offLevel[k] * 8 + this.offMod[k]];
    const creditByCode = new Float64Array(5);
    for (const via of Object.keys(VIA_CODE) as MatchVia[])
      creditByCode[VIA_CODE[via]] = p.taxonomyCredit[via];
    const x = p.proximity;
    const w = p.weights;
    cp = {
      lmVal,
      profile: p,
      needW,
      needTotal,
      needWN,
      offVal,
      creditByCode,
      tiers: Float64Array.from([x.commune, x.epci, x.departement, x.region]),
      contextMax: w.causes + w.proximity + w.crossFamily + w.allianceForms + w.trust,
    };
    this.compiled.set(profile, cp);
    return cp;
  }

  /**
   * Posting lists for a blocking level (built on first use, then cached): copied from the index this
   * one was patched from when the patch kept every row and every actor's blocks (an edit), else built.
   */
  layout(blocking: Blocking): BlockLayout {
    let l = this.layouts.get(blocking);
    if (!l)
      this.layouts.set(
        blocking,
        (l = this.layoutFromOrigin(blocking) ?? buildLayout(this, blocking, this.facts, this.cache!)),
      );
    return l;
  }

  private layoutFromOrigin(blocking: Blocking): BlockLayout | null {
    const prev = this.origin?.index.deref();
    const before = prev?.layouts.get(blocking);
    if (!prev || !before || !this.editedInPlace || prev.C !== this.C) return null;
    for (let c = 0; c < this.C; c++) if (prev.compIds[c] !== this.compIds[c]) return null;
    return patchedLayout(before, prev, this, this.editedInPlace);
  }

  /**
   * The index as plain data on SharedArrayBuffers, for worker threads (structured clone shares the
   * buffers instead of copying them): every typed array, the posting lists of `blocking`, the ids.
   * The actors, taxonomy and geography stay behind; a shared index scores and searches only.
   */
  toShared(blocking: Blocking): SharedIndex {
    // a shared index carries no taxonomy: threads read relations from the dense matrix only
    if (this.rel === null)
      throw new Error(`toShared: ${this.C} competences, too many for the dense relation matrix`);
    const arrays: Record<string, ArrayBufferView> = {};
    for (const [k, v] of Object.entries(this)) if (ArrayBuffer.isView(v)) arrays[k] = toSab(v);
    const l = this.layout(blocking);
    const postings = (x: Postings) =>
      Object.fromEntries(
        Object.entries(x).map(([k, v]) => [k, toSab(v as ArrayBufferView)]),
      ) as unknown as Postings;
    return {
      n: this.n,
      C: this.C,
      ids: this.ids,
      compIds: this.compIds,
      keyCodes: this.keyCodes,
      arrays,
      loc: this.loc.map(toSab) as unknown as SharedIndex['loc'],
      layout: {
        ...l,
        actorBlockStart: toSab(l.actorBlockStart),
        actorBlocks: toSab(l.actorBlocks),
        off: postings(l.off),
        need: postings(l.need),
      },
    };
  }

  /** An index over shared data (see toShared): same numbers, same scores, no actors. */
  static fromShared(d: SharedIndex): ScoringIndex {
    const ix = Object.create(ScoringIndex.prototype) as ScoringIndex;
    const fields: Record<string, unknown> = {
      ...d.arrays,
      rel: d.arrays.rel ?? null,
      n: d.n,
      C: d.C,
      ids: d.ids,
      compIds: d.compIds,
      keyCodes: d.keyCodes,
      loc: d.loc,
      actors: [],
      facts: null,
      cache: null,
      origin: null,
      editedInPlace: null,
      taxonomy: Taxonomy.empty(),
      pairs: PairContext.empty(),
      idToIdx: new Map(d.ids.map((id, i) => [id, i])),
      compiled: new WeakMap(),
      layouts: new Map([[d.layout.blocking, d.layout]]),
    };
    Object.assign(ix, fields);
    return ix;
  }

  /** Approximate heap size of the typed arrays, in bytes. */
  byteSize(): number {
    let total = 0;
    for (const v of Object.values(this)) if (ArrayBuffer.isView(v)) total += v.byteLength;
    for (const l of this.loc) total += l.byteLength;
    for (const l of this.layouts.values())
      for (const v of [l.actorBlockStart, l.actorBlocks, l.off, l.need].flatMap((x) =>
        ArrayBuffer.isView(x) ? [x] : Object.values(x),
      ))
        if (ArrayBuffer.isView(v)) total += v.byteLength;
    return total;
  }
}

/**
 * Where a patched index comes from, so what is derived per actor (e.g. form traits) can be copied
 * from the previous index's for the same actor objects. Weak: a chain of patches retains nothing.
 */
export interface IndexOrigin {
  readonly index: WeakRef<ScoringIndex>;
  /** Row of the previous index each row was copied from; −1 for the upserted actors. */
  readonly rowOf: Int32Array;
}

/** A ScoringIndex as plain, shareable data (ScoringIndex.toShared). */
export interface SharedIndex {
  readonly n: number;
  readonly C: number;
  readonly ids: readonly string[];
  readonly compIds: readonly string[];
  readonly keyCodes: readonly string[];
  readonly arrays: Readonly<Record<string, ArrayBufferView>>;
  readonly loc: readonly [Int32Array, Int32Array, Int32Array, Int32Array];
  readonly layout: BlockLayout;
}

/** The same typed array on a SharedArrayBuffer (itself when it already is one). */
export function toSab<T extends ArrayBufferView>(v: T): T {
  if (v.buffer instanceof SharedArrayBuffer) return v;
  const Ctor = v.constructor as new (b: SharedArrayBuffer) => T;
  const sab = new SharedArrayBuffer(v.byteLength);
  new Uint8Array(sab).set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return new Ctor(sab);
}

/** ScoringIndex.pack (a function of its own: V8 optimizes the loop better outside the constructor). */
function packOf(
  loc: ScoringIndex['loc'],
  causes: Int32Array,
  forms: Uint8Array,
  family: Uint8Array,
): Int32Array {
  const n = causes.length;
  const pack = new Int32Array(n * 8);
  for (let i = 0; i < n; i++) {
    const q = i * 8;
    for (let r = 0; r < 4; r++) pack[q + r] = loc[r][i];
    pack[q + 4] = causes[i];
    pack[q + 5] = forms[i] | (family[i] << 8) | (popcount(causes[i]) << 16) | (popcount(forms[i]) << 24);
  }
  return pack;
}

/**
 * The rows a patch re-read, when it moved no actor (the caller checked the id → row maps are one)
 * and those actors kept their places (keepsBlocks): then every actor keeps its territories and
 * blocks. Null otherwise.
 */
function editedRows(prev: ActorTable, next: ActorTable, origin: IndexOrigin): number[] | null {
  const edited: number[] = [];
  for (let i = 0; i < origin.rowOf.length; i++) if (origin.rowOf[i] !== i) edited.push(i);
  return keepsBlocks(prev, next, edited) ? edited : null;
}

function rowsById(ids: readonly string[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) rows.set(ids[i], i);
  return rows;
}

/** Builds the candidate index (see ScoringIndex). */
export function buildIndex(
  actors: readonly ScoringActor[],
  taxonomy: Taxonomy,
  options: BuildIndexOptions = {},
): ScoringIndex {
  return new ScoringIndex(actors, taxonomy, options);
}
