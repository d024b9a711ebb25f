/**
 * Standalone compute benchmark: `node dist/bench/scoring/run-compute.js [--quick]`.
 * Prints a table, then one JSON line (last line) with the figures and the targets.
 */
import { loadavg } from 'node:os';
import { DEFAULT_PROFILE, MODEL_VERSION, profileKey } from '../../libs/scoring/src';
import { benchCompute, benchNaive, benchRecall } from './compute';
import { benchPopulation } from './population';

export const TARGETS = { compute100kSeconds: 5, speedupVsNaive10k: 50, recallAt20: 0.99 } as const;

export async function main(argv: string[] = process.argv.slice(2)): Promise<Record<string, unknown>> {
  const quick = argv.includes('--quick');
  const nLarge = quick ? 20_000 : 100_000;
  const seed = 42;
  const log = (s: string) => process.stderr.write(`${s}\n`);

  log(`generating ${10_000} and ${nLarge} actors…`);
  const pop10k = benchPopulation(10_000, seed);
  if (pop10k.note) log(pop10k.note);
  const small = benchCompute({ n: 10_000, population: pop10k });
  log(`N=10k: ${small.seconds.toFixed(2)} s`);
  const naive = benchNaive({ n: 10_000, population: pop10k, sampleActors: quick ? 10 : 40 });
  log(`naive: ${naive.seconds.toFixed(0)} s (${naive.extrapolated ? 'extrapolated' : 'measured'})`);
  const popLarge = benchPopulation(nLarge, seed);
  const large = benchCompute({ n: nLarge, population: popLarge });
  log(`N=${nLarge}: ${large.seconds.toFixed(2)} s`);
  const recall = benchRecall({ n: nLarge, index: large.index, sample: quick ? 50 : 200, k: 20 });

  const speedup = naive.seconds / small.seconds;
  const rows: [string, string, string][] = [
    ['population source', pop10k.source, '@maillage/synthetic when available'],
    ['compute N=10k (s, wall / cpu)', `${small.seconds.toFixed(2)} / ${small.cpuSeconds.toFixed(2)}`, ''],
    [
      `compute N=${nLarge / 1000}k (s, wall / cpu)`,
      `${large.seconds.toFixed(2)} / ${large.cpuSeconds.toFixed(2)}`,
      `≤ ${TARGETS.compute100kSeconds}`,
    ],
    ['  of which index build (s)', large.indexSeconds.toFixed(2), ''],
    [
      'naive all-pairs N=10k (s)',
      `${naive.seconds.toFixed(1)}${naive.extrapolated ? ` (extrapolated from ${naive.sampleActors} actors)` : ''}`,
      '',
    ],
    ['speed-up vs naive at N=10k', `${speedup.toFixed(0)}×`, `≥ ${TARGETS.speedupVsNaive10k}×`],
    [
      `recall@20 (${recall.sample} actors, N=${nLarge / 1000}k)`,
      recall.recall.toFixed(4),
      `≥ ${TARGETS.recallAt20}`,
    ],
    ['pairs scored exactly / candidates touched', `${large.pairsScored} / ${large.candidatesTouched}`, ''],
    ['peak RSS (MB)', String(large.peakRssMb), ''],
    ['load average (1 min)', loadavg()[0].toFixed(2), '2 cores'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${value.padEnd(36)}  ${target}`);
  const summary = {
    bench: 'scoring-compute',
    modelVersion: MODEL_VERSION,
    profile: profileKey(DEFAULT_PROFILE),
    source: pop10k.source,
    n: nLarge,
    compute10kSeconds: +small.seconds.toFixed(3),
    compute10kCpuSeconds: +small.cpuSeconds.toFixed(3),
    computeSeconds: +large.seconds.toFixed(3),
    computeCpuSeconds: +large.cpuSeconds.toFixed(3),
    indexSeconds: +large.indexSeconds.toFixed(3),
    naive10kSeconds: +naive.seconds.toFixed(1),
    naiveExtrapolated: naive.extrapolated,
    naiveSampleActors: naive.sampleActors,
    speedup10k: +speedup.toFixed(1),
    recallAt20: +recall.recall.toFixed(4),
    recallSample: recall.sample,
    pairsScored: large.pairsScored,
    peakRssMb: large.peakRssMb,
    loadAverage: +loadavg()[0].toFixed(2),
    targets: TARGETS,
    met: {
      compute: large.seconds <= TARGETS.compute100kSeconds,
      speedup: speedup >= TARGETS.speedupVsNaive10k,
      recall: recall.recall >= TARGETS.recallAt20,
    },
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
