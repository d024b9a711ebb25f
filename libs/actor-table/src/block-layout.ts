/**
 * Territory blocking. A block is a département (or a région, or the whole population for 'none').
 * An actor belongs to the block of its location and to the blocks it acts in: a département acted in,
 * every département of a région acted in, the département of a commune or EPCI acted in (the
 * geography is learned from the actors' own locations). Two actors can be proposed to each other
 * when they share a block. Actors with no known territory share one "unknown" block.
 */
import { cmpStr, type Blocking } from '@maillage/scoring';
import type { ActorTable, TableSymbols } from './actor-table';

/** What the posting lists read of an index: its offers and needs in CSR by actor. */
export interface ItemRows {
  readonly n: number;
  readonly C: number;
  readonly offStart: Int32Array;
  readonly offComp: Int32Array;
  readonly offLevel: Uint8Array;
  readonly offMod: Uint8Array;
  readonly needStart: Int32Array;
  readonly needComp: Int32Array;
  readonly needMod: Int8Array;
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
  ix: ItemRows,
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
        aux[at] = auxOf(ix, offers, it);
      }
    }
  return { cell, actor, item, comp, aux };
}

/** A posting's aux value (see Postings). */
function auxOf(ix: ItemRows, offers: boolean, it: number): number {
  return offers ? ix.offLevel[it] * 8 + ix.offMod[it] : ix.needMod[it] + 1;
}

/**
 * Block layout of the index's actors. Same blocks as blockCodes over collectGeo(ix.actors), computed
 * on territory symbols (blockSymbols) instead of strings, so it costs typed-array passes only.
 */
export function buildLayout(
  ix: ItemRows,
  blocking: Blocking,
  facts: ActorTable,
  cache: TableSymbols,
): BlockLayout {
  const n = ix.n;
  if (ix.C > 65535) throw new Error(`scoring: too many competences (${ix.C})`);
  const { start, syms } = blockSymbols(facts, blocking, cache);
  const name = (s: number) => (blocking === 'none' ? '' : cache.terrNames[s]);
  const used = [...new Set(syms)].sort((x, y) => cmpStr(name(x), name(y)));
  const codes = used.map(name);
  const blockOf = new Int32Array(cache.terrNames.length + 1);
  used.forEach((s, b) => (blockOf[s] = b));
  // codes are numbered in string order, so each actor's sorted codes give ascending block numbers
  const actorBlocks = new Int32Array(syms.length);
  for (let a = 0; a < n; a++)
    for (let q = start[a]; q < start[a + 1]; q++) {
      // insertion sort: an actor has a few blocks
      const b = blockOf[syms[q]];
      let p = q;
      for (; p > start[a] && actorBlocks[p - 1] > b; p--) actorBlocks[p] = actorBlocks[p - 1];
      actorBlocks[p] = b;
    }
  return {
    blocking,
    B: codes.length,
    blockCodes: codes,
    actorBlockStart: start,
    actorBlocks,
    off: postings(ix, true, codes.length, start, actorBlocks),
    need: postings(ix, false, codes.length, start, actorBlocks),
  };
}

/** Territory symbol → set of département symbols; most keys have one, so it is kept apart. */
class SymbolSets {
  private readonly first: Int32Array;
  private readonly more = new Map<number, Set<number>>();
  constructor(size: number) {
    this.first = new Int32Array(size).fill(-1);
  }
  add(k: number, v: number): void {
    const f = this.first[k];
    if (f < 0) this.first[k] = v;
    else if (f !== v) {
      let s = this.more.get(k);
      if (!s) this.more.set(k, (s = new Set([f])));
      s.add(v);
    }
  }
  forEach(k: number, fn: (v: number) => void): void {
    const s = this.more.get(k);
    if (s) s.forEach(fn);
    else if (this.first[k] >= 0) fn(this.first[k]);
  }
}

/**
 * Each actor's block codes as territory symbols (CSR, not sorted): blockCodes's rules on collectGeo's
 * geography, learned from the actors in index order. The unknown block is the symbol of code "?" at
 * the block level; 'none' gives every actor symbol 0 (one block).
 */
function blockSymbols(
  facts: ActorTable,
  blocking: Blocking,
  cache: TableSymbols,
): { start: Int32Array; syms: number[] } {
  const n = facts.ids.length;
  const { locSym, actStart, actSym } = facts;
  const start = new Int32Array(n + 1);
  if (blocking === 'none') {
    for (let a = 0; a < n; a++) start[a + 1] = a + 1;
    return { start, syms: new Array<number>(n).fill(0) };
  }
  const unknown = blocking === 'departement' ? cache.terr(2, '?') : cache.terr(3, '?');
  const S = cache.terrNames.length;
  const communeDepts = new SymbolSets(S);
  const epciDepts = new SymbolSets(S);
  const regionDepts = new SymbolSets(S);
  const deptRegion = new Int32Array(S).fill(-1);
  for (let a = 0; a < n; a++) {
    const commune = locSym[a * 4];
    const epci = locSym[a * 4 + 1];
    const dept = locSym[a * 4 + 2];
    const region = locSym[a * 4 + 3];
    if (dept < 0) continue;
    if (commune >= 0) communeDepts.add(commune, dept);
    if (epci >= 0) epciDepts.add(epci, dept);
    if (region >= 0) {
      if (deptRegion[dept] < 0) deptRegion[dept] = region;
      regionDepts.add(region, dept);
    }
  }
  // an actor's sets are a few elements: arrays with a linear membership test
  const syms: number[] = [];
  const depts: number[] = [];
  const regions: number[] = [];
  const addTo = (set: number[], v: number) => {
    if (!set.includes(v)) set.push(v);
  };
  const addDept = (d: number) => addTo(depts, d);
  for (let a = 0; a < n; a++) {
    depts.length = 0;
    regions.length = 0;
    if (locSym[a * 4 + 2] >= 0) depts.push(locSym[a * 4 + 2]);
    if (locSym[a * 4 + 3] >= 0) regions.push(locSym[a * 4 + 3]);
    for (let q = actStart[a]; q < actStart[a + 1]; q++) {
      const s = actSym[q];
      switch (cache.terrRank[s]) {
        case 0:
          communeDepts.forEach(s, addDept);
          break;
        case 1:
          epciDepts.forEach(s, addDept);
          break;
        case 2:
          addDept(s);
          break;
        case 3:
          addTo(regions, s);
          if (blocking === 'departement') regionDepts.forEach(s, addDept);
          break;
      }
    }
    if (blocking === 'region') for (const d of depts) if (deptRegion[d] >= 0) addTo(regions, deptRegion[d]);
    const codes = blocking === 'departement' ? depts : regions;
    if (codes.length === 0) syms.push(unknown);
    else for (const c of codes) syms.push(c);
    start[a + 1] = syms.length;
  }
  return { start, syms };
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

/**
 * Whether the actors at rows `edited` (the same rows in both tables) have the same location
 * and act in the same places in `next` as in `prev`. Then, with every other row unchanged, the
 * geography learned from the actors is the same, so every actor keeps its blocks.
 */
export function keepsBlocks(prev: ActorTable, next: ActorTable, edited: readonly number[]): boolean {
  for (const a of edited) {
    for (let r = 0; r < 4; r++) if (prev.locSym[a * 4 + r] !== next.locSym[a * 4 + r]) return false;
    const p0 = prev.actStart[a];
    const n0 = next.actStart[a];
    const len = prev.actStart[a + 1] - p0;
    if (next.actStart[a + 1] - n0 !== len) return false;
    for (let q = 0; q < len; q++) if (prev.actSym[p0 + q] !== next.actSym[n0 + q]) return false;
  }
  return true;
}

/**
 * The layout of `next` from `prev`'s layout over `before`, when `next` has the same rows, the same
 * competence numbering and every actor's blocks unchanged (keepsBlocks), the actors at rows `edited`
 * (sorted) being the only ones re-read: exactly buildLayout over `next`, at the cost of copying the
 * posting lists instead of scattering every actor's items again (an edit at 100k actors). The block
 * arrays are shared with `prev`.
 */
export function patchedLayout(
  prev: BlockLayout,
  before: ItemRows,
  next: ItemRows,
  edited: readonly number[],
): BlockLayout {
  return {
    ...prev,
    off: patchedPostings(prev, prev.off, before, next, true, edited),
    need: patchedPostings(prev, prev.need, before, next, false, edited),
  };
}

function patchedPostings(
  l: BlockLayout,
  old: Postings,
  before: ItemRows,
  next: ItemRows,
  offers: boolean,
  edited: readonly number[],
): Postings {
  const B = l.B;
  const cells = old.cell.length - 1;
  const oldStart = offers ? before.offStart : before.needStart;
  const oldComp = offers ? before.offComp : before.needComp;
  const start = offers ? next.offStart : next.needStart;
  const comps = offers ? next.offComp : next.needComp;
  const isEdited = new Uint8Array(next.n);
  for (const a of edited) isEdited[a] = 1;
  // cell sizes: the edited actors' old items out, their new items in (kept in actor, item order)
  const size = new Int32Array(cells);
  for (let x = 0; x < cells; x++) size[x] = old.cell[x + 1] - old.cell[x];
  const added = new Map<number, number[]>();
  for (const a of edited)
    for (let q = l.actorBlockStart[a]; q < l.actorBlockStart[a + 1]; q++) {
      const blk = l.actorBlocks[q];
      for (let it = oldStart[a]; it < oldStart[a + 1]; it++) {
        const x = oldComp[it] * B + blk;
        size[x]--;
        if (!added.has(x)) added.set(x, []);
      }
      for (let it = start[a]; it < start[a + 1]; it++) {
        const x = comps[it] * B + blk;
        size[x]++;
        const list = added.get(x);
        if (list) list.push(a, it);
        else added.set(x, [a, it]);
      }
    }
  const cell = new Int32Array(cells + 1);
  for (let x = 0; x < cells; x++) cell[x + 1] = cell[x] + size[x];
  const total = cell[cells];
  const out = {
    cell,
    actor: new Int32Array(total),
    item: new Int32Array(total),
    comp: new Uint16Array(total),
    aux: new Uint8Array(total),
  };
  // an unchanged actor's items moved by what the edited actors before it gained or lost
  const moved = (a: number) => start[a] - oldStart[a];
  const sameCounts = edited.every((a) => start[a + 1] - start[a] === oldStart[a + 1] - oldStart[a]);
  const copy = (from: number, to: number, at: number) => {
    out.actor.set(old.actor.subarray(from, to), at);
    out.comp.set(old.comp.subarray(from, to), at);
    out.aux.set(old.aux.subarray(from, to), at);
    if (sameCounts) out.item.set(old.item.subarray(from, to), at);
    else for (let q = from; q < to; q++) out.item[at + q - from] = old.item[q] + moved(old.actor[q]);
  };
  const put = (at: number, a: number, it: number) => {
    out.actor[at] = a;
    out.item[at] = it;
    out.comp[at] = comps[it];
    out.aux[at] = auxOf(next, offers, it);
  };
  let untouched = 0; // first cell of the run of cells the edit leaves as they were
  for (const x of [...added.keys()].sort((u, v) => u - v)) {
    copy(old.cell[untouched], old.cell[x], cell[untouched]);
    const adds = added.get(x)!;
    let at = cell[x];
    let j = 0;
    for (let q = old.cell[x]; q < old.cell[x + 1]; q++) {
      const a = old.actor[q];
      if (isEdited[a]) continue;
      for (; j < adds.length && adds[j] < a; j += 2) put(at++, adds[j], adds[j + 1]);
      out.actor[at] = a;
      out.item[at] = old.item[q] + moved(a);
      out.comp[at] = old.comp[q];
      out.aux[at++] = old.aux[q];
    }
    for (; j < adds.length; j += 2) put(at++, adds[j], adds[j + 1]);
    untouched = x + 1;
  }
  copy(old.cell[untouched], old.cell[cells], cell[untouched]);
  return out;
}
