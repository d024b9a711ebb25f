/**
 * `npm run bench:actor-load [-- --count N]`: generates N synthetic actors (default 100 000) over all
 * of France and writes them to a throwaway Neo4j with their relationships, then deletes them.
 * Last line: one JSON object with the figures. (Was libs/synthetic/src/load-100k.int-spec.ts.)
 */
import { ReferenceSeeder } from '../../libs/reference/src';
import {
  benchmarkOptions,
  deleteActorsByExternalIdPrefix,
  generateActors,
  loadActorsIntoGraph,
} from '../../libs/synthetic/src';
import { Checks, runMain } from '../support/checks';
import { benchNeo4j } from '../support/neo4j';

function countArg(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--count' || a.startsWith('--count='));
  const raw = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const count = Number(raw ?? 100_000);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--count must be a positive integer, not ${raw}`);
  return count;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<Checks> {
  const checks = new Checks();
  const count = countArg(argv);
  const neo4j = benchNeo4j();
  try {
    await new ReferenceSeeder(neo4j).seedAll(); // all of France (skipped when already there)
    let started = Date.now();
    const actors = generateActors(benchmarkOptions({ count }));
    const generateSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const result = await loadActorsIntoGraph(neo4j, actors);
    const loadSeconds = (Date.now() - started) / 1000;
    const relationships = Object.values(result.relationships).reduce((a, b) => a + b, 0);
    const relationshipsPerSecond = Math.round(relationships / loadSeconds);
    console.log(
      `${count} actors: generated in ${generateSeconds.toFixed(1)} s, written in ${loadSeconds.toFixed(1)} s ` +
        `(${relationships} relationships, ${relationshipsPerSecond} rel/s) ${JSON.stringify(result.relationships)}`,
    );
    checks.equal(result.relationships.LOCATED_IN, count, 'LOCATED_IN relationships');
    checks.equal(
      result.relationships.OFFERS,
      actors.reduce((s, a) => s + a.offers.length, 0),
      'OFFERS relationships',
    );
    const [row] = await neo4j.read<{ n: number }>(
      `MATCH (a:Actor) WHERE a.externalId STARTS WITH 'bench-' RETURN count(a) AS n`,
    );
    checks.equal(row.n, count, 'actors in the graph');
    console.log(
      JSON.stringify({
        bench: 'actor-load',
        count,
        generateSeconds,
        loadSeconds,
        relationships: result.relationships,
        relationshipsPerSecond,
        failedChecks: checks.failed,
      }),
    );
    return checks;
  } finally {
    await deleteActorsByExternalIdPrefix(neo4j, 'bench-');
    await neo4j.onApplicationShutdown();
  }
}

if (require.main === module) runMain(main);
