import { buildIndex, scoreRange, searcherFor } from '@maillage/candidate-search';
import { DEFAULT_PROFILE, PairContext, defineProfile } from '@maillage/scoring';
import { formSearcherFor, storedRow } from '@maillage/alliance-forms';
import { generatePopulation } from '@maillage/scoring/testing';
import { ScoringThreads, resourcesOf } from './scoring-threads';

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

  it('computes whole stored rows (every form, network ties included) as this thread does', async () => {
    // memberships and alliances: the threads see them only through the shared form facts
    const pairs = new PairContext({
      alliances: actors.slice(0, 60).map((a, i) => [a.id, actors[(i * 7 + 3) % 60].id] as const),
      memberships: actors.slice(0, 400).map((a, i) => [a.id, actors[400 + (i % 5)].id] as const),
    });
    const withPairs = buildIndex(actors, taxonomy, { pairs });
    const rows = Array.from({ length: 300 }, (_, i) => (i * 97) % withPairs.n);
    const profile = defineProfile({ id: 'penalise', version: 1, alliedPolicy: 'penalise' });
    const threaded = await pool.storedRows(withPairs, profile, { actors: rows, k: 10, formK: 5 });
    const forms = formSearcherFor(withPairs, profile);
    const searcher = searcherFor(withPairs, profile);
    const here = rows.map((a) => storedRow(forms, a, resourcesOf(searcher, a, 10), 10, 5));
    expect(threaded).toEqual(here);
    // the network form term is reached: some stored pair is tied through a network head
    expect(
      rows.some((a, r) =>
        here[r].some(
          (p) => forms.facts.headOf[p.idx] >= 0 || forms.facts.headStart[a + 1] > forms.facts.headStart[a],
        ),
      ),
    ).toBe(true);
  });
});
