/**
 * Worker-thread entry (piscina) for simulateEvent: the optimiser and the LP bound are pure CPU work
 * of up to seconds, so they run here instead of on the API's event loop. Input and output are plain
 * data (structured clone); refusals travel as data and become domain errors in the caller.
 */
import { ScheduleInfeasibleError, ScheduleInputError, Unplaced } from '@maillage/schedule-model';
import type { EventEntity, RegistrationEntity } from '@maillage/events';
import type { WishRow } from '@maillage/wishes';
import type { StoredWeights } from './entities/schedule.entity';
import { Objective, PlanOutcome, planSchedule } from '@maillage/schedule-objectives';
import { eventProblem } from './schedule-problem';

export interface SimulationTask {
  event: EventEntity;
  registrations: RegistrationEntity[];
  weights: StoredWeights;
  wishes: WishRow[];
  objective: Objective;
  boundTimeLimitSeconds: number;
}

export type SimulationOutcome =
  | ({ ok: true } & PlanOutcome)
  | { ok: false; kind: 'infeasible'; message: string; reasons: Unplaced[] }
  | { ok: false; kind: 'input' | 'other'; message: string };

export async function runSimulation(task: SimulationTask): Promise<SimulationOutcome> {
  try {
    const { problem, pairs } = eventProblem(task.event, task.registrations, task.weights, task.wishes);
    return { ok: true, ...(await planSchedule(problem, pairs, task.objective, task.boundTimeLimitSeconds)) };
  } catch (err) {
    if (err instanceof ScheduleInfeasibleError)
      return { ok: false, kind: 'infeasible', message: err.message, reasons: [...err.reasons] };
    if (err instanceof ScheduleInputError) return { ok: false, kind: 'input', message: err.message };
    return { ok: false, kind: 'other', message: err instanceof Error ? err.message : String(err) };
  }
}

export default runSimulation;
