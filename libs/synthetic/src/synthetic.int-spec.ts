import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder, TerritoryRepository } from '@maillage/reference';
import {
  actorIdFromExternalId,
  deleteActorsByExternalIdPrefix,
  loadActorsIntoGraph,
} from './actor-graph-loader';
import { DemoSeeder } from './demo.seeder';
import { demoTerritoryOptions } from './demo-territory';
import { generateActors } from './generate-actors';

const describeNeo4j = process.env.NEO4J_URI ? describe : describe.skip;
jest.setTimeout(180_000);

describeNeo4j('demo territory in Neo4j', () => {
  let neo4j: Neo4jService;

  beforeAll(() => {
    neo4j = new Neo4jService({
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
    } as never);
  });
  afterAll(() => neo4j.onApplicationShutdown());

  async function demoCounts() {
    const [row] = await neo4j.read<Record<string, number>>(
      `MATCH (a:Actor) WHERE a.externalId STARTS WITH 'syn-38-'
       RETURN count(a) AS actors,
              count(DISTINCT a.id) AS ids,
              sum(COUNT { (a)-[:LOCATED_IN]->(:Territory) }) AS locatedIn,
              sum(COUNT { (a)-[:ACTS_IN]->(:Territory) }) AS actsIn,
              sum(COUNT { (a)-[:OFFERS]->(:Competence) }) AS offers,
              sum(COUNT { (a)-[:NEEDS]->(:Competence) }) AS needs,
              sum(COUNT { (a)-[:SERVES]->(:Cause) }) AS serves`,
    );
    return row;
  }

  it('loads Isère with 400 actors of every kind, idempotently', async () => {
    const seeder = new DemoSeeder(neo4j, new ReferenceSeeder(neo4j));
    const first = await seeder.seedDemoTerritory({ force: true });
    expect(first.skipped).toBe(false);
    const actors = generateActors(demoTerritoryOptions());
    const counts = await demoCounts();
    expect(counts).toEqual({
      actors: 400,
      ids: 400,
      locatedIn: 400,
      actsIn: actors.reduce((s, a) => s + a.actsIn.length, 0),
      offers: actors.reduce((s, a) => s + a.offers.length, 0),
      needs: actors.reduce((s, a) => s + a.needs.length, 0),
      serves: actors.reduce((s, a) => s + a.causes.length, 0),
    });
    expect(first.counts.OFFERS).toBe(counts.offers);

    const skipped = await seeder.seedDemoTerritory();
    expect(skipped.skipped).toBe(true);
    const forced = await seeder.seedDemoTerritory({ force: true });
    expect(forced.skipped).toBe(false);
    expect(await demoCounts()).toEqual(counts);

    const kinds = await neo4j.read<{ kind: string }>(
      `MATCH (a:Actor) WHERE a.externalId STARTS WITH 'syn-38-' RETURN DISTINCT a.kind AS kind`,
    );
    expect(kinds).toHaveLength(14);
  });

  it('stores actor properties and links that the API can query', async () => {
    const actor = generateActors(demoTerritoryOptions())[0];
    const [row] = await neo4j.read<Record<string, unknown>>(
      `MATCH (a:Actor {externalId: $externalId})-[:LOCATED_IN]->(c:Territory)
       RETURN a.id AS id, a.name AS name, a.searchName AS searchName, a.kind AS kind, a.family AS family, a.visibility AS visibility,
              a.createdAt AS createdAt, a.allianceForms AS allianceForms, c.code AS commune,
              [(a)-[o:OFFERS]->(k:Competence) | {id: k.id, modality: o.modality, level: o.level}] AS offers`,
      { externalId: actor.externalId },
    );
    expect(row).toMatchObject({
      id: actorIdFromExternalId(actor.externalId),
      name: actor.name,
      searchName: expect.stringMatching(/^[^A-ZÀ-Ý]+$/),
      kind: actor.kind,
      family: actor.family,
      visibility: 'PUBLIC',
      allianceForms: actor.allianceForms,
      commune: actor.communeCode,
    });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.offers).toEqual(
      expect.arrayContaining(
        actor.offers.map((o) => ({ id: o.competenceId, modality: o.modality, level: o.level })),
      ),
    );

    // Everyone acting somewhere in Grenoble-Alpes-Métropole (its communes or itself).
    const codes = await new TerritoryRepository(neo4j).descendantCodes('200040715');
    const [inMetro] = await neo4j.read<{ n: number }>(
      `MATCH (a:Actor)-[:ACTS_IN]->(t:Territory) WHERE a.externalId STARTS WITH 'syn-38-' AND t.code IN $codes
       RETURN count(DISTINCT a) AS n`,
      { codes },
    );
    expect(inMetro.n).toBeGreaterThan(60);

    // Full-text name search over the actorNames index.
    const hits = await neo4j.read<{ name: string }>(
      `CALL db.index.fulltext.queryNodes('actorNames', $q) YIELD node RETURN node.name AS name LIMIT 5`,
      { q: 'grenoble' },
    );
    expect(hits.length).toBeGreaterThan(0);
  });

  it('replaces a re-loaded actor profile and deletes by prefix', async () => {
    const options = { ...demoTerritoryOptions({ count: 20, idPrefix: 'tmp-loader' }), identifierBlock: 7 };
    const [first, ...rest] = generateActors(options);
    await loadActorsIntoGraph(neo4j, [first, ...rest]);
    const changed = { ...first, offers: first.offers.slice(0, 1), causes: [13] };
    const result = await loadActorsIntoGraph(neo4j, [changed]);
    expect(result.relationships.OFFERS).toBe(1);
    const [row] = await neo4j.read<{ offers: number; causes: number[] }>(
      `MATCH (a:Actor {externalId: $e})
       RETURN COUNT { (a)-[:OFFERS]->() } AS offers, [(a)-[:SERVES]->(c) | c.sdg] AS causes`,
      { e: first.externalId },
    );
    expect(row).toEqual({ offers: 1, causes: [13] });
    expect(await deleteActorsByExternalIdPrefix(neo4j, 'tmp-loader-')).toBe(20);
    expect(await deleteActorsByExternalIdPrefix(neo4j, 'tmp-loader-')).toBe(0);
  });
});
