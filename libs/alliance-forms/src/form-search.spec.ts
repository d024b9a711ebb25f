import { ActorKind } from '@maillage/domain';
import { DEFAULT_PROFILE, normalizeActor, type ScoringActor } from '@maillage/scoring';
import { FIXTURE_TAXONOMY, fixtureActors, generatePopulation } from '@maillage/scoring/testing';
import { buildIndex } from '@maillage/candidate-search';
import { formTraitsOf } from './forms';
import { formSearcherFor, indexTraits } from './form-search';

describe('indexTraits', () => {
  it('equals formTraitsOf of every normalized actor, for a built and a patched index', () => {
    // generated actors moved onto the fixture taxonomy (fields, poolable needs) plus the fixture actors
    const ids = FIXTURE_TAXONOMY.ids();
    const onFixture = (id: string) =>
      ids[[...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7) % ids.length];
    const { actors: generated } = generatePopulation({ n: 400, seed: 4 });
    const actors: ScoringActor[] = generated.map((a, i) => ({
      ...a,
      kind: i % 17 === 0 ? ActorKind.NETWORK_HEAD : a.kind,
      offers: a.offers.map((o) => ({ ...o, competenceId: onFixture(o.competenceId) })),
      needs: a.needs.map((x) => ({ ...x, competenceId: onFixture(x.competenceId) })),
    }));
    actors.push(...fixtureActors());
    const ix = buildIndex(actors, FIXTURE_TAXONOMY);
    formSearcherFor(ix, DEFAULT_PROFILE);
    // the patched index's searcher reuses the traits of the rows copied from ix
    const patched = ix.patched([actors[0].id], [{ ...actors[1], needs: actors[2].needs }]);
    for (const index of [ix, patched]) {
      const expected = index.actors.map((a) => formTraitsOf(normalizeActor(a), FIXTURE_TAXONOMY));
      expect(indexTraits(index)).toEqual(expected);
      expect(formSearcherFor(index, DEFAULT_PROFILE).traits).toEqual(expected);
      expect(expected.filter((t) => t.fieldLo !== 0 && t.pool !== 0).length).toBeGreaterThan(20);
    }
  });
});
