/**
 * Small tables with a bound that knows tables (issue 11, item 4): the plan at 120 × 6 with tables
 * of 4 against the table LP (column generation) and the pair LP, with the greedy baseline in the
 * same run; on a tiny instance, the heuristic against the exact ILP optimum.
 */
import { exactOptimum, tableUpperBound } from '../../libs/schedule-bounds/src';
import { checkSchedule } from '../../libs/schedule-model/src';
import { greedySchedule, optimiseSchedule } from '../../libs/scheduling/src';
import { tablesInstance } from './synthetic-instances';
import { round, timed } from './timing';

export interface TablesSection {
  name: string;
  seconds: number;
  coldSeconds: number;
  score: number;
  repeatedPairs: number;
  violations: number;
  greedy: { score: number; percentOfTableBound: number; repeatedPairs: number; violations: number };
  tableBound: {
    value: number;
    status: string;
    iterations: number;
    columns: number;
    seconds: number;
    relaxation: string;
  };
  pairLpBound: number;
  percentOfTableBound: number;
  percentOfPairLp: number;
  gainOverGreedyPoints: number;
  tiny: {
    name: string;
    exact: { status: string; value: number; seconds: number };
    heuristic: number;
    greedy: number;
    tableBound: number;
    heuristicPercentOfExact: number;
    greedyPercentOfExact: number;
    boundAboveExact: boolean;
  };
  targets: Record<string, { target: string; measured: number | boolean }>;
  met: Record<string, boolean>;
}

export async function runTablesSection(): Promise<TablesSection> {
  const problem = tablesInstance(120, 6, 4, 106);
  const cold = await timed(() => optimiseSchedule(problem));
  const plan = await timed(() => optimiseSchedule(problem));
  const greedy = greedySchedule(problem, { bestEffort: true });
  const bound = await timed(() => tableUpperBound(problem));
  const percent = (score: number): number => round((100 * score) / bound.value.value, 3);

  const tinyProblem = tablesInstance(16, 2, 4, 107);
  const exact = await timed(() => exactOptimum(tinyProblem, { timeLimitSeconds: 120 }));
  const tinyPlan = await optimiseSchedule(tinyProblem);
  const tinyGreedy = greedySchedule(tinyProblem, { bestEffort: true });
  const tinyBound = await tableUpperBound(tinyProblem);
  const ofExact = (score: number): number => round((100 * score) / exact.value.value, 3);

  const percentOfTableBound = percent(plan.value.totalScore);
  const section: Omit<TablesSection, 'targets' | 'met'> = {
    name: 'tables-of-4 120x6',
    seconds: round(plan.wallMs / 1000, 3),
    coldSeconds: round(cold.wallMs / 1000, 3),
    score: round(plan.value.totalScore, 4),
    repeatedPairs: plan.value.stats.repeatedPairs ?? 0,
    violations: checkSchedule(problem, plan.value).length,
    greedy: {
      score: round(greedy.totalScore, 4),
      percentOfTableBound: percent(greedy.totalScore),
      repeatedPairs: greedy.stats.repeatedPairs ?? 0,
      violations: checkSchedule(problem, greedy).length,
    },
    tableBound: {
      value: round(bound.value.value, 4),
      status: bound.value.status,
      iterations: bound.value.iterations,
      columns: bound.value.columns,
      seconds: round(bound.wallMs / 1000, 2),
      relaxation: bound.value.relaxation,
    },
    pairLpBound: round(bound.value.pairLpValue, 4),
    percentOfTableBound,
    percentOfPairLp: round((100 * plan.value.totalScore) / bound.value.pairLpValue, 3),
    gainOverGreedyPoints: round(percentOfTableBound - percent(greedy.totalScore), 3),
    tiny: {
      name: 'tables-of-4 16x2',
      exact: {
        status: exact.value.status,
        value: round(exact.value.value, 4),
        seconds: round(exact.wallMs / 1000, 2),
      },
      heuristic: round(tinyPlan.totalScore, 4),
      greedy: round(tinyGreedy.totalScore, 4),
      tableBound: round(tinyBound.value, 4),
      heuristicPercentOfExact: ofExact(tinyPlan.totalScore),
      greedyPercentOfExact: ofExact(tinyGreedy.totalScore),
      boundAboveExact: tinyBound.value >= exact.value.value - 1e-6,
    },
  };
  const targets = {
    percentOfTableBound: { target: '>= 95', measured: section.percentOfTableBound },
    tableBoundProven: { target: 'true', measured: section.tableBound.status !== 'pair-lp' },
    violations: { target: '0', measured: section.violations },
    tinyBoundAboveExact: { target: 'true', measured: section.tiny.boundAboveExact },
  };
  const met = {
    percentOfTableBound: section.percentOfTableBound >= 95,
    tableBoundProven: targets.tableBoundProven.measured,
    violations: section.violations === 0,
    tinyBoundAboveExact: section.tiny.boundAboveExact,
  };
  return { ...section, targets, met };
}

export function printTablesSection(t: TablesSection): void {
  console.log('');
  console.log(
    `${t.name}: ${t.seconds.toFixed(2)} s (cold ${t.coldSeconds.toFixed(2)}), score ${t.score.toFixed(2)} = ${t.percentOfTableBound.toFixed(2)} % of the table LP bound ${t.tableBound.value.toFixed(2)} (${t.tableBound.status}, ${t.tableBound.iterations} iterations, ${t.tableBound.columns} tables, ${t.tableBound.seconds} s), ${t.percentOfPairLp.toFixed(2)} % of the pair LP ${t.pairLpBound.toFixed(2)}; greedy ${t.greedy.percentOfTableBound.toFixed(2)} % (+${t.gainOverGreedyPoints.toFixed(2)} pts); repeated pairs ${t.repeatedPairs} (greedy ${t.greedy.repeatedPairs}); viol ${t.violations}`,
  );
  console.log(
    `${t.tiny.name}: exact ILP ${t.tiny.exact.status} ${t.tiny.exact.value} in ${t.tiny.exact.seconds} s; heuristic ${t.tiny.heuristicPercentOfExact} % of it, greedy ${t.tiny.greedyPercentOfExact} %; table bound ${t.tiny.tableBound} (>= exact: ${t.tiny.boundAboveExact})`,
  );
  console.log(`tables targets met: ${JSON.stringify(t.met)}`);
}
