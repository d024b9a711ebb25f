import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder } from './reference.seeder';
import { TerritoryRepository } from './territory.repository';

/**
 * Benchmark, opt-in (it loads all of France into the test database, which other suites sharing
 * it do not expect): `MAILLAGE_BENCH=1 npm test -- libs/reference/src/seed-france`.
 */
const run = process.env.NEO4J_URI && process.env.MAILLAGE_BENCH ? describe : describe.skip;
jest.setTimeout(300_000);

run('seeding all of France', () => {
  let neo4j: Neo4jService;

  beforeAll(() => {
    neo4j = new Neo4jService({
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
    } as never);
  });
  afterAll(() => neo4j.onApplicationShutdown());

  it('loads 18 régions, 101 départements, ~1.25k EPCI and ~35k communes in under 60 s, then skips', async () => {
    const seeder = new ReferenceSeeder(neo4j);
    await seeder.applyConstraints();
    const started = Date.now();
    const result = await seeder.seedGeography({ force: true });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `\n[bench] all of France: ${JSON.stringify(result.counts)} in ${seconds.toFixed(1)} s\n`,
    );
    expect(seconds).toBeLessThan(60);
    const counts = await new TerritoryRepository(neo4j).countByLevel();
    expect(counts).toEqual({
      REGION: 18,
      DEPARTEMENT: 101,
      EPCI: result.counts.epcis,
      COMMUNE: result.counts.communes,
    });
    const again = await seeder.seedGeography();
    expect(again.skipped).toBe(true);
    process.stdout.write(`[bench] second run (skipped): ${again.durationMs} ms\n`);
    const forced = Date.now();
    await seeder.seedGeography({ force: true });
    process.stdout.write(
      `[bench] forced re-run (MERGE, no change): ${((Date.now() - forced) / 1000).toFixed(1)} s\n`,
    );
    expect(await new TerritoryRepository(neo4j).countByLevel()).toEqual(counts);
  });
});
