/**
 * `npm run bench:seed-france`: loads all of France's geography (18 régions, 101 départements,
 * ~1.25k EPCI, ~35k communes) into an empty throwaway Neo4j, then checks that a second seed skips
 * and a forced re-run (MERGE) changes nothing (exit 1 otherwise). Target: the load takes under 60 s.
 * Last line: one JSON object with the figures. (Was libs/reference/src/seed-france.int-spec.ts.)
 */
import { ReferenceSeeder, TerritoryRepository } from '../../libs/reference/src';
import { Checks, runMain } from '../support/checks';
import { benchNeo4j } from '../support/neo4j';

const TARGET_SECONDS = 60;

export async function main(): Promise<Checks> {
  const checks = new Checks();
  const neo4j = benchNeo4j();
  try {
    const seeder = new ReferenceSeeder(neo4j);
    const territories = new TerritoryRepository(neo4j);
    await seeder.applyConstraints();
    const started = Date.now();
    const result = await seeder.seedGeography({ force: true });
    const seconds = (Date.now() - started) / 1000;
    console.log(`all of France: ${JSON.stringify(result.counts)} in ${seconds.toFixed(1)} s`);
    // Like the other benchmarks' targets, the time is reported in `met` (wall times depend on the
    // machine's load); wrong counts or a second seed that does not skip fail the run.
    console.log(`target ≤ ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'missed'}`);
    const counts = await territories.countByLevel();
    checks.equal(
      counts,
      { REGION: 18, DEPARTEMENT: 101, EPCI: result.counts.epcis, COMMUNE: result.counts.communes },
      'territories by level',
    );
    const again = await seeder.seedGeography();
    checks.check(again.skipped === true, 'a second seed skips');
    console.log(`second run (skipped): ${again.durationMs} ms`);
    const forcedStarted = Date.now();
    await seeder.seedGeography({ force: true });
    const forcedSeconds = (Date.now() - forcedStarted) / 1000;
    console.log(`forced re-run (MERGE, no change): ${forcedSeconds.toFixed(1)} s`);
    checks.equal(await territories.countByLevel(), counts, 'territories by level after a forced re-run');
    console.log(
      JSON.stringify({
        bench: 'seed-france',
        counts: result.counts,
        seconds,
        skippedRunMs: again.durationMs,
        forcedRerunSeconds: forcedSeconds,
        targets: { seconds: TARGET_SECONDS },
        met: { seconds: seconds < TARGET_SECONDS },
        failedChecks: checks.failed,
      }),
    );
    return checks;
  } finally {
    await neo4j.onApplicationShutdown();
  }
}

if (require.main === module) runMain(main);
