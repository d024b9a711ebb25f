/**
 * A table's facts in a build's own numbering: competences through the build's competence table,
 * territory codes by first appearance (what makes a patched table's arrays equal to a fresh one's).
 */
import { itemMod, itemRank, itemSym, type ActorTable, type TableSymbols } from './actor-table';

/** Offers and needs in CSR by actor (index order), competences numbered by the build's table. */
export interface ItemArrays {
  readonly offStart: Int32Array;
  readonly offComp: Int32Array;
  readonly offLevel: Uint8Array;
  readonly offMod: Uint8Array;
  readonly offActor: Int32Array;
  readonly needStart: Int32Array;
  readonly needComp: Int32Array;
  readonly needPrio: Uint8Array;
  readonly needMod: Int8Array;
  readonly needActor: Int32Array;
}

export function itemArrays(facts: ActorTable, compOfSym: Int32Array): ItemArrays {
  const { offStart, offCode, needStart, needCode } = facts;
  const n = facts.ids.length;
  const x: ItemArrays = {
    offStart,
    offComp: new Int32Array(offCode.length),
    offLevel: new Uint8Array(offCode.length),
    offMod: new Uint8Array(offCode.length),
    offActor: new Int32Array(offCode.length),
    needStart,
    needComp: new Int32Array(needCode.length),
    needPrio: new Uint8Array(needCode.length),
    needMod: new Int8Array(needCode.length),
    needActor: new Int32Array(needCode.length),
  };
  for (let k = 0; k < offCode.length; k++) {
    x.offComp[k] = compOfSym[itemSym(offCode[k])];
    x.offLevel[k] = itemRank(offCode[k]);
    x.offMod[k] = itemMod(offCode[k]);
  }
  for (let k = 0; k < needCode.length; k++) {
    x.needComp[k] = compOfSym[itemSym(needCode[k])];
    x.needPrio[k] = itemRank(needCode[k]);
    x.needMod[k] = itemMod(needCode[k]) - 1;
  }
  for (let i = 0; i < n; i++) {
    for (let k = offStart[i]; k < offStart[i + 1]; k++) x.offActor[k] = i;
    for (let k = needStart[i]; k < needStart[i + 1]; k++) x.needActor[k] = i;
  }
  return x;
}

export interface TerritoryArrays {
  /** Interned location codes by level rank (commune, epci, departement, region); −1 = unknown. */
  readonly loc: [Int32Array, Int32Array, Int32Array, Int32Array];
  readonly hasActs: Uint8Array;
  readonly terrStart: Int32Array;
  readonly terrKey: Int32Array;
  readonly keyRank: Uint8Array;
  readonly keyCodes: string[];
}

/**
 * Location numbers (per level, in order of first appearance) and each actor's sorted territory keys
 * (location + acts-in, numbered in order of first appearance over both).
 */
export function territories(cache: TableSymbols, facts: ActorTable): TerritoryArrays {
  const n = facts.ids.length;
  const { locSym, actStart, actSym } = facts;
  const S = cache.terrNames.length;
  const locId = new Int32Array(S).fill(-1);
  const keyId = new Int32Array(S).fill(-1);
  const locCount = [0, 0, 0, 0];
  const keyCodes: string[] = [];
  const ranks: number[] = [];
  const loc: TerritoryArrays['loc'] = [
    new Int32Array(n),
    new Int32Array(n),
    new Int32Array(n),
    new Int32Array(n),
  ];
  const hasActs = new Uint8Array(n);
  const terrStart = new Int32Array(n + 1);
  const keys = new Int32Array(4 * n + actSym.length);
  let len = 0;
  let begin = 0;
  /** Inserts the actor's key of symbol s into keys[begin, len), kept sorted and without repeats. */
  const addKey = (s: number) => {
    if (keyId[s] < 0) {
      keyId[s] = keyCodes.length;
      keyCodes.push(cache.terrNames[s]);
      ranks.push(cache.terrRank[s]);
    }
    const k = keyId[s];
    let p = len;
    while (p > begin && keys[p - 1] > k) p--;
    if (p > begin && keys[p - 1] === k) return;
    for (let q = len; q > p; q--) keys[q] = keys[q - 1];
    keys[p] = k;
    len++;
  };
  for (let i = 0; i < n; i++) {
    begin = len;
    for (let r = 0; r < 4; r++) {
      const s = locSym[i * 4 + r];
      if (s < 0) loc[r][i] = -1;
      else {
        if (locId[s] < 0) locId[s] = locCount[r]++;
        loc[r][i] = locId[s];
        addKey(s);
      }
    }
    for (let q = actStart[i]; q < actStart[i + 1]; q++) addKey(actSym[q]);
    if (actStart[i + 1] > actStart[i]) hasActs[i] = 1;
    terrStart[i + 1] = len;
  }
  return { loc, hasActs, terrStart, terrKey: keys.slice(0, len), keyRank: Uint8Array.from(ranks), keyCodes };
}
