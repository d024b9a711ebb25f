/**
 * Worker-thread entry (piscina) for simulateEvent and live re-pairing (repairSchedule): the
 * optimiser, the repair and the LP bound are pure CPU work of up to seconds, so they run here
 * instead of on the API's event loop. Input and output are plain
 * data (structured clone); refusals travel as data and become domain errors in the caller.
 */
import {
  ScheduleInfeasibleError,
  ScheduleInputError,
  ScheduleResult,
  Unplaced,
} from '@maillage/schedule-model';
import { RepairRequest, repairSchedule } from '@maillage/scheduling';
import type { EventEntity, RegistrationEntity } from '@maillage/events';
import type { WishRow } from '@maillage/wishes';
import type { StoredWeights } from './entities/schedule.entity';
import { Objective, PlanOutcome, planSchedule } from '@maillage/schedule-objectives';
import { eventProblem } from './schedule-problem';
import type { MeetingEntity } from './entities/meeting.entity';
import { buildScheduleProblem, toScheduleResult } from './schedule-problem';

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

/** Live re-pairing: the same inputs as LiveRepairService reads, as plain data. */
export interface RepairTask {
  event: EventEntity;
  /** Registrations with absences counted from the re-planned rounds on. */
  registrations: RegistrationEntity[];
  weights: StoredWeights;
  /** Locked meetings of the rounds being re-planned. */
  lockedAhead: MeetingEntity[];
  /** Every meeting of the published schedule. */
  meetings: MeetingEntity[];
  algorithm: string;
  /** 1-based first re-planned round. */
  fromRound: number;
  request: RepairRequest;
}

export type RepairOutcome = { ok: true; result: ScheduleResult } | Extract<SimulationOutcome, { ok: false }>;

export async function runRepair(task: RepairTask): Promise<RepairOutcome> {
  try {
    const problem = buildScheduleProblem(
      task.event,
      task.registrations,
      task.weights,
      task.lockedAhead,
      task.fromRound,
    );
    const previous = toScheduleResult(problem, task.meetings, task.algorithm);
    return { ok: true, result: await repairSchedule(problem, previous, task.request) };
  } catch (err) {
    return failure(err);
  }
}

export async function runSimulation(task: SimulationTask): Promise<SimulationOutcome> {
  try {
    const { problem, pairs } = eventProblem(task.event, task.registrations, task.weights, task.wishes);
    return { ok: true, ...(await planSchedule(problem, pairs, task.objective, task.boundTimeLimitSeconds)) };
  } catch (err) {
    return failure(err);
  }
}

/** A refusal of the optimiser (or any error) as data: errors do not cross the thread boundary typed. */
function failure(err: unknown): Extract<SimulationOutcome, { ok: false }> {
  if (err instanceof ScheduleInfeasibleError)
    return { ok: false, kind: 'infeasible', message: err.message, reasons: [...err.reasons] };
  if (err instanceof ScheduleInputError) return { ok: false, kind: 'input', message: err.message };
  return { ok: false, kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

export default runSimulation;
