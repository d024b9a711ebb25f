import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder } from '@maillage/reference';
import { deleteActorsByExternalIdPrefix, loadActorsIntoGraph } from './actor-graph-loader';
import { benchmarkOptions } from './demo-territory';
import { generateActors } from './generate-actors';

/**
 * Benchmark, opt-in (it writes 100k actors, then deletes them):
 * `MAILLAGE_BENCH=1 npm test -- libs/synthetic/src/load-100k` (count: MAILLAGE_BENCH_ACTORS).
 */
const run = process.env.NEO4J_URI && process.env.MAILLAGE_BENCH ? describe : describe.skip;
jest.setTimeout(900_000);

run('loading 100k synthetic actors', () => {
  let neo4j: Neo4jService;
  const count = Number(process.env.MAILLAGE_BENCH_ACTORS ?? 100_000);

  beforeAll(async () => {
    neo4j = new Neo4jService({
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
    } as never);
    await new ReferenceSeeder(neo4j).seedAll(); // all of France (skipped when already there)
  });
  afterAll(async () => {
    await deleteActorsByExternalIdPrefix(neo4j, 'bench-');
    await neo4j.onApplicationShutdown();
  });

  it(`generates and writes ${count} actors`, async () => {
    let started = Date.now();
    const actors = generateActors(benchmarkOptions({ count }));
    const generateSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const result = await loadActorsIntoGraph(neo4j, actors);
    const loadSeconds = (Date.now() - started) / 1000;
    const relationships = Object.values(result.relationships).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `\n[bench] ${count} actors: generated in ${generateSeconds.toFixed(1)} s, written in ${loadSeconds.toFixed(1)} s ` +
        `(${relationships} relationships, ${Math.round(relationships / loadSeconds)} rel/s) ${JSON.stringify(result.relationships)}\n`,
    );
    expect(result.relationships.LOCATED_IN).toBe(count);
    expect(result.relationships.OFFERS).toBe(actors.reduce((s, a) => s + a.offers.length, 0));
    const [row] = await neo4j.read<{ n: number }>(
      `MATCH (a:Actor) WHERE a.externalId STARTS WITH 'bench-' RETURN count(a) AS n`,
    );
    expect(row.n).toBe(count);
  });
});
