/**
 * `npm run bench:scoring`: compute figures (N=100k top-20 on worker threads, exact same-kernel
 * brute force on 500 actors extrapolated, recall@20), then the end-to-end rebuild, profile edits
 * and the `partners` latency on real Neo4j/PostgreSQL/Redis (started by scripts/bench.mjs).
 * Last line: one JSON object with every figure and the targets. `--n=200000 --end-to-end-only`: the
 * end-to-end part alone at another size; `--n=400000 --rebuild-only`: the rebuild alone (no edits, no
 * `partners`), for the sizes where those would take hours.
 */
import 'reflect-metadata';
import { main as computeMain, TARGETS as COMPUTE_TARGETS } from './run-compute';
import { benchEndToEnd } from './end-to-end';
import { allianceRecall } from '../alliance-recall';

const TARGETS = {
  ...COMPUTE_TARGETS,
  endToEndRebuildSeconds: 60,
  partnersP99Ms: 20,
  incrementalP95Ms: 1000,
  workerPeakRssMb: 1536,
  allianceRecallAt10: 0.9,
};

type EndToEnd = Awaited<ReturnType<typeof benchEndToEnd>>;

function printEdits(inc: NonNullable<EndToEnd['incremental']>): void {
  console.log(
    `  profile edit → affected lists rewritten (${inc.edits} edits, ~${inc.actorsRescored} lists each): ` +
      `p50 ${inc.p50Ms} ms, p95 ${inc.p95Ms} ms, max ${inc.maxMs} ms   target p95 ≤ ${TARGETS.incrementalP95Ms} ms`,
  );
  const ph = inc.phaseP50Ms;
  console.log(
    `    median split: population patch ${ph.refreshMs} ms, affected lists found ${ph.affectedMs} ms ` +
      `(own rows ${ph.ownRowsMs} ms, stored lists read ${ph.storedReadsMs} ms), ` +
      `lists scored ${ph.scoreMs} ms, written ${ph.writeMs} ms; slowest: ${JSON.stringify(inc.slowest)}`,
  );
  console.log(
    `  ${inc.edits} edits together (an import's chunk), one batched rescore: ${inc.batchedTotalMs} ms for ` +
      `${inc.batchedLists} lists, vs ${inc.oneByOneTotalMs} ms one by one ` +
      `(${(inc.oneByOneTotalMs / inc.batchedTotalMs).toFixed(1)}×)`,
  );
}

function printLatency(l: NonNullable<EndToEnd['latency']>): void {
  console.log(
    `  partners under ${l.clients} clients (${l.requests} requests): p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, ` +
      `p99 ${l.p99Ms} ms, max ${l.maxMs} ms, ${l.rps} req/s   target p99 ≤ ${TARGETS.partnersP99Ms} ms`,
  );
  const f = l.neo4jReadOnly;
  console.log(
    `  floor: the same read straight on Neo4j, ${l.clients} at once: p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.rps} reads/s ` +
      `(API ÷ floor at p99: ${(l.p99Ms / f.p99Ms).toFixed(1)}×)`,
  );
  const q = l.emptyQuery;
  console.log(
    `  HTTP stack floor: { __typename } under ${l.clients} clients: p50 ${q.p50Ms} ms, p99 ${q.p99Ms} ms, ${q.rps} req/s`,
  );
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const quick = argv.includes('--quick');
  // --n=200000: the same figures at another population size (compute and end to end)
  const nArg = argv.find((a) => a.startsWith('--n='));
  const n = nArg ? Number(nArg.slice(4)) : quick ? 20_000 : 100_000;
  if (!Number.isInteger(n) || n < 1000) throw new Error(`--n must be an integer ≥ 1000, not ${nArg}`);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  type Compute = Record<string, unknown> & {
    computeSeconds: number | null;
    bruteForceSeconds: number | null;
    speedupVsBruteForce: number | null;
    recallAt20: number | null;
    bruteForceSampleActors?: number;
  };
  // --end-to-end-only: the rebuild, edits and partners at a larger N without the compute part
  // (run-compute.js gives those figures on its own); its keys are then null.
  const rebuildOnly = argv.includes('--rebuild-only');
  const compute: Compute =
    argv.includes('--end-to-end-only') || rebuildOnly
      ? { computeSeconds: null, bruteForceSeconds: null, speedupVsBruteForce: null, recallAt20: null }
      : ((await computeMain([...(quick ? ['--quick'] : []), `--n=${n}`])) as Compute);
  const e2e = await benchEndToEnd(n, log, { rebuildOnly });
  // Real alliances among distractors (bench/alliance-recall.ts): model quality, exact ranking.
  const alliances = allianceRecall();
  log(
    `alliance recall@10 (${alliances.alliances} real alliances, ${alliances.distractors} distractors): ` +
      `${alliances.allianceRecallAt10} per form ${JSON.stringify(alliances.perForm)}, blended ${alliances.blended}   target ≥ 0.9`,
  );

  console.log('');
  console.log(`end-to-end N=${n}: load ${e2e.loadSeconds} s (not part of the rebuild)`);
  console.log(
    `  rebuild ${e2e.rebuildSeconds} s = read ${e2e.readSeconds} s + score & write (overlapped) ${e2e.scoreAndWriteSeconds} s ` +
      `(${e2e.edgesWritten} edges, ${e2e.chunksAtOnce} chunks at once)   target ≤ ${TARGETS.endToEndRebuildSeconds} s`,
  );
  console.log(`  peak RSS ${e2e.peakRssMb} MB   target ≤ ${TARGETS.workerPeakRssMb} MB`);
  const inc = e2e.incremental;
  if (inc) printEdits(inc);
  const l = e2e.latency;
  if (l) printLatency(l);
  const summary = {
    bench: 'scoring',
    n,
    compute100kSeconds: compute.computeSeconds,
    bruteForce100kSeconds: compute.bruteForceSeconds,
    bruteForceNote:
      compute.bruteForceSampleActors === undefined
        ? 'compute part not run (--end-to-end-only or --rebuild-only)'
        : `same-kernel brute force measured on ${compute.bruteForceSampleActors} actors, extrapolated linearly (it scores every actor against all N)`,
    speedupVsBruteForce100k: compute.speedupVsBruteForce,
    recallAt20: compute.recallAt20,
    endToEndRebuildSeconds: e2e.rebuildSeconds,
    partnersP99Ms: l?.p99Ms ?? null,
    incrementalP95Ms: inc?.p95Ms ?? null,
    workerPeakRssMb: e2e.peakRssMb,
    partnersLatencyMs: l && { p50: l.p50Ms, p95: l.p95Ms, p99: l.p99Ms, max: l.maxMs },
    partnersNeo4jReadP99Ms: l?.neo4jReadOnly.p99Ms ?? null,
    emptyQueryP99Ms: l?.emptyQuery.p99Ms ?? null,
    allianceRecallAt10: alliances.allianceRecallAt10,
    allianceRecall: {
      perForm: alliances.perForm,
      blended: alliances.blended,
      alliances: alliances.alliances,
    },
    compute,
    endToEnd: e2e,
    targets: TARGETS,
    met: {
      compute: compute.computeSeconds !== null && compute.computeSeconds <= TARGETS.compute100kSeconds,
      speedup:
        compute.speedupVsBruteForce !== null &&
        compute.speedupVsBruteForce >= TARGETS.speedupVsBruteForce100k,
      recall: compute.recallAt20 !== null && compute.recallAt20 >= TARGETS.recallAt20,
      endToEnd: e2e.rebuildSeconds <= TARGETS.endToEndRebuildSeconds,
      partnersP99: l !== null && l.p99Ms <= TARGETS.partnersP99Ms,
      incremental: inc !== null && inc.p95Ms <= TARGETS.incrementalP95Ms,
      workerMemory: e2e.peakRssMb <= TARGETS.workerPeakRssMb,
      allianceRecall: alliances.allianceRecallAt10 >= TARGETS.allianceRecallAt10,
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
