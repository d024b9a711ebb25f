/**
 * `npm run bench:scoring`: compute figures (N=10k, N=100k, naive baseline, recall) from the pure
 * library, then the end-to-end rebuild and the `partners` latency on real Neo4j/PostgreSQL/Redis
 * (started by scripts/bench.mjs). Last line: one JSON object with every figure and the targets.
 */
import 'reflect-metadata';
import { main as computeMain } from './run-compute';
import { benchEndToEnd } from './end-to-end';
import { allianceRecall } from '../alliance-recall';

const TARGETS = {
  compute100kSeconds: 5,
  endToEnd100kSeconds: 120,
  speedupVsNaive10k: 50,
  recallAt20: 0.99,
  workerPeakRssMb: 1536,
  partnersP99Ms: 20,
};

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const quick = argv.includes('--quick');
  const n = quick ? 20_000 : 100_000;
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const compute = (await computeMain(quick ? ['--quick'] : [])) as Record<string, number | boolean | string>;
  const e2e = await benchEndToEnd(n, log);
  // Real alliances among distractors (bench/alliance-recall.ts): model quality, exact ranking.
  const alliances = allianceRecall();
  log(
    `alliance recall@10 (${alliances.alliances} real alliances, ${alliances.distractors} distractors): ` +
      `${alliances.allianceRecallAt10} per form ${JSON.stringify(alliances.perForm)}, blended ${alliances.blended}   target ≥ 0.9`,
  );

  console.log('');
  console.log(`end-to-end N=${n}: load ${e2e.loadSeconds} s (not part of the rebuild)`);
  console.log(
    `  rebuild ${e2e.rebuildSeconds} s = read ${e2e.readSeconds} s + score & write ${e2e.scoreAndWriteSeconds} s ` +
      `(${e2e.edgesWritten} edges)   target ≤ ${TARGETS.endToEnd100kSeconds} s`,
  );
  console.log(`  worker peak RSS ${e2e.peakRssMb} MB   target ≤ ${TARGETS.workerPeakRssMb} MB`);
  const l = e2e.latency;
  console.log(
    `  partners under ${l.clients} clients (${l.requests} requests): p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, ` +
      `p99 ${l.p99Ms} ms, max ${l.maxMs} ms, ${l.rps} req/s   target p99 ≤ ${TARGETS.partnersP99Ms} ms`,
  );
  const summary = {
    bench: 'scoring',
    n,
    compute10kSeconds: compute.compute10kSeconds,
    compute100kSeconds: compute.computeSeconds,
    naive10kSeconds: compute.naive10kSeconds,
    naiveExtrapolated: compute.naiveExtrapolated,
    speedup10k: compute.speedup10k,
    recallAt20: compute.recallAt20,
    endToEndRebuildSeconds: e2e.rebuildSeconds,
    endToEnd: e2e,
    workerPeakRssMb: e2e.peakRssMb,
    partnersLatencyMs: { p50: l.p50Ms, p95: l.p95Ms, p99: l.p99Ms, max: l.maxMs },
    allianceRecallAt10: alliances.allianceRecallAt10,
    allianceRecall: {
      perForm: alliances.perForm,
      blended: alliances.blended,
      alliances: alliances.alliances,
    },
    targets: TARGETS,
    met: {
      compute: Number(compute.computeSeconds) <= TARGETS.compute100kSeconds,
      endToEnd: e2e.rebuildSeconds <= TARGETS.endToEnd100kSeconds,
      speedup: Number(compute.speedup10k) >= TARGETS.speedupVsNaive10k,
      recall: Number(compute.recallAt20) >= TARGETS.recallAt20,
      workerMemory: e2e.peakRssMb <= TARGETS.workerPeakRssMb,
      partnersP99: l.p99Ms <= TARGETS.partnersP99Ms,
      allianceRecall: alliances.allianceRecallAt10 >= 0.9,
    },
  };
  console.log(JSON.stringify(summary));
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
