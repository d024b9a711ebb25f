import { TerritoryLevel } from '@maillage/domain';
import type { ScoringIndex } from './candidate-index';
import { cmpStr, type Blocking, type ScoringActor } from '@maillage/scoring';

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
 * Posting lists of one blocking level; an actor's offers and needs are repeated in each of its blocks.
 */
export interface BlockLayout {
  readonly blocking: Blocking;
  readonly B: number;
  readonly blockCodes: readonly string[];
  readonly actorBlockStart: Int32Array;
  readonly actorBlocks: Int32Array;
  /** Offers by competence, needs by competence. */
  readonly off: Postings;
  readonly need: Postings;
}

/**
 * Posting lists of one kind (offers or needs, by competence) for one blocking level. Cell
 * (competence, block) spans [cell[c × B + block], cell[c × B + block + 1]), by actor. Parallel
 * streams per posting: actor, item (offer or need index), competence, and aux (offers: level × 8 +
 * modality; needs: modality + 1, 0 = any).
 */
export interface Postings {
  readonly cell: Int32Array;
  readonly actor: Int32Array;
  readonly item: Int32Array;
  readonly comp: Uint16Array;
  readonly aux: Uint8Array;
}

function postings(
  ix: ScoringIndex,
  offers: boolean,
  B: number,
  actorBlockStart: Int32Array,
  actorBlocks: Int32Array,
): Postings {
  const n = ix.n;
  const groups = ix.C;
  const itemStart = offers ? ix.offStart : ix.needStart;
  const itemComp = offers ? ix.offComp : ix.needComp;
  const buckets = groups * B;
  const count = new Int32Array(buckets + 1);
  let total = 0;
  for (let a = 0; a < n; a++)
    for (let q = actorBlockStart[a]; q < actorBlockStart[a + 1]; q++) {
      const blk = actorBlocks[q];
      for (let it = itemStart[a]; it < itemStart[a + 1]; it++) {
        count[itemComp[it] * B + blk + 1]++;
        total++;
      }
    }
  for (let b = 0; b < buckets; b++) count[b + 1] += count[b];
  const cell = count.slice();
  const actor = new Int32Array(total);
  const item = new Int32Array(total);
  const comp = new Uint16Array(total);
  const aux = new Uint8Array(total);
  for (let a = 0; a < n; a++)
    for (let q = actorBlockStart[a]; q < actorBlockStart[a + 1]; q++) {
      const blk = actorBlocks[q];
      for (let it = itemStart[a]; it < itemStart[a + 1]; it++) {
        const at = count[itemComp[it] * B + blk]++;
        actor[at] = a;
        item[at] = it;
        comp[at] = itemComp[it];
        aux[at] = offers ? ix.offLevel[it] * 8 + ix.offMod[it] : ix.needMod[it] + 1;
      }
    }
  return { cell, actor, item, comp, aux };
}

export function buildLayout(ix: ScoringIndex, blocking: Blocking, geo: GeoFacts): BlockLayout {
  const n = ix.n;
  if (ix.C > 65535) throw new Error(`scoring: too many competences (${ix.C})`);
  const perActor = ix.actors.map((a) => blockCodes(a, blocking, geo));
  const codes = [...new Set(perActor.flat())].sort(cmpStr);
  const idOf = new Map(codes.map((c, i) => [c, i]));
  const B = codes.length;
  const actorBlockStart = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) actorBlockStart[a + 1] = actorBlockStart[a] + perActor[a].length;
  const actorBlocks = new Int32Array(actorBlockStart[n]);
  for (let a = 0; a < n; a++)
    perActor[a].forEach((c, i) => (actorBlocks[actorBlockStart[a] + i] = idOf.get(c)!));
  return {
    blocking,
    B,
    blockCodes: codes,
    actorBlockStart,
    actorBlocks,
    off: postings(ix, true, B, actorBlockStart, actorBlocks),
    need: postings(ix, false, B, actorBlockStart, actorBlocks),
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
