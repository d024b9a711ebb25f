import { TerritoryLevel } from '@maillage/domain';
import type { ScoringIndex } from './candidate-index';
import { cmpStr } from './normalize';
import type { Blocking } from './profile';
import type { ScoringActor } from './types';

/**
 * Territory blocking. A block is a département (or a région, or the whole population for 'none').
 * An actor belongs to the block of its location and to the blocks it acts in: a département acted in,
 * every département of a région acted in, the département of a commune or EPCI acted in (the
 * geography is learned from the actors' own locations). Two actors can be proposed to each other
 * when they share a block. Actors with no known territory share one "unknown" block.
 */
export interface GeoFacts {
  readonly actors: readonly ScoringActor[];
  /** commune → départements, EPCI → départements, département → région, région → départements. */
  readonly communeDepts: ReadonlyMap<string, ReadonlySet<string>>;
  readonly epciDepts: ReadonlyMap<string, ReadonlySet<string>>;
  readonly deptRegion: ReadonlyMap<string, string>;
  readonly regionDepts: ReadonlyMap<string, ReadonlySet<string>>;
}

function add(map: Map<string, Set<string>>, k: string, v: string): void {
  let s = map.get(k);
  if (!s) map.set(k, (s = new Set()));
  s.add(v);
}

export function collectGeo(actors: readonly ScoringActor[]): GeoFacts {
  const communeDepts = new Map<string, Set<string>>();
  const epciDepts = new Map<string, Set<string>>();
  const deptRegion = new Map<string, string>();
  const regionDepts = new Map<string, Set<string>>();
  for (const a of actors) {
    const t = a.territories;
    if (!t.departement) continue;
    if (t.commune) add(communeDepts, t.commune, t.departement);
    if (t.epci) add(epciDepts, t.epci, t.departement);
    if (t.region) {
      if (!deptRegion.has(t.departement)) deptRegion.set(t.departement, t.region);
      add(regionDepts, t.region, t.departement);
    }
  }
  return { actors, communeDepts, epciDepts, deptRegion, regionDepts };
}

/** Block codes of an actor at a blocking level (sorted, never empty: "?" when nothing is known). */
export function blockCodes(a: ScoringActor, blocking: Blocking, geo: GeoFacts): string[] {
  if (blocking === 'none') return [''];
  const t = a.territories;
  const depts = new Set<string>();
  const regions = new Set<string>();
  if (t.departement) depts.add(t.departement);
  if (t.region) regions.add(t.region);
  for (const x of t.actsIn ?? []) {
    if (!x.code) continue;
    switch (x.level) {
      case TerritoryLevel.COMMUNE:
        for (const d of geo.communeDepts.get(x.code) ?? []) depts.add(d);
        break;
      case TerritoryLevel.EPCI:
        for (const d of geo.epciDepts.get(x.code) ?? []) depts.add(d);
        break;
      case TerritoryLevel.DEPARTEMENT:
        depts.add(x.code);
        break;
      case TerritoryLevel.REGION:
        regions.add(x.code);
        if (blocking === 'departement') for (const d of geo.regionDepts.get(x.code) ?? []) depts.add(d);
        break;
    }
  }
  let codes: Set<string>;
  if (blocking === 'departement') codes = depts;
  else {
    codes = regions;
    for (const d of depts) {
      const r = geo.deptRegion.get(d);
      if (r) codes.add(r);
    }
  }
  return codes.size ? [...codes].sort(cmpStr) : ['?'];
}

/**
 * Posting lists (of actor indices) of one blocking level. Each cell is sorted best first (offers by
 * level, needs by their share of the needer's weight, in 16 bands), then by actor; an actor's offers
 * and needs are repeated in each of its blocks.
 *  - offCell/offPost: offers by (competence, block);
 *  - offFamCell/offFamPost: offers by (parent of their competence, block) — the "family" lists used
 *    for sibling and child credit;
 *  - needCell/needPost, needFamCell/needFamPost: the same for needs.
 * Cell (key, block) spans [cell[key × B + block], cell[key × B + block + 1]).
 */
export interface BlockLayout {
  readonly blocking: Blocking;
  readonly B: number;
  readonly blockCodes: readonly string[];
  readonly actorBlockStart: Int32Array;
  readonly actorBlocks: Int32Array;
  readonly offCell: Int32Array;
  readonly offPost: Int32Array;
  readonly offFamCell: Int32Array;
  readonly offFamPost: Int32Array;
  readonly needCell: Int32Array;
  readonly needPost: Int32Array;
  readonly needFamCell: Int32Array;
  readonly needFamPost: Int32Array;
}

const RANKS = 16;

/**
 * Stable counting sort of (item, block) entries on key = (group × B + block) × RANKS + rank (0 = best);
 * the postings hold the item's actor.
 */
function postings(
  n: number,
  itemStart: Int32Array,
  groupOf: (item: number) => number,
  rankOf: (item: number) => number,
  groups: number,
  B: number,
  actorBlockStart: Int32Array,
  actorBlocks: Int32Array,
): [Int32Array, Int32Array] {
  const buckets = groups * B * RANKS;
  const count = new Int32Array(buckets + 1);
  let total = 0;
  for (let a = 0; a < n; a++)
    for (let q = actorBlockStart[a]; q < actorBlockStart[a + 1]; q++) {
      const blk = actorBlocks[q];
      for (let it = itemStart[a]; it < itemStart[a + 1]; it++) {
        const g = groupOf(it);
        if (g < 0) continue;
        count[(g * B + blk) * RANKS + rankOf(it) + 1]++;
        total++;
      }
    }
  for (let b = 0; b < buckets; b++) count[b + 1] += count[b];
  const cell = new Int32Array(groups * B + 1);
  for (let c = 0; c <= groups * B; c++) cell[c] = count[c * RANKS];
  const post = new Int32Array(total);
  for (let a = 0; a < n; a++)
    for (let q = actorBlockStart[a]; q < actorBlockStart[a + 1]; q++) {
      const blk = actorBlocks[q];
      for (let it = itemStart[a]; it < itemStart[a + 1]; it++) {
        const g = groupOf(it);
        if (g < 0) continue;
        post[count[(g * B + blk) * RANKS + rankOf(it)]++] = a;
      }
    }
  return [cell, post];
}

export function buildLayout(ix: ScoringIndex, blocking: Blocking, geo: GeoFacts): BlockLayout {
  const n = ix.n;
  const perActor = ix.actors.map((a) => blockCodes(a, blocking, geo));
  const codes = [...new Set(perActor.flat())].sort(cmpStr);
  const idOf = new Map(codes.map((c, i) => [c, i]));
  const B = codes.length;
  const actorBlockStart = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) actorBlockStart[a + 1] = actorBlockStart[a] + perActor[a].length;
  const actorBlocks = new Int32Array(actorBlockStart[n]);
  for (let a = 0; a < n; a++)
    perActor[a].forEach((c, i) => (actorBlocks[actorBlockStart[a] + i] = idOf.get(c)!));
  const C = ix.C;
  const parent = ix.compParent;
  // best first: offers by level; needs by their share of the needer's total weight (default
  // priority weights × rarity), so capped walks keep the offers and needs that weigh most
  const offRank = (o: number) => 3 - ix.offLevel[o];
  const PRIO = [0, 1, 2, 3.5];
  const share = new Float64Array(ix.needComp.length);
  for (let a = 0; a < n; a++) {
    let total = 0;
    for (let m = ix.needStart[a]; m < ix.needStart[a + 1]; m++)
      total += share[m] = PRIO[ix.needPrio[m]] * ix.compRarity[ix.needComp[m]];
    for (let m = ix.needStart[a]; m < ix.needStart[a + 1]; m++) share[m] /= total;
  }
  const needRank = (m: number) => RANKS - 1 - Math.min(RANKS - 1, Math.floor(share[m] * RANKS));
  const [offCell, offPost] = postings(
    n,
    ix.offStart,
    (o) => ix.offComp[o],
    offRank,
    C,
    B,
    actorBlockStart,
    actorBlocks,
  );
  const [offFamCell, offFamPost] = postings(
    n,
    ix.offStart,
    (o) => parent[ix.offComp[o]],
    offRank,
    C,
    B,
    actorBlockStart,
    actorBlocks,
  );
  const [needCell, needPost] = postings(
    n,
    ix.needStart,
    (m) => ix.needComp[m],
    needRank,
    C,
    B,
    actorBlockStart,
    actorBlocks,
  );
  const [needFamCell, needFamPost] = postings(
    n,
    ix.needStart,
    (m) => parent[ix.needComp[m]],
    needRank,
    C,
    B,
    actorBlockStart,
    actorBlocks,
  );
  return {
    blocking,
    B,
    blockCodes: codes,
    actorBlockStart,
    actorBlocks,
    offCell,
    offPost,
    offFamCell,
    offFamPost,
    needCell,
    needPost,
    needFamCell,
    needFamPost,
  };
}

/** Whether two actors share a block (sorted block lists). */
export function shareBlock(l: BlockLayout, a: number, b: number): boolean {
  const blocks = l.actorBlocks;
  let i = l.actorBlockStart[a];
  const ie = l.actorBlockStart[a + 1];
  let j = l.actorBlockStart[b];
  const je = l.actorBlockStart[b + 1];
  while (i < ie && j < je) {
    const x = blocks[i];
    const y = blocks[j];
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}
