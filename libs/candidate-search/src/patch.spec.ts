import { Modality, TerritoryLevel, mulberry32, shuffleInPlace as shuffle } from '@maillage/domain';
import { DEFAULT_PROFILE, PairContext, defineProfile, type ScoringActor } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { ScoringIndex, buildIndex } from './candidate-index';
import { blockCodes, collectGeo } from './blocks-reference-spec';
import { topKPartners } from './top-k';

const BLOCKINGS = ['departement', 'region', 'none'] as const;

/** Same type, same length, same bytes. */
function sameArray(x: ArrayBufferView, y: ArrayBufferView): boolean {
  const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return x.constructor === y.constructor && bytes(x).equals(bytes(y));
}

/** Every typed array, list and layout of two indexes must be equal, element for element. */
function expectSameIndex(patched: ScoringIndex, full: ScoringIndex): void {
  const arrays = (ix: ScoringIndex) =>
    Object.fromEntries(Object.entries(ix).filter(([, v]) => ArrayBuffer.isView(v))) as Record<
      string,
      ArrayBufferView
    >;
  const a = arrays(patched);
  const b = arrays(full);
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  expect(Object.keys(b).length).toBeGreaterThan(25);
  expect(Object.keys(b).filter((k) => !sameArray(a[k], b[k]))).toEqual([]);
  expect(patched.loc.filter((l, r) => !sameArray(l, full.loc[r]))).toEqual([]);
  expect(patched.ids).toEqual(full.ids);
  expect(patched.actors).toEqual(full.actors);
  expect(patched.compIds).toEqual(full.compIds);
  expect(patched.keyCodes).toEqual(full.keyCodes);
  for (const c of full.compIds) expect(patched.rarity.of(c)).toBe(full.rarity.of(c));
  for (const blocking of BLOCKINGS) {
    const la = patched.layout(blocking);
    const lb = full.layout(blocking);
    expect(la.blockCodes).toEqual(lb.blockCodes);
    const pairsOf = (l: typeof la) => [
      l.actorBlockStart,
      l.actorBlocks,
      ...Object.values(l.off),
      ...Object.values(l.need),
    ];
    const x = pairsOf(la);
    const y = pairsOf(lb);
    expect(x.length).toBe(12);
    expect(x.map((v, i) => sameArray(v, y[i]))).toEqual(x.map(() => true));
  }
}

const REGIONAL = defineProfile({ id: 'patch-region', version: 1, candidates: { blocking: 'region' } });

function expectSamePartners(patched: ScoringIndex, full: ScoringIndex, ids: readonly string[]): void {
  for (const profile of [DEFAULT_PROFILE, REGIONAL]) {
    let found = 0;
    for (const id of ids) {
      const mine = topKPartners(patched, patched.indexOf(id), 15, profile);
      const ref = topKPartners(full, full.indexOf(id), 15, profile);
      expect([id, mine]).toEqual([id, ref]);
      found += mine.length;
    }
    expect(found).toBeGreaterThan(ids.length * 5);
  }
}

describe('ScoringIndex.patched', () => {
  const { actors, taxonomy } = generatePopulation({ n: 1500, seed: 11 });
  const ids = actors.map((a) => a.id);
  const pairs = new PairContext({
    alliances: [
      [ids[1], ids[2]],
      [ids[2], ids[30]],
      [ids[40], 'outside-the-population'],
    ],
    metBefore: [[ids[5], ids[6]]],
  });
  const base = buildIndex(actors, taxonomy, { pairs });
  const other = actors[700].territories;

  // edits of every kind the index reads: offers, needs, a move to another région (the actor changes
  // place in the index order), a competence and a commune nobody had, an actor removed, one added
  const offersEdited: ScoringActor = {
    ...actors[3],
    offers: [...actors[3].offers, { competenceId: 'zz.unknown', modality: Modality.SKILLS, level: 2 }],
  };
  const needsEdited: ScoringActor = {
    ...actors[10],
    needs: [{ competenceId: actors[20].offers[0].competenceId, priority: 3 }, ...actors[10].needs.slice(1)],
  };
  const moved: ScoringActor = {
    ...actors[50],
    territories: {
      ...other,
      commune: '99999',
      actsIn: [{ level: TerritoryLevel.REGION, code: other.region! }],
    },
  };
  const added: ScoringActor = {
    ...actors[60],
    id: 'syn-new',
    offers: [{ competenceId: 'aa.unknown', modality: Modality.FUNDING, level: 3 }, ...actors[60].offers],
    territories: { region: other.region },
  };
  const removed = actors[80].id;
  const upserted = [offersEdited, needsEdited, moved, added];
  const after = actors
    .filter((a) => a.id !== removed && !upserted.some((u) => u.id === a.id))
    .concat(upserted);

  it('gives exactly the index built from scratch over the same actors', () => {
    const patched = base.patched([removed], upserted, { pairs });
    // the input order of a full build does not matter: shuffle it
    const full = buildIndex(shuffle([...after], mulberry32(5)), taxonomy, { pairs });
    expect(patched.n).toBe(actors.length);
    expect(patched.indexOf(removed)).toBe(-1);
    expectSameIndex(patched, full);
    const sampled = [offersEdited.id, needsEdited.id, moved.id, added.id, ids[2], ids[40]];
    for (let i = 0; i < full.n; i += 97) sampled.push(full.ids[i]);
    expectSamePartners(patched, full, sampled);
  });

  it('stays exact over successive patches and when nothing changes', () => {
    let ix = base;
    let population = actors;
    const rand = mulberry32(9);
    for (let step = 0; step < 6; step++) {
      const j = Math.floor(rand() * population.length);
      const a = population[j];
      const edit: ScoringActor = { ...a, causes: [1 + step], needs: a.needs.slice(1) };
      population = population.map((x, i) => (i === j ? edit : x));
      ix = ix.patched([], [edit], { pairs });
    }
    const unchanged = ix.patched([], [], { pairs });
    const full = buildIndex(population, taxonomy, { pairs });
    expectSameIndex(ix, full);
    expectSameIndex(unchanged, full);
    expectSamePartners(ix, full, [full.ids[0], full.ids[700], full.ids[full.n - 1]]);
  });

  it('copies the posting lists of the index it patches when every actor keeps its blocks', () => {
    let ix = base;
    let population = actors;
    for (const blocking of BLOCKINGS) ix.layout(blocking);
    const rand = mulberry32(21);
    // in place (same territory): more needs, fewer needs, other offers, a competence nobody offers
    // (step 3), only an offer's level (step 4: every item count kept), two actors of one block at once
    // gaining and losing items (step 5)
    for (let step = 0; step < 8; step++) {
      const j = Math.floor(rand() * population.length);
      const a = population[j];
      const donor = population[(j + 1 + step * 31) % population.length];
      const edits: ScoringActor[] = [
        step === 4
          ? { ...a, offers: a.offers.map((o, i) => (i === 0 ? { ...o, level: o.level === 3 ? 1 : 3 } : o)) }
          : {
              ...a,
              needs: step % 2 ? a.needs.slice(1) : [...a.needs, ...donor.needs],
              offers:
                step === 3
                  ? [...donor.offers, { competenceId: 'zz.unknown', modality: Modality.SKILLS, level: 1 }]
                  : donor.offers,
            },
      ];
      if (step === 5) {
        // a neighbour in index order: same département, so they share cells
        const b = population.find((x) => x.id === ix.ids[ix.indexOf(a.id) + 1])!;
        expect(b.territories.departement).toBe(a.territories.departement);
        edits.push({ ...b, offers: [...b.offers, ...a.offers], needs: [] });
      }
      const byId = new Map(edits.map((e) => [e.id, e]));
      population = population.map((x) => byId.get(x.id) ?? x);
      const next = ix.patched([], edits, { pairs });
      expect(next.terrKey).toBe(ix.terrKey); // nobody's places changed: the territories are shared
      for (const blocking of BLOCKINGS) {
        const shared = next.layout(blocking).actorBlocks === ix.layout(blocking).actorBlocks;
        // (a competence the index did not know renumbers the cells: built again)
        expect([step, blocking, shared]).toEqual([step, blocking, step !== 3]);
      }
      expectSameIndex(next, buildIndex(population, taxonomy, { pairs }));
      ix = next;
    }
    const full = buildIndex(population, taxonomy, { pairs });
    expectSamePartners(ix, full, [full.ids[0], full.ids[700], full.ids[full.n - 1]]);
    // an actor that moves changes the geography learned from the actors: built again, still exact
    const movedOne = ix.patched([], [moved], { pairs });
    expect(movedOne.layout('departement').actorBlocks).not.toBe(ix.layout('departement').actorBlocks);
    expect(movedOne.terrKey).not.toBe(ix.terrKey);
    const afterMove = population.map((x) => (x.id === moved.id ? moved : x));
    expectSameIndex(movedOne, buildIndex(afterMove, taxonomy, { pairs }));
  });

  it('blocks actors as blockCodes does over the geography of the actors', () => {
    const patched = base.patched([removed], upserted, { pairs });
    const geo = collectGeo(patched.actors);
    for (const blocking of BLOCKINGS) {
      const l = patched.layout(blocking);
      for (let a = 0; a < patched.n; a++) {
        const blocks = Array.from(l.actorBlocks.subarray(l.actorBlockStart[a], l.actorBlockStart[a + 1]));
        expect(blocks.map((b) => l.blockCodes[b])).toEqual(blockCodes(patched.actors[a], blocking, geo));
      }
    }
  });

  it('rejects what a full build rejects', () => {
    const invalid = { ...actors[4], offers: [{ competenceId: 'x', modality: 'TELEPATHY', level: 2 }] };
    expect(() => base.patched([], [invalid as unknown as ScoringActor])).toThrow(/unknown modality/);
    const twin = { ...actors[4] };
    expect(() => base.patched([], [twin, twin])).toThrow(/duplicate actor id/);
  });
});
