import { mulberry32 } from '@maillage/domain';
import { defineProfile, PairContext, type Blocking, type ScoringProfile } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { bruteForceTopKMany } from './brute-force';
import { buildIndex } from './candidate-index';
import { TopKSearcher } from './search';

/** A random valid profile: weights, reciprocity, credits, penalties, blocking and allied policy vary. */
function randomProfile(rand: () => number, i: number): ScoringProfile {
  const r = (lo: number, hi: number) => Math.round((lo + rand() * (hi - lo)) * 1000) / 1000;
  const blockings: Blocking[] = ['none', 'region', 'departement'];
  return defineProfile({
    id: `random-${i}`,
    version: 1,
    weights: {
      complementarity: r(0.2, 1),
      causes: r(0, 0.3),
      proximity: r(0, 0.3),
      crossFamily: r(0, 0.2),
      allianceForms: r(0, 0.2),
      trust: r(0, 0.2),
    },
    reciprocity: {
      alpha: r(0, 1),
      gateAt: rand() < 0.2 ? 0 : r(0.05, 0.5),
      giftReturn: rand() < 0.2 ? 0 : r(0, 1),
    },
    taxonomyCredit: { exact: 1, child: r(0, 1), parent: r(0, 1), sibling: rand() < 0.3 ? 0 : r(0, 0.6) },
    modalityMismatch: r(0, 1),
    rarityExponent: r(0, 2),
    causesMeasure: rand() < 0.5 ? 'jaccard' : 'overlap',
    alliedPolicy: rand() < 0.5 ? 'exclude' : 'penalise',
    penalties: { allied: r(0, 1), metBefore: r(0, 1) },
    candidates: { blocking: blockings[Math.floor(rand() * 3)] },
  });
}

interface Instance {
  readonly ix: ReturnType<typeof buildIndex>;
  readonly profile: ScoringProfile;
  readonly k: number;
}

/** A random small instance from one seed (population, alliances, pairs who met, profile, K). */
function instance(seed: number): Instance {
  const rand = mulberry32(seed);
  const n = 60 + Math.floor(rand() * 340);
  const { actors, taxonomy } = generatePopulation({
    n,
    seed,
    regions: 1 + Math.floor(rand() * 3),
    deptsPerRegion: 1 + Math.floor(rand() * 3),
    domains: 3 + Math.floor(rand() * 8),
    leavesPerDomain: 2 + Math.floor(rand() * 5),
  });
  const pick = () => actors[Math.floor(rand() * n)].id;
  const pairs = (m: number) =>
    Array.from({ length: m }, () => [pick(), pick()] as const).filter(([a, b]) => a !== b);
  // alliances with actors outside the population too (they still count as common partners)
  const alliances = [...pairs(n / 4), ...pairs(n / 10).map(([a]) => [a, `outside-${seed}`] as const)];
  const ix = buildIndex(actors, taxonomy, {
    pairs: new PairContext({ alliances, metBefore: pairs(n / 5) }),
  });
  return { ix, profile: randomProfile(rand, seed), k: 1 + Math.floor(rand() * 25) };
}

function searchAll({ ix, profile, k }: Instance): [number, number][][] {
  const s = new TopKSearcher(ix, ix.compile(profile));
  const idx = new Int32Array(k);
  const score = new Float64Array(k);
  return Array.from({ length: ix.n }, (_, a) => {
    const c = s.search(a, k, idx, score);
    return Array.from({ length: c }, (_, i): [number, number] => [idx[i], score[i]]);
  });
}

describe('pruned top-K search', () => {
  it('equals same-kernel brute force on random small instances (ids, order and scores)', () => {
    const seeds = mulberry32(20261201);
    for (let t = 0; t < 40; t++) {
      const seed = Math.floor(seeds() * 1e9);
      const inst = instance(seed);
      const all = Array.from({ length: inst.ix.n }, (_, a) => a);
      const exact = bruteForceTopKMany(inst.ix, all, inst.k, inst.profile).map((l) =>
        l.map((p): [number, number] => [p.idx, p.score]),
      );
      const found = searchAll(inst);
      for (let a = 0; a < inst.ix.n; a++) {
        if (JSON.stringify(found[a]) !== JSON.stringify(exact[a]))
          throw new Error(
            `seed ${seed}, actor ${a}: ${JSON.stringify(found[a])} ≠ ${JSON.stringify(exact[a])}`,
          );
      }
    }
  });

  it('is deterministic for a seed and prunes (fewer exact scores than pairs)', () => {
    const a = instance(77);
    const b = instance(77);
    expect(searchAll(a)).toEqual(searchAll(b));
    const s = new TopKSearcher(a.ix, a.ix.compile(a.profile));
    const idx = new Int32Array(a.k);
    const score = new Float64Array(a.k);
    for (let x = 0; x < a.ix.n; x++) s.search(x, a.k, idx, score);
    expect(s.stats.exact).toBeLessThan(a.ix.n * (a.ix.n - 1));
    expect(s.stats.exact).toBeGreaterThan(0);
  });
});
