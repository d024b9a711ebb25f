/**
 * The steps of ScoringIndex's constructor that turn cached per-actor facts (actor-facts.ts) into the
 * index's numbering: typed-array passes only, so a rebuild after a small patch costs little more
 * than allocating the arrays.
 */
import { cmpStr, Rarity, Taxonomy, type MatchVia } from '@maillage/scoring';
import { itemSym as itemSymExport, type ActorTable, type TableSymbols } from '@maillage/actor-table';

// Local binding: a CommonJS re-export is a getter, and this runs per offer and need.
const itemSym = itemSymExport;

export const REL_NONE = 0;
export const REL_EXACT = 1;
export const REL_CHILD = 2;
export const REL_PARENT = 3;
export const REL_SIBLING = 4;
export const VIA_CODE: Record<MatchVia, number> = {
  exact: REL_EXACT,
  child: REL_CHILD,
  parent: REL_PARENT,
  sibling: REL_SIBLING,
};
/** Dense relation matrix up to this many competences (C² bytes); above, relations are computed from parents. */
const DENSE_REL_MAX = 2048;

/** Taxonomy.relation as a REL_* code (siblings only when declared substitutes). */
export function relationCode(taxonomy: Taxonomy, compIds: readonly string[], nc: number, oc: number): number {
  const via = taxonomy.relation(compIds[nc], compIds[oc]);
  return via === null ? REL_NONE : VIA_CODE[via];
}

/** Competence numbering and taxonomy arrays: the taxonomy's ids, then unknown ids (sorted). */
export interface CompetenceTable {
  readonly taxonomy: Taxonomy;
  readonly compIds: readonly string[];
  readonly compParent: Int32Array;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** C×C relation codes (need row, offer column) or null when C is large. */
  readonly rel: Uint8Array | null;
}

/**
 * The competence table of a build and the competence number of each cache symbol (−1 = unused). The
 * table of the previous build is reused (same arrays) when the taxonomy and extra ids are the same:
 * the C² relation matrix is the costly part.
 */
export function competenceTable(
  cache: TableSymbols,
  taxonomy: Taxonomy,
  facts: ActorTable,
): { table: CompetenceTable; compOfSym: Int32Array } {
  const compIds = taxonomy.ids();
  const syms = compIds.map((id) => cache.comp(id));
  const compOfSym = new Int32Array(cache.compNames.length).fill(-1);
  syms.forEach((s, c) => (compOfSym[s] = c));
  const extra: number[] = [];
  for (const codes of [facts.offCode, facts.needCode])
    for (let k = 0; k < codes.length; k++) {
      const s = itemSym(codes[k]);
      if (compOfSym[s] === -1) {
        extra.push(s);
        compOfSym[s] = -2; // noted once
      }
    }
  extra.sort((x, y) => cmpStr(cache.compNames[x], cache.compNames[y]));
  for (const s of extra) compOfSym[s] = compIds.push(cache.compNames[s]) - 1;
  const last = cache.competences as CompetenceTable | null;
  const same =
    last !== null &&
    last.taxonomy === taxonomy &&
    last.compIds.length === compIds.length &&
    last.compIds.every((id, c) => id === compIds[c]);
  const table = same ? last : taxonomyArrays(taxonomy, compIds);
  cache.competences = table;
  return { table, compOfSym };
}

function taxonomyArrays(taxonomy: Taxonomy, compIds: readonly string[]): CompetenceTable {
  const C = compIds.length;
  const compIdx = new Map<string, number>(compIds.map((id, i) => [id, i]));
  const compParent = new Int32Array(C).fill(-1);
  const childStart = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) {
    const p = taxonomy.parentOf(compIds[c]);
    if (p !== null) {
      const pi = compIdx.get(p)!;
      compParent[c] = pi;
      childStart[pi + 1]++;
    }
  }
  for (let c = 0; c < C; c++) childStart[c + 1] += childStart[c];
  const childList = new Int32Array(childStart[C]);
  const fill = childStart.slice(0, C);
  for (let c = 0; c < C; c++) if (compParent[c] >= 0) childList[fill[compParent[c]]++] = c;
  let rel: Uint8Array | null = null;
  if (C <= DENSE_REL_MAX) {
    rel = new Uint8Array(C * C);
    for (let nc = 0; nc < C; nc++)
      for (let oc = 0; oc < C; oc++) rel[nc * C + oc] = relationCode(taxonomy, compIds, nc, oc);
  }
  return { taxonomy, compIds, compParent, childStart, childList, rel };
}

/** Same as buildRarity(actors): offerers per competence (an actor counts once per competence). */
export function rarityOf(facts: ActorTable, compIds: readonly string[], compOfSym: Int32Array): Rarity {
  const count = new Int32Array(compIds.length);
  const { offStart, offCode } = facts;
  const n = facts.ids.length;
  // normalized offers are sorted by competence: one actor's offers of a competence are adjacent
  for (let i = 0; i < n; i++)
    for (let k = offStart[i]; k < offStart[i + 1]; k++) {
      const s = itemSym(offCode[k]);
      if (k === offStart[i] || s !== itemSym(offCode[k - 1])) count[compOfSym[s]]++;
    }
  const offerers = new Map<string, number>();
  for (let c = 0; c < compIds.length; c++) if (count[c] > 0) offerers.set(compIds[c], count[c]);
  return new Rarity(n, offerers);
}
