import { COMPONENT_COUNT, DEFAULT_PROFILE, defineProfile, PairContext, scorePair } from '@maillage/scoring';
import { buildIndex } from './candidate-index';
import { bruteForceTopK, bruteForceTopKMany, naiveTopK, recallAtK } from './brute-force';
import { partnersOf, scoreAll, scoreRange, topKPartners } from './top-k';
import { FIXTURE_TAXONOMY, fixtureActors, generatePopulation } from '@maillage/scoring/testing';
import { mulberry32, shuffleInPlace as shuffle } from '@maillage/domain';
import { blockCodes, collectGeo } from './blocks-reference-spec';

/** Walks every posting and rescores every candidate exactly: must equal brute force. */
const EXHAUSTIVE = defineProfile({
  id: 'exhaustive',
  version: 1,
  candidates: { commonCompetenceCap: 1_000_000, siblingCap: 1_000_000, poolFactor: 100 },
});

describe('candidate index and top-K', () => {
  const actors = fixtureActors();

  it('proposes the complementary partner first and never the redundant twin', () => {
    const ix = buildIndex(actors, FIXTURE_TAXONOMY);
    const partners = topKPartners(ix, ix.indexOf('restos'), 5);
    expect(partners[0].id).toBe('techco');
    expect(partners.map((p) => p.id)).not.toContain('twin');
    expect(partners.map((p) => p.id)).not.toContain('restos');
    const exact = scorePair(ix.actors[ix.indexOf('restos')], ix.actors[ix.indexOf('techco')], {
      taxonomy: FIXTURE_TAXONOMY,
      rarity: ix.rarity,
    });
    expect(partners[0].score).toBe(exact.score);
    expect(partners[0].forward).toBeCloseTo(exact.forward.coverage, 6);
  });

  it('does not propose an allied pair (exclude policy) and ranks it lower (penalise policy)', () => {
    const pairs = new PairContext({ alliances: [['restos', 'techco']] });
    const ix = buildIndex(actors, FIXTURE_TAXONOMY, { pairs });
    const excluded = topKPartners(ix, ix.indexOf('restos'), 8);
    expect(excluded.map((p) => p.id)).not.toContain('techco');
    expect(topKPartners(ix, ix.indexOf('techco'), 8).map((p) => p.id)).not.toContain('restos');
    const penalise = defineProfile({ id: 'pen', version: 1, alliedPolicy: 'penalise' });
    const penalised = topKPartners(ix, ix.indexOf('restos'), 8, penalise);
    const free = topKPartners(buildIndex(actors, FIXTURE_TAXONOMY), ix.indexOf('restos'), 8);
    const p = penalised.find((x) => x.id === 'techco')!;
    expect(p).toBeDefined();
    expect(p.score).toBeCloseTo(
      free.find((x) => x.id === 'techco')!.score * (1 - penalise.penalties.allied),
      12,
    );
  });

  it('finds exactly the brute-force top-K when nothing is capped (random population)', () => {
    const { actors: pop, taxonomy } = generatePopulation({
      n: 1500,
      seed: 11,
      regions: 2,
      deptsPerRegion: 2,
    });
    const pairs = new PairContext({
      alliances: pop.slice(0, 300).map((a, i) => [a.id, pop[(i * 17 + 1) % 300].id] as const),
    });
    const ix = buildIndex(pop, taxonomy, { pairs });
    for (const profile of [
      EXHAUSTIVE,
      defineProfile({
        id: 'ex-region',
        version: 1,
        candidates: { ...EXHAUSTIVE.candidates, blocking: 'region' },
      }),
    ]) {
      const sample = Array.from({ length: 40 }, (_, i) => Math.floor((i * ix.n) / 40));
      const exact = bruteForceTopKMany(ix, sample, 10, profile);
      for (let i = 0; i < sample.length; i++) {
        const approx = topKPartners(ix, sample[i], 10, profile);
        expect(approx.map((p) => [p.idx, p.score])).toEqual(exact[i].map((p) => [p.idx, p.score]));
      }
    }
  });

  it('equals brute force with the default profile (the search is exact)', () => {
    const { actors: pop, taxonomy } = generatePopulation({ n: 6000, seed: 5, regions: 2, deptsPerRegion: 2 });
    const ix = buildIndex(pop, taxonomy);
    const sample = Array.from({ length: 60 }, (_, i) => Math.floor((i * ix.n) / 60));
    const exact = bruteForceTopKMany(ix, sample, 20);
    const found = sample.map((a) => topKPartners(ix, a, 20));
    expect(recallAtK(found, exact)).toBe(1);
    expect(found.map((l) => l.map((p) => [p.idx, p.score]))).toEqual(
      exact.map((l) => l.map((p) => [p.idx, p.score])),
    );
  });

  it('splits into actor ranges that give the same result as one run, and reports progress', () => {
    const { actors: pop, taxonomy } = generatePopulation({ n: 800, seed: 2 });
    const ctx = { taxonomy };
    const whole = scoreAll(pop, ctx, DEFAULT_PROFILE, { k: 8, withComponents: true });
    const progress: number[] = [];
    const parts = [
      [0, 300],
      [300, 650],
      [650, 800],
    ].map(([from, to]) =>
      scoreRange(whole.index, DEFAULT_PROFILE, {
        k: 8,
        actorRange: [from, to],
        onProgress: (d) => progress.push(d),
        progressEvery: 100,
      }),
    );
    const concat = (key: 'partners' | 'scores') => parts.flatMap((p) => Array.from(p[key]));
    expect(concat('partners')).toEqual(Array.from(whole.partners));
    expect(concat('scores')).toEqual(Array.from(whole.scores));
    expect(progress).toContain(100);
    expect(whole.completedTo).toBe(800);
    expect(whole.modelVersion).toBeDefined();
    // components add up to the stored score
    for (let r = 0; r < 50; r++)
      for (let i = 0; i < whole.counts[r]; i++) {
        const q = r * 8 + i;
        let sum = 0;
        for (let c = 0; c < COMPONENT_COUNT; c++) sum += whole.components![q * COMPONENT_COUNT + c];
        expect(sum).toBeCloseTo(whole.scores[q], 5);
      }
  });

  it('stops early when asked and says where', () => {
    const { actors: pop, taxonomy } = generatePopulation({ n: 500, seed: 4 });
    let calls = 0;
    const r = scoreAll(pop, { taxonomy }, DEFAULT_PROFILE, {
      k: 5,
      progressEvery: 100,
      shouldStop: () => ++calls >= 2,
    });
    expect(r.completedTo).toBe(200);
    expect(partnersOf(r, 150).length).toBeGreaterThan(0);
  });

  it('does not depend on the order the actors are given in', () => {
    const { actors: pop, taxonomy } = generatePopulation({ n: 700, seed: 9 });
    const a = scoreAll(pop, { taxonomy }, DEFAULT_PROFILE, { k: 10 });
    const b = scoreAll(shuffle([...pop], mulberry32(1)), { taxonomy }, DEFAULT_PROFILE, { k: 10 });
    for (let i = 0; i < a.index.n; i += 7) {
      const pa = partnersOf(a, i).map((p) => [p.id, p.score]);
      const pb = partnersOf(b, b.index.indexOf(a.index.ids[i])).map((p) => [p.id, p.score]);
      expect(pb).toEqual(pa);
    }
  });

  it('restricts partners to shared territory blocks', () => {
    const { actors: pop, taxonomy } = generatePopulation({ n: 1000, seed: 3 });
    const ix = buildIndex(pop, taxonomy);
    const geo = collectGeo(ix.actors);
    for (const blocking of ['departement', 'region'] as const) {
      const profile = defineProfile({ id: `b-${blocking}`, version: 1, candidates: { blocking } });
      for (let a = 0; a < ix.n; a += 97)
        for (const p of topKPartners(ix, a, 10, profile)) {
          const mine = blockCodes(ix.actors[a], blocking, geo);
          const theirs = blockCodes(ix.actors[p.idx], blocking, geo);
          const shares = mine.some((c) => theirs.includes(c));
          expect(shares).toBe(true);
        }
    }
  });

  it('agrees with the naive baseline and rejects bad arguments', () => {
    const ix = buildIndex(actors, FIXTURE_TAXONOMY);
    const national = defineProfile({
      id: 'nat',
      version: 1,
      candidates: { ...EXHAUSTIVE.candidates, blocking: 'none' },
    });
    const naive = naiveTopK(
      actors,
      { taxonomy: FIXTURE_TAXONOMY, rarity: ix.rarity },
      ['restos'],
      3,
      national,
    );
    const exact = bruteForceTopK(ix, ix.indexOf('restos'), 3, national);
    expect(naive[0].map((p) => p.id)).toEqual(exact.map((p) => p.id));
    expect(() => topKPartners(ix, -1, 5)).toThrow(RangeError);
    expect(() => scoreRange(ix, DEFAULT_PROFILE, { actorRange: [3, 99] })).toThrow(RangeError);
    expect(() => buildIndex([...actors, actors[0]], FIXTURE_TAXONOMY)).toThrow(/duplicate actor id/);
    expect(
      recallAtK(
        [[{ id: 'x', score: 1 }]],
        [
          [
            { id: 'x', score: 1 },
            { id: 'y', score: 0.5 },
          ],
        ],
      ),
    ).toBe(0.5);
  });
});
