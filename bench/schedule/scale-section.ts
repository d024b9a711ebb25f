/**
 * One-to-one at scale (issue 11, item 3): 400 × 8 and 1000 × 8, plain and with organiser
 * constraints, against the LP bound and the greedy baseline in the same run; determinism checked
 * by optimising twice with the same seed.
 */
import { lpUpperBound } from '../../libs/schedule-bounds/src';
import { checkSchedule, type ScheduleProblem, type ScheduleResult } from '../../libs/schedule-model/src';
import { greedySchedule, optimiseSchedule } from '../../libs/scheduling/src';
import { constrainedOneToOneInstance, oneToOneInstance } from './synthetic-instances';
import { round, timed, timedMedian } from './timing';

const WARM_RUNS = 3;

export interface ScaleFigures {
  name: string;
  participants: number;
  /** Median warm wall time (s) and its CPU time; cold = first run of this instance. */
  seconds: number;
  cpuSeconds: number;
  coldSeconds: number;
  percentOfBound: number;
  greedyPercentOfBound: number;
  greedySeconds: number;
  bound: { value: number; relaxation: string; seconds: number };
  violations: number;
  greedyViolations: number;
  deterministic: boolean;
  phaseMs: Record<string, number>;
}

export interface ScaleSection {
  instances: ScaleFigures[];
  targets: Record<string, { target: string; measured: number | boolean }>;
  met: Record<string, boolean>;
}

const SPECS: { name: string; build: () => ScheduleProblem }[] = [
  { name: 'one-to-one 400x8', build: () => oneToOneInstance(400, 8, 111) },
  { name: 'one-to-one 400x8 constrained', build: () => constrainedOneToOneInstance(400, 8, 112) },
  { name: 'one-to-one 1000x8', build: () => oneToOneInstance(1000, 8, 113) },
  { name: 'one-to-one 1000x8 constrained', build: () => constrainedOneToOneInstance(1000, 8, 114) },
];

/** Same rounds, tables and members: the plan itself, not just its score. */
function samePlan(a: ScheduleResult, b: ScheduleResult): boolean {
  return JSON.stringify(a.rounds) === JSON.stringify(b.rounds) && a.totalScore === b.totalScore;
}

async function measure(spec: { name: string; build: () => ScheduleProblem }): Promise<ScaleFigures> {
  const problem = spec.build();
  const cold = await timed(() => optimiseSchedule(problem));
  const warm = await timedMedian(WARM_RUNS, () => optimiseSchedule(problem));
  const greedy = await timed(() => greedySchedule(problem, { bestEffort: true }));
  const bound = await timed(() => lpUpperBound(problem));
  const percent = (score: number): number => round((100 * score) / bound.value.value, 3);
  return {
    name: spec.name,
    participants: problem.participants.length,
    seconds: round(warm.wallMs / 1000, 3),
    cpuSeconds: round(warm.cpuMs / 1000, 3),
    coldSeconds: round(cold.wallMs / 1000, 3),
    percentOfBound: percent(warm.value.totalScore),
    greedyPercentOfBound: percent(greedy.value.totalScore),
    greedySeconds: round(greedy.wallMs / 1000, 3),
    bound: {
      value: round(bound.value.value, 4),
      relaxation: bound.value.relaxation,
      seconds: round(bound.wallMs / 1000, 3),
    },
    violations: checkSchedule(problem, warm.value).length,
    greedyViolations: checkSchedule(problem, greedy.value).length,
    deterministic: samePlan(cold.value, warm.value),
    phaseMs: warm.value.stats.phaseMs,
  };
}

export async function runScaleSection(): Promise<ScaleSection> {
  const instances: ScaleFigures[] = [];
  for (const spec of SPECS) instances.push(await measure(spec));
  const at = (size: string): ScaleFigures[] => instances.filter((f) => f.name.includes(` ${size}x8`));
  const worst = (figures: ScaleFigures[]): number => Math.min(...figures.map((f) => f.percentOfBound));
  const slowest1000 = Math.max(...at('1000').map((f) => f.seconds));
  const targets = {
    percentOfBound400x8: { target: '>= 99.8', measured: worst(at('400')) },
    percentOfBound1000x8: { target: '>= 99.8', measured: worst(at('1000')) },
    seconds1000x8: { target: '<= 1.5', measured: slowest1000 },
    violations: { target: '0', measured: instances.reduce((n, f) => n + f.violations, 0) },
    deterministic: { target: 'true', measured: instances.every((f) => f.deterministic) },
  };
  const met = {
    percentOfBound400x8: targets.percentOfBound400x8.measured >= 99.8,
    percentOfBound1000x8: targets.percentOfBound1000x8.measured >= 99.8,
    seconds1000x8: slowest1000 <= 1.5,
    violations: targets.violations.measured === 0,
    deterministic: targets.deterministic.measured,
  };
  return { instances, targets, met };
}

export function printScaleSection(section: ScaleSection): void {
  console.log('');
  console.log('one-to-one at scale (warm median of 3; % of the LP bound; greedy in the same run)');
  for (const f of section.instances) {
    console.log(
      `${f.name.padEnd(31)} ${f.seconds.toFixed(2)} s (cpu ${f.cpuSeconds.toFixed(2)}, cold ${f.coldSeconds.toFixed(2)})  ${f.percentOfBound.toFixed(3)} %  greedy ${f.greedyPercentOfBound.toFixed(2)} % in ${f.greedySeconds.toFixed(2)} s  viol ${f.violations}  deterministic ${f.deterministic}  bound ${f.bound.seconds.toFixed(1)} s  phases ${JSON.stringify(f.phaseMs)}`,
    );
  }
  console.log(`scale targets met: ${JSON.stringify(section.met)}`);
}
