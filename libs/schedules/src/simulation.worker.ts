/**
 * Worker-thread entry (piscina) for simulateEvent: the optimiser and the LP bound are pure CPU work
 * of up to seconds, so they run here instead of on the API's event loop. Input and output are plain
 * data (structured clone); refusals travel as data and become domain errors in the caller.
 */
import {
  ScheduleInfeasibleError,
  ScheduleInputError,
  ScheduleResult,
  Unplaced,
} from '@maillage/schedule-model';
import { lpUpperBound } from '@maillage/schedule-bounds';
import { optimiseSchedule } from '@maillage/scheduling';
import type { EventEntity, RegistrationEntity } from '@maillage/events';
import type { StoredWeights } from './entities/schedule.entity';
import { buildScheduleProblem } from './schedule-problem';

export interface SimulationTask {
  event: EventEntity;
  registrations: RegistrationEntity[];
  weights: StoredWeights;
  boundTimeLimitSeconds: number;
}

export type SimulationOutcome =
  | { ok: true; result: ScheduleResult; bound: number | null }
  | { ok: false; kind: 'infeasible'; message: string; reasons: Unplaced[] }
  | { ok: false; kind: 'input' | 'other'; message: string };

export async function runSimulation(task: SimulationTask): Promise<SimulationOutcome> {
  const problem = buildScheduleProblem(task.event, task.registrations, task.weights);
  try {
    const [result, bound] = await Promise.all([
      optimiseSchedule(problem, { bestEffort: true }),
      lpUpperBound(problem, { timeLimitSeconds: task.boundTimeLimitSeconds }).catch(() => null),
    ]);
    return { ok: true, result, bound: bound && Number.isFinite(bound.value) ? bound.value : null };
  } catch (err) {
    if (err instanceof ScheduleInfeasibleError)
      return { ok: false, kind: 'infeasible', message: err.message, reasons: [...err.reasons] };
    if (err instanceof ScheduleInputError) return { ok: false, kind: 'input', message: err.message };
    return { ok: false, kind: 'other', message: err instanceof Error ? err.message : String(err) };
  }
}

export default runSimulation;
