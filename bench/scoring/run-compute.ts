/**
 * Compute part of `npm run bench:scoring` (also standalone: `node dist/bench/scoring/run-compute.js
 * [--quick] [--n=100000] [--sample=500] [--threads=2]`). Pure computation, no database.
 *
 * Baseline: exact brute force with the same compiled kernel (bruteForceTopKMany), measured on
 * `sample` actors and extrapolated linearly (it scores every actor against all n, so its cost per
 * actor does not depend on which actor). The naive plain-object all-pairs figure of the first
 * versions is kept as a footnote only. Prints a table, then one JSON line (last line).
 */
import { availableParallelism, loadavg } from 'node:os';
import { DEFAULT_PROFILE, MODEL_VERSION, profileKey } from '../../libs/scoring/src';
import { benchBruteForce, benchCompute, benchForms, benchNaive } from './compute';
import { benchPopulation } from './population';

export const TARGETS = {
  compute100kSeconds: 3,
  speedupVsBruteForce100k: 50,
  recallAt20: 0.99,
} as const;

function arg(argv: string[], name: string, fallback: number): number {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<Record<string, unknown>> {
  const quick = argv.includes('--quick');
  const n = arg(argv, 'n', quick ? 20_000 : 100_000);
  const sample = arg(argv, 'sample', quick ? 100 : 500);
  const threads = arg(argv, 'threads', availableParallelism());
  const seed = 42;
  const log = (s: string) => process.stderr.write(`${s}\n`);

  log(`generating ${n} actors…`);
  const pop = benchPopulation(n, seed);
  if (pop.note) log(pop.note);
  const large = await benchCompute({ n, population: pop, threads });
  log(`N=${n}: ${large.seconds.toFixed(2)} s wall on ${threads} threads`);
  log(`brute force on ${sample} actors…`);
  const bf = benchBruteForce(large.index, large.result, { sample, k: 20 });
  const speedup = bf.seconds / large.seconds;
  log('other alliance forms on a sample…');
  const forms = benchForms(large.index, { sample: quick ? 500 : 2000 });
  // footnote: the naive baseline of the first versions (plain objects, full explanation per pair)
  const pop10k = benchPopulation(10_000, seed);
  const naive = benchNaive({ n: 10_000, population: pop10k, sampleActors: quick ? 5 : 20 });

  const k = n / 1000;
  const rows: [string, string, string][] = [
    ['population source', pop.source, '@maillage/synthetic when available'],
    [
      `compute N=${k}k, ${threads} threads (s, wall / cpu)`,
      `${large.seconds.toFixed(2)} / ${large.cpuSeconds.toFixed(2)}`,
      `≤ ${TARGETS.compute100kSeconds}`,
    ],
    ['  of which index build (s, one thread)', large.indexSeconds.toFixed(2), ''],
    [
      `exact brute force, same kernel, N=${k}k (s)`,
      `${bf.seconds.toFixed(0)} (${bf.measuredSeconds.toFixed(1)} s on ${bf.sample} actors × ${(n / bf.sample).toFixed(0)})`,
      '',
    ],
    [
      'speed-up vs brute force (wall / cpu)',
      `${speedup.toFixed(1)}× / ${(bf.cpuSeconds / large.cpuSeconds).toFixed(1)}×`,
      `≥ ${TARGETS.speedupVsBruteForce100k}×`,
    ],
    [
      `recall@20 vs brute force (${bf.sample} actors)`,
      `${bf.recall.toFixed(4)} (${bf.identical} lists identical)`,
      `≥ ${TARGETS.recallAt20}`,
    ],
    [
      'postings / candidates / refined / exact per actor',
      [large.postingsWalked, large.candidatesTouched, large.result.stats.refined, large.pairsScored]
        .map((x) => (x / n).toFixed(0))
        .join(' / '),
      '',
    ],
    [
      'other forms (co-production, pooling, positioning), all N (s CPU, one thread)',
      `${forms.cpuSeconds.toFixed(1)} (${forms.measuredCpuSeconds.toFixed(2)} s on ${forms.sample} actors)`,
      'part of every rebuild',
    ],
    ['peak RSS (MB)', String(large.peakRssMb), ''],
    ['load average (1 min)', loadavg()[0].toFixed(2), `${availableParallelism()} cores, shared`],
    [
      'footnote: naive plain-object all-pairs N=10k (s)',
      `${naive.seconds.toFixed(1)} (extrapolated from ${naive.sampleActors} actors)`,
      '',
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${value.padEnd(40)}  ${target}`);
  const summary = {
    bench: 'scoring-compute',
    modelVersion: MODEL_VERSION,
    profile: profileKey(DEFAULT_PROFILE),
    source: pop.source,
    n,
    threads,
    computeSeconds: +large.seconds.toFixed(3),
    computeCpuSeconds: +large.cpuSeconds.toFixed(3),
    indexSeconds: +large.indexSeconds.toFixed(3),
    bruteForceSeconds: +bf.seconds.toFixed(1),
    bruteForceMeasuredSeconds: +bf.measuredSeconds.toFixed(2),
    bruteForceCpuSeconds: +bf.cpuSeconds.toFixed(1),
    speedupVsBruteForceCpu: +(bf.cpuSeconds / large.cpuSeconds).toFixed(1),
    bruteForceSampleActors: bf.sample,
    bruteForceExtrapolated: bf.sample < n,
    speedupVsBruteForce: +speedup.toFixed(1),
    recallAt20: +bf.recall.toFixed(4),
    recallSample: bf.sample,
    identicalLists: bf.identical,
    perActor: {
      postings: Math.round(large.postingsWalked / n),
      candidates: Math.round(large.candidatesTouched / n),
      exact: +(large.pairsScored / n).toFixed(1),
    },
    formsCpuSeconds: +forms.cpuSeconds.toFixed(1),
    formsSampleActors: forms.sample,
    computePeakRssMb: large.peakRssMb,
    loadAverage: +loadavg()[0].toFixed(2),
    footnoteNaive10kSeconds: +naive.seconds.toFixed(1),
    targets: TARGETS,
  };
  console.log(JSON.stringify(summary));
  return summary;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
