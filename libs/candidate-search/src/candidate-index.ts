import { ActorFamily, Modality } from '@maillage/domain';
import {
  assertActor,
  buildRarity,
  causesMaskOf,
  cmpStr,
  ensureValidProfile,
  formsMaskOf,
  levelRank,
  needWeight,
  normalizeNeeds,
  normalizeOffers,
  offerValue,
  PairContext,
  popcount,
  Rarity,
  sizeOrdinal,
  Taxonomy,
  type Blocking,
  type MatchVia,
  type ScoringActor,
  type ScoringProfile,
} from '@maillage/scoring';
import { BlockLayout, GeoFacts, Postings, buildLayout, collectGeo } from './blocks';

export const REL_NONE = 0;
export const REL_EXACT = 1;
export const REL_CHILD = 2;
export const REL_PARENT = 3;
export const REL_SIBLING = 4;
const VIA_CODE: Record<MatchVia, number> = {
  exact: REL_EXACT,
  child: REL_CHILD,
  parent: REL_PARENT,
  sibling: REL_SIBLING,
};

export const MODALITIES: readonly Modality[] = Object.values(Modality);
const MOD_INDEX = Object.fromEntries(MODALITIES.map((m, i) => [m, i])) as Record<Modality, number>;
export const FAMILIES: readonly ActorFamily[] = Object.values(ActorFamily);
/** Dense relation matrix up to this many competences (C² bytes); above, relations are computed from parents. */
const DENSE_REL_MAX = 2048;

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
  private readonly idToIdx: Map<string, number>;

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
  /** Per actor: location codes and acted-in codes (used to derive blocks). */
  private readonly geo: GeoFacts;

  // pairs
  readonly allyStart: Int32Array;
  readonly allyList: Int32Array;
  readonly metStart: Int32Array;
  readonly metList: Int32Array;

  private readonly compiled = new WeakMap<ScoringProfile, CompiledProfile>();
  private readonly layouts = new Map<Blocking, BlockLayout>();

  constructor(input: readonly ScoringActor[], taxonomy: Taxonomy, options: BuildIndexOptions = {}) {
    for (const a of input) assertActor(a);
    // (région, département, id): deterministic, and actors of a block get neighbouring numbers, so the
    // candidate search touches compact memory
    const U = '\uffff';
    const sortKeys = input.map(
      (a) => `${a.territories.region || U}\u0001${a.territories.departement || U}\u0001${a.id}`,
    );
    const order = input.map((_, i) => i).sort((x, y) => cmpStr(sortKeys[x], sortKeys[y]));
    const actors = order.map((i) => input[i]);
    const n = actors.length;
    this.n = n;
    this.actors = actors;
    this.ids = actors.map((a) => a.id);
    this.idToIdx = new Map(this.ids.map((id, i) => [id, i]));
    if (this.idToIdx.size !== n) {
      const seen = new Set<string>();
      for (const id of this.ids) {
        if (seen.has(id)) throw new Error(`buildIndex: duplicate actor id "${id}"`);
        seen.add(id);
      }
    }
    this.taxonomy = taxonomy;
    this.rarity = options.rarity ?? buildRarity(actors);
    this.pairs = options.pairs ?? PairContext.empty();

    // ---- competences
    const compIds = taxonomy.ids();
    const compIdx = new Map<string, number>(compIds.map((id, i) => [id, i]));
    const extra = new Set<string>();
    for (const a of actors) {
      for (const o of a.offers) if (!compIdx.has(o.competenceId)) extra.add(o.competenceId);
      for (const x of a.needs) if (!compIdx.has(x.competenceId)) extra.add(x.competenceId);
    }
    for (const id of [...extra].sort(cmpStr)) {
      compIdx.set(id, compIds.length);
      compIds.push(id);
    }
    const C = compIds.length;
    this.C = C;
    this.compIds = compIds;
    this.compParent = new Int32Array(C).fill(-1);
    const childCount = new Int32Array(C + 1);
    for (let c = 0; c < C; c++) {
      const p = taxonomy.parentOf(compIds[c]);
      if (p !== null) {
        const pi = compIdx.get(p)!;
        this.compParent[c] = pi;
        childCount[pi + 1]++;
      }
    }
    for (let c = 0; c < C; c++) childCount[c + 1] += childCount[c];
    this.childStart = childCount;
    this.childList = new Int32Array(childCount[C]);
    const fill = childCount.slice(0, C);
    for (let c = 0; c < C; c++) if (this.compParent[c] >= 0) this.childList[fill[this.compParent[c]]++] = c;
    if (C <= DENSE_REL_MAX) {
      const rel = new Uint8Array(C * C);
      for (let nc = 0; nc < C; nc++)
        for (let oc = 0; oc < C; oc++) rel[nc * C + oc] = this.relationFromTaxonomy(nc, oc);
      this.rel = rel;
    } else this.rel = null;
    this.compRarity = new Float64Array(C);
    this.compGift = Uint8Array.from(compIds, (id) => (this.taxonomy.isGift(id) ? 1 : 0));
    for (let c = 0; c < C; c++) this.compRarity[c] = this.rarity.of(compIds[c]);

    // ---- offers, needs, attributes
    const offersN = actors.map((a) => normalizeOffers(a.offers));
    const needsN = actors.map((a) => normalizeNeeds(a.needs));
    this.offStart = new Int32Array(n + 1);
    this.needStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.offStart[i + 1] = this.offStart[i] + offersN[i].length;
      this.needStart[i + 1] = this.needStart[i] + needsN[i].length;
    }
    const nOff = this.offStart[n];
    const nNeed = this.needStart[n];
    this.offComp = new Int32Array(nOff);
    this.offGift = new Uint8Array(nOff);
    this.offLevel = new Uint8Array(nOff);
    this.offMod = new Uint8Array(nOff);
    this.offActor = new Int32Array(nOff);
    this.needComp = new Int32Array(nNeed);
    this.needPrio = new Uint8Array(nNeed);
    this.needMod = new Int8Array(nNeed);
    this.needActor = new Int32Array(nNeed);
    this.causes = new Int32Array(n);
    this.forms = new Uint8Array(n);
    this.family = new Uint8Array(n);
    this.size = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      let k = this.offStart[i];
      for (const o of offersN[i]) {
        this.offComp[k] = compIdx.get(o.competenceId)!;
        this.offGift[k] = this.compGift[this.offComp[k]];
        this.offLevel[k] = o.level;
        this.offMod[k] = MOD_INDEX[o.modality];
        this.offActor[k] = i;
        k++;
      }
      k = this.needStart[i];
      for (const x of needsN[i]) {
        this.needComp[k] = compIdx.get(x.competenceId)!;
        this.needPrio[k] = x.priority;
        this.needMod[k] = x.modality === undefined ? -1 : MOD_INDEX[x.modality];
        this.needActor[k] = i;
        k++;
      }
      const a = actors[i];
      this.causes[i] = causesMaskOf(a.causes);
      this.forms[i] = formsMaskOf(a.allianceForms);
      this.family[i] = FAMILIES.indexOf(a.family);
      this.size[i] = sizeOrdinal(a.sizeBand);
    }
    // ---- territories
    const locMaps = [
      new Map<string, number>(),
      new Map<string, number>(),
      new Map<string, number>(),
      new Map<string, number>(),
    ];
    this.loc = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    const keyIdx = [
      new Map<string, number>(),
      new Map<string, number>(),
      new Map<string, number>(),
      new Map<string, number>(),
    ];
    const keyCodes: string[] = [];
    const keyRank: number[] = [];
    const intern = (rank: number, code: string): number => {
      let id = keyIdx[rank].get(code);
      if (id === undefined) {
        id = keyCodes.length;
        keyIdx[rank].set(code, id);
        keyCodes.push(code);
        keyRank.push(rank);
      }
      return id;
    };
    this.hasActs = new Uint8Array(n);
    this.terrStart = new Int32Array(n + 1);
    const terr: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = actors[i].territories;
      const codes = [t.commune, t.epci, t.departement, t.region];
      const keys = new Set<number>();
      for (let r = 0; r < 4; r++) {
        const code = codes[r];
        if (code) {
          let id = locMaps[r].get(code);
          if (id === undefined) locMaps[r].set(code, (id = locMaps[r].size));
          this.loc[r][i] = id;
          keys.add(intern(r, code));
        } else this.loc[r][i] = -1;
      }
      const acts = t.actsIn ?? [];
      for (const x of acts) {
        const r = levelRank(x.level);
        if (r >= 0 && x.code) {
          keys.add(intern(r, x.code));
          this.hasActs[i] = 1;
        }
      }
      const sorted = [...keys].sort((x, y) => x - y);
      for (const k of sorted) terr.push(k);
      this.terrStart[i + 1] = terr.length;
    }
    this.terrKey = Int32Array.from(terr);
    this.keyRank = Uint8Array.from(keyRank);
    this.keyCodes = keyCodes;

    this.geo = collectGeo(actors);

    this.pack = new Int32Array(n * 8);
    for (let i = 0; i < n; i++) {
      const q = i * 8;
      for (let r = 0; r < 4; r++) this.pack[q + r] = this.loc[r][i];
      this.pack[q + 4] = this.causes[i];
      this.pack[q + 5] =
        this.forms[i] |
        (this.family[i] << 8) |
        (popcount(this.causes[i]) << 16) |
        (popcount(this.forms[i]) << 24);
    }

    // ---- pair context. Allies outside the population still count as common partners: they get
    // node numbers ≥ n (sorted by id, so deterministic).
    const members = this.pairs.allianceMembers();
    const nodeOf = members.length ? new Map(this.idToIdx) : this.idToIdx;
    for (const id of members) if (!nodeOf.has(id)) nodeOf.set(id, nodeOf.size);
    const adjacency = (of: (id: string) => ReadonlySet<string>): [Int32Array, Int32Array] => {
      const start = new Int32Array(n + 1);
      const list: number[] = [];
      for (let i = 0; i < n; i++) {
        const nb: number[] = [];
        for (const id of of(this.ids[i])) {
          const j = nodeOf.get(id);
          if (j !== undefined && j !== i) nb.push(j);
        }
        nb.sort((x, y) => x - y);
        for (const j of nb) list.push(j);
        start[i + 1] = list.length;
      }
      return [start, Int32Array.from(list)];
    };
    [this.allyStart, this.allyList] = adjacency((id) => this.pairs.alliesOf(id));
    [this.metStart, this.metList] = adjacency((id) => this.pairs.metOf(id));
  }

  indexOf(id: string): number {
    return this.idToIdx.get(id) ?? -1;
  }

  /** Relation code of offer competence oc for need competence nc (see Taxonomy.relation). */
  relationCode(nc: number, oc: number): number {
    return this.rel !== null ? this.rel[nc * this.C + oc] : this.relationFromTaxonomy(nc, oc);
  }

  /** Taxonomy.relation as a REL_* code (siblings only when declared substitutes). */
  private relationFromTaxonomy(nc: number, oc: number): number {
    const via = this.taxonomy.relation(this.compIds[nc], this.compIds[oc]);
    return via === null ? REL_NONE : VIA_CODE[via];
  }

  /** Profile-dependent arrays (cached per profile object; profiles are immutable). */
  compile(profile: ScoringProfile): CompiledProfile {
    let cp = this.compiled.get(profile);
    if (cp) return cp;
    const p = ensureValidProfile(profile);
    const nNeed = this.needComp.length;
    const needW = new Float64Array(nNeed);
    const needTotal = new Float64Array(this.n);
    const needWN = new Float64Array(nNeed);
    for (let i = 0; i < this.n; i++) {
      let total = 0;
      for (let k = this.needStart[i]; k < this.needStart[i + 1]; k++) {
        const w = needWeight(this.needPrio[k] as 1 | 2 | 3, this.compRarity[this.needComp[k]], p);
        needW[k] = w;
        total += w;
      }
      needTotal[i] = total;
      for (let k = this.needStart[i]; k < this.needStart[i + 1]; k++)
        needWN[k] = total > 0 ? needW[k] / total : 0;
    }
    const offVal = new Float64Array(this.offComp.length);
    for (let k = 0; k < offVal.length; k++)
      offVal[k] = offerValue(this.offLevel[k] as 1 | 2 | 3, MODALITIES[this.offMod[k]], p);
    const creditByCode = new Float64Array(5);
    for (const via of Object.keys(VIA_CODE) as MatchVia[])
      creditByCode[VIA_CODE[via]] = p.taxonomyCredit[via];
    const lmVal = new Float64Array(32);
    for (let level = 1; level <= 3; level++)
      MODALITIES.forEach((m, mi) => (lmVal[level * 8 + mi] = offerValue(level as 1 | 2 | 3, m, p)));
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

  /** Posting lists for a blocking level (built on first use, then cached). */
  layout(blocking: Blocking): BlockLayout {
    let l = this.layouts.get(blocking);
    if (!l) this.layouts.set(blocking, (l = buildLayout(this, blocking, this.geo)));
    return l;
  }

  /**
   * The index as plain data on SharedArrayBuffers, for worker threads (structured clone shares the
   * buffers instead of copying them): every typed array, the posting lists of `blocking`, the ids.
   * The actors, taxonomy and geography stay behind; a shared index scores and searches only.
   */
  toShared(blocking: Blocking): SharedIndex {
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

/** A copy of a typed array on a SharedArrayBuffer (as is when it already is one). */
function toSab<T extends ArrayBufferView>(v: T): T {
  if (v.buffer instanceof SharedArrayBuffer) return v;
  const Ctor = v.constructor as new (b: SharedArrayBuffer) => T;
  const sab = new SharedArrayBuffer(v.byteLength);
  new Uint8Array(sab).set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return new Ctor(sab);
}

/** Builds the candidate index (see ScoringIndex). */
export function buildIndex(
  actors: readonly ScoringActor[],
  taxonomy: Taxonomy,
  options: BuildIndexOptions = {},
): ScoringIndex {
  return new ScoringIndex(actors, taxonomy, options);
}
