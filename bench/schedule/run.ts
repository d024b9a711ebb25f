/**
 * Schedule optimiser benchmark. Run: `node dist/bench/schedule/run.js` after `tsc`.
 * Prints a human-readable table, then, as the last line, one JSON object with every figure.
 */
import { exactOptimum, lpUpperBound } from '../../libs/schedule-bounds/src';
import { type ScheduleProblem, type ScheduleResult, checkSchedule } from '../../libs/schedule-model/src';
import {
  buildRepairProblem,
  greedySchedule,
  optimiseSchedule,
  repairSchedule,
} from '../../libs/scheduling/src';
import { bipartiteInstance, oneToOneInstance, tablesInstance } from './synthetic-instances';
import { runWishesAndFairness } from './wishes-fairness';

interface InstanceSpec {
  name: string;
  kind: 'one-to-one' | 'bipartite' | 'tables';
  build: () => ScheduleProblem;
  /** Target wall time for the optimiser, if any. */
  timeTargetMs?: number;
  /** Compare against the exact ILP (small instances only). */
  exact?: { timeLimitSeconds: number; maxParticipants: number };
}

interface InstanceFigures {
  name: string;
  participants: number;
  rounds: number;
  /** wallMs/cpuMs: median of warm runs, as in a long-lived worker; coldWallMs: first run in the process. */
  optimiser: {
    wallMs: number;
    cpuMs: number;
    coldWallMs: number;
    score: number;
    meetings: number;
    algorithm: string;
    phaseMs: Record<string, number>;
  };
  greedy: { wallMs: number; score: number; violations: number };
  bound: { value: number; status: string; relaxation: string; wallMs: number };
  percentOfBound: number;
  greedyPercentOfBound: number;
  gainOverGreedyPoints: number;
  /** gapPercent: below the ILP optimum (null when the ILP hit its time limit); gapToBoundPercent: below its proven bound. */
  exact: null | {
    status: string;
    value: number;
    bound: number;
    wallMs: number;
    gapPercent: number | null;
    gapToBoundPercent: number;
  };
  violations: number;
  violationKinds: string[];
  unplaced: number;
  fairness: { minMeetings: number; maxMeetings: number };
}

/** Warm runs per measurement (median reported); the schedule is identical each time (same seed). */
const WARM_RUNS = 3;

const INSTANCES: InstanceSpec[] = [
  {
    name: 'one-to-one 30x5',
    kind: 'one-to-one',
    build: () => oneToOneInstance(30, 5, 101),
    exact: { timeLimitSeconds: 60, maxParticipants: 40 },
  },
  {
    name: 'one-to-one 100x6',
    kind: 'one-to-one',
    build: () => oneToOneInstance(100, 6, 102),
    timeTargetMs: 100,
  },
  {
    name: 'one-to-one 500x8',
    kind: 'one-to-one',
    build: () => oneToOneInstance(500, 8, 103),
    timeTargetMs: 2000,
  },
  {
    name: 'one-to-one 1000x8',
    kind: 'one-to-one',
    build: () => oneToOneInstance(1000, 8, 104),
    timeTargetMs: 5000,
  },
  {
    name: 'bipartite 40x40x10',
    kind: 'bipartite',
    build: () => bipartiteInstance(40, 10, 105),
    exact: { timeLimitSeconds: 20, maxParticipants: 80 },
  },
  { name: 'tables-of-4 120x6', kind: 'tables', build: () => tablesInstance(120, 6, 4, 106) },
];

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs: round(wallMs, 1), cpuMs: round((used.user + used.system) / 1000, 1) };
}

/** Median (by wall time) of `runs` timed runs: the machine is shared, single runs are noisy. */
async function timedMedian<T>(
  runs: number,
  run: () => Promise<T> | T,
): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const results: { value: T; wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) results.push(await timed(run));
  results.sort((a, b) => a.wallMs - b.wallMs);
  return results[Math.floor(runs / 2)];
}

function meetingRange(result: ScheduleResult): { minMeetings: number; maxMeetings: number } {
  const counts = result.perParticipant.map((p) => p.meetings);
  return { minMeetings: Math.min(...counts), maxMeetings: Math.max(...counts) };
}

async function runInstance(spec: InstanceSpec): Promise<InstanceFigures> {
  const problem = spec.build();
  const cold = await timed(() => optimiseSchedule(problem));
  const optimised = await timedMedian(WARM_RUNS, () => optimiseSchedule(problem));
  const greedy = await timed(() => greedySchedule(problem, { bestEffort: true }));
  const bound = await timed(() => lpUpperBound(problem));
  const violations = checkSchedule(problem, optimised.value);
  let exact: InstanceFigures['exact'] = null;
  if (spec.exact) {
    const ilp = await timed(() => exactOptimum(problem, spec.exact));
    exact = {
      status: ilp.value.status,
      value: round(ilp.value.value, 4),
      bound: round(ilp.value.bound, 4),
      wallMs: ilp.wallMs,
      gapPercent:
        ilp.value.status === 'optimal'
          ? round((100 * (ilp.value.value - optimised.value.totalScore)) / ilp.value.value, 3)
          : null,
      gapToBoundPercent: round((100 * (ilp.value.bound - optimised.value.totalScore)) / ilp.value.bound, 3),
    };
  }
  const percent = (score: number): number => round((100 * score) / bound.value.value, 3);
  return {
    name: spec.name,
    participants: problem.participants.length,
    rounds: problem.rounds,
    optimiser: {
      wallMs: optimised.wallMs,
      cpuMs: optimised.cpuMs,
      coldWallMs: cold.wallMs,
      score: round(optimised.value.totalScore, 4),
      meetings: optimised.value.stats.meetings,
      algorithm: optimised.value.algorithm,
      phaseMs: optimised.value.stats.phaseMs,
    },
    greedy: {
      wallMs: greedy.wallMs,
      score: round(greedy.value.totalScore, 4),
      violations: checkSchedule(problem, greedy.value).length,
    },
    bound: {
      value: round(bound.value.value, 4),
      status: bound.value.status,
      relaxation: bound.value.relaxation,
      wallMs: bound.wallMs,
    },
    percentOfBound: percent(optimised.value.totalScore),
    greedyPercentOfBound: percent(greedy.value.totalScore),
    gainOverGreedyPoints: round(percent(optimised.value.totalScore) - percent(greedy.value.totalScore), 3),
    exact,
    violations: violations.length,
    violationKinds: [...new Set(violations.map((v) => v.kind))],
    unplaced: optimised.value.unplaced.length,
    fairness: meetingRange(optimised.value),
  };
}

async function runRepair(): Promise<Record<string, number | string>> {
  const problem = oneToOneInstance(200, 8, 107);
  const previous = await optimiseSchedule(problem);
  const absentIds = problem.participants.filter((_, i) => i % 10 === 7).map((p) => p.id);
  const request = { fromRound: 3, absentIds };
  const cold = await timed(() => repairSchedule(problem, previous, request));
  const repaired = await timedMedian(WARM_RUNS, () => repairSchedule(problem, previous, request));
  const futureMeetings = previous.rounds.slice(3).reduce((n, r) => n + r.meetings.length, 0);
  return {
    name: 'repair 200x8, 10% no-shows at round 3',
    wallMs: repaired.wallMs,
    cpuMs: repaired.cpuMs,
    coldWallMs: cold.wallMs,
    absent: absentIds.length,
    scoreBefore: round(previous.totalScore, 4),
    scoreAfter: round(repaired.value.totalScore, 4),
    keptMeetings: repaired.value.stats.keptMeetings ?? 0,
    previouslyPlannedMeetings: futureMeetings,
    violations: checkSchedule(buildRepairProblem(problem, previous, request), repaired.value).length,
  };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

export async function main(): Promise<void> {
  const started = performance.now();
  // Warm-up of the WebAssembly solver. Each instance is then optimised once cold and WARM_RUNS
  // times warm; the warm median is reported (what a long-lived worker sees), the cold run alongside.
  await lpUpperBound(oneToOneInstance(60, 5, 1));

  const figures: InstanceFigures[] = [];
  for (const spec of INSTANCES) figures.push(await runInstance(spec));
  const repair = await runRepair();

  const header = `${'instance'.padEnd(22)}${pad('time ms', 9)}${pad('cpu ms', 8)}${pad('cold ms', 9)}${pad('score', 10)}${pad('LP bound', 10)}${pad('% bound', 9)}${pad('greedy %', 9)}${pad('+pts', 7)}${pad('ILP gap %', 10)}${pad('viol', 6)}${pad('meet/p', 8)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(22)}${pad(f.optimiser.wallMs, 9)}${pad(f.optimiser.cpuMs, 8)}${pad(f.optimiser.coldWallMs, 9)}${pad(f.optimiser.score.toFixed(2), 10)}${pad(
        f.bound.value.toFixed(2),
        10,
      )}${pad(f.percentOfBound.toFixed(2), 9)}${pad(f.greedyPercentOfBound.toFixed(2), 9)}${pad(f.gainOverGreedyPoints.toFixed(2), 7)}${pad(
        f.exact
          ? f.exact.gapPercent === null
            ? `${f.exact.gapToBoundPercent.toFixed(3)}*`
            : f.exact.gapPercent.toFixed(3)
          : '-',
        10,
      )}${pad(f.violations, 6)}${pad(`${f.fairness.minMeetings}-${f.fairness.maxMeetings}`, 8)}`,
    );
  }
  console.log('');
  for (const f of figures)
    console.log(
      `${f.name}: bound = ${f.bound.relaxation} (${f.bound.wallMs} ms); phases ${JSON.stringify(f.optimiser.phaseMs)}`,
    );
  for (const f of figures) {
    if (f.exact) {
      console.log(
        `${f.name}: exact ILP ${f.exact.status}, best schedule ${f.exact.value}, proven bound ${f.exact.bound}, in ${f.exact.wallMs} ms; optimiser ${
          f.exact.gapPercent === null ? '' : `${f.exact.gapPercent}% below the optimum, `
        }${f.exact.gapToBoundPercent}% below the proven bound`,
      );
    }
  }
  console.log(
    `${repair.name}: ${repair.wallMs} ms (cpu ${repair.cpuMs}, cold ${repair.coldWallMs}), ${repair.absent} absent, score ${repair.scoreBefore} -> ${repair.scoreAfter}, kept ${repair.keptMeetings}/${repair.previouslyPlannedMeetings} planned meetings, ${repair.violations} violations`,
  );
  console.log(
    '* ILP not proven optimal within its time limit: gap measured to its proven upper bound instead.',
  );

  const byName = (name: string): InstanceFigures => figures.find((f) => f.name === name) as InstanceFigures;
  const oneToOne = figures.filter((f) => f.name.startsWith('one-to-one'));
  const targets = {
    percentOfBoundOneToOne: {
      target: '>= 99.5',
      measured: Math.min(...oneToOne.map((f) => f.percentOfBound)),
    },
    time100x6Ms: { target: '<= 100', measured: byName('one-to-one 100x6').optimiser.wallMs },
    time500x8Ms: { target: '<= 2000', measured: byName('one-to-one 500x8').optimiser.wallMs },
    time1000x8Ms: { target: '<= 5000', measured: byName('one-to-one 1000x8').optimiser.wallMs },
    gainOverGreedyPoints: {
      target: '>= 2.5',
      measured: Math.min(...oneToOne.map((f) => f.gainOverGreedyPoints)),
    },
    violations: {
      target: '0',
      measured: figures.reduce((n, f) => n + f.violations, 0) + Number(repair.violations),
    },
    repairMs: { target: '<= 2000', measured: Number(repair.wallMs) },
  };
  const met = {
    percentOfBoundOneToOne: targets.percentOfBoundOneToOne.measured >= 99.5,
    time100x6Ms: targets.time100x6Ms.measured <= 100,
    time500x8Ms: targets.time500x8Ms.measured <= 2000,
    time1000x8Ms: targets.time1000x8Ms.measured <= 5000,
    gainOverGreedyPoints: targets.gainOverGreedyPoints.measured >= 2.5,
    violations: targets.violations.measured === 0,
    repairMs: targets.repairMs.measured <= 2000,
  };
  const wishesAndFairness = await runWishesAndFairness();
  console.log(`targets met: ${JSON.stringify(met)}`);
  console.log(
    JSON.stringify({
      bench: 'schedule',
      node: process.version,
      totalWallMs: round(performance.now() - started, 0),
      instances: figures,
      repair,
      wishesAndFairness,
      targets,
      met,
    }),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
