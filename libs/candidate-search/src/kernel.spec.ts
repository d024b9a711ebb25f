import { DEFAULT_PROFILE, PairContext, defineProfile, scorePair } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { buildIndex } from './candidate-index';
import { ScoreKernel } from './kernel';

describe('ScoreKernel', () => {
  it('the typed-array kernel gives bit-identical scores', () => {
    const { actors: pop, taxonomy } = generatePopulation({ n: 400, seed: 3 });
    const pairs = new PairContext({
      alliances: pop.slice(0, 60).map((a, i) => [a.id, pop[(i * 7 + 3) % 60].id] as const),
      metBefore: pop.slice(0, 40).map((a, i) => [a.id, pop[(i * 11 + 5) % 40].id] as const),
    });
    const penalise = defineProfile({
      id: 'pen',
      version: 1,
      alliedPolicy: 'penalise',
      causesMeasure: 'overlap',
    });
    let gifts = 0;
    for (const profile of [DEFAULT_PROFILE, penalise]) {
      const ix = buildIndex(pop, taxonomy, { pairs });
      const kernel = new ScoreKernel(ix, ix.compile(profile));
      const c = { taxonomy, rarity: ix.rarity, pairs };
      for (let a = 0; a < 60; a++)
        for (let b = 0; b < ix.n; b += 3) {
          const s = scorePair(ix.actors[a], ix.actors[b], c, profile);
          expect(kernel.score(a, b)).toBe(s.score);
          if (s.forward.giftCoverage > 0 && s.backward.coverage < s.forward.giftCoverage) gifts++;
          expect(kernel.excluded).toBe(s.excluded !== undefined);
        }
    }
    // the generated taxonomy has gift leaves: one-way gifts (implicit return) are among the pairs
    expect(gifts).toBeGreaterThan(50);
  });
});
