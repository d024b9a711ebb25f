import { buildIndex, scoreRange } from '@maillage/candidate-search';
import { DEFAULT_PROFILE, defineProfile } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { ScoringThreads } from './scoring-threads';

/**
 * Real worker threads (the build's worker file: the integration setup builds first). Rows scored
 * on two threads over the shared index equal the in-thread search, bit for bit.
 */
describe('ScoringThreads', () => {
  const { actors, taxonomy } = generatePopulation({ n: 3000, seed: 21, regions: 2, deptsPerRegion: 2 });
  const index = buildIndex(actors, taxonomy);
  const pool = new ScoringThreads(2);

  afterAll(() => pool.close());

  it('runs on worker threads and gives the in-thread rows', async () => {
    expect(pool.available).toBe(true);
    const one = scoreRange(index, DEFAULT_PROFILE, { k: 12, withComponents: true });
    const two = await pool.score(index, DEFAULT_PROFILE, { k: 12, withComponents: true, chunk: 7 });
    expect(two.stats.exact).toBeGreaterThan(0); // counted by the threads, not this one
    expect(Array.from(two.partners)).toEqual(Array.from(one.partners));
    expect(Array.from(two.scores)).toEqual(Array.from(one.scores));
    expect(Array.from(two.components!)).toEqual(Array.from(one.components!));
  });

  it('scores an explicit list of actors, and another profile, with the same threads', async () => {
    const rows = [2999, 0, 1500, 42];
    const regional = defineProfile({ id: 'regional', version: 1, candidates: { blocking: 'region' } });
    for (const profile of [DEFAULT_PROFILE, regional]) {
      const all = scoreRange(index, profile, { k: 5 });
      const some = await pool.score(index, profile, { k: 5, actors: rows });
      rows.forEach((a, r) =>
        expect(Array.from(some.partners.subarray(r * 5, r * 5 + 5))).toEqual(
          Array.from(all.partners.subarray(a * 5, a * 5 + 5)),
        ),
      );
    }
    await expect(pool.score(index, DEFAULT_PROFILE, { actors: [index.n] })).rejects.toThrow(RangeError);
  });
});
