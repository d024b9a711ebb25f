import { buildIndex, topKPartners, type ScoringIndex } from '@maillage/candidate-search';
import { parseEnv } from '@maillage/config';
import { Neo4jService } from '@maillage/neo4j';
import { buildFrenchGeography, loadCompetences } from '@maillage/reference';
import { DEFAULT_PROFILE, Taxonomy } from '@maillage/scoring';
import { MetBeforeSource, ScoringDataRepository } from '@maillage/scoring-population';
import {
  actorIdFromExternalId,
  benchmarkOptions,
  generateActors,
  loadActorsIntoGraph,
} from '@maillage/synthetic';
import { toScoringActor } from '../bench/scoring/population';

/**
 * The lists the product stores are computed from actors read back from Neo4j; the benches and the
 * alliance evaluation score the same actors built in memory. Both must give the same lists. Actors
 * of two neighbouring départements of one région, most of them acting in a commune or an EPCI only:
 * read with every ancestor of where they act (as the first projection did), they acted in their
 * whole région and were proposed partners from the other département.
 */
describe('the scoring population read from Neo4j (e2e, real Neo4j)', () => {
  const prefix = `snap${Date.now().toString(36)}`;
  let neo4j: Neo4jService;
  let generated: ReturnType<typeof generateActors>;
  const idOf = (a: { externalId: string }) => actorIdFromExternalId(a.externalId);

  beforeAll(async () => {
    neo4j = new Neo4jService(parseEnv(process.env));
    const options = benchmarkOptions({
      count: 300,
      seed: 5,
      departements: ['73', '74'],
      idPrefix: prefix,
      geography: buildFrenchGeography(),
    });
    generated = generateActors(options);
    await loadActorsIntoGraph(neo4j, generated);
  });

  afterAll(async () => {
    await neo4j.write(`MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a`, { ids: generated.map(idOf) });
    await neo4j.onApplicationShutdown();
  });

  it('gives every actor the partners the in-memory model gives it', async () => {
    const taxonomy = new Taxonomy(loadCompetences());
    const geo = buildFrenchGeography();
    const communes = new Map(
      geo.communes.map((c) => [
        c.code,
        {
          code: c.code,
          epci: c.epciCode ?? undefined,
          departement: c.departementCode!,
          region: c.regionCode!,
        },
      ]),
    );
    const inMemory = generated.map((a) => ({
      ...toScoringActor(a, communes.get(a.communeCode)),
      id: idOf(a),
    }));
    const repository = new ScoringDataRepository(neo4j, {} as MetBeforeSource);
    const read = await repository.actors(generated.map(idOf));
    expect(read).toHaveLength(generated.length);
    const acting = read.filter((a) => (a.territories.actsIn?.length ?? 0) > 0);
    expect(acting.length).toBeGreaterThan(100);

    const lists = (index: ScoringIndex) =>
      new Map(
        index.ids.map((id, i) => [
          id,
          topKPartners(index, i, 10, DEFAULT_PROFILE).map((p) => `${p.id} ${p.score.toFixed(9)}`),
        ]),
      );
    const expected = lists(buildIndex(inMemory, taxonomy));
    const actual = lists(buildIndex(read, taxonomy));
    const departementOf = new Map(inMemory.map((a) => [a.id, a.territories.departement]));
    const crossDepartement = [...actual].flatMap(([id, partners]) =>
      partners.map((p) => p.split(' ')[0]).filter((b) => departementOf.get(b) !== departementOf.get(id)),
    );
    const inMemoryCross = [...expected].flatMap(([id, partners]) =>
      partners.map((p) => p.split(' ')[0]).filter((b) => departementOf.get(b) !== departementOf.get(id)),
    );
    expect(crossDepartement).toHaveLength(inMemoryCross.length);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, partners] of expected) expect({ id, partners: actual.get(id) }).toEqual({ id, partners });
  });
});
