import {
  ScheduleInfeasibleError,
  ScheduleInputError,
  ScheduleProblem,
  ScheduleResult,
} from '@maillage/schedule-model';
import { optimiseSchedule } from '@maillage/scheduling';
import { SCHEDULE_ERRORS } from './schedules.errors';

/** The bound is reported, not needed: cap its solver time so a huge event still gets its plan. */
export const BOUND_TIME_LIMIT_SECONDS = 20;

/** An event needs two participants to be planned. */
export function requireParticipants<T>(regs: T[]): T[] {
  if (regs.length < 2)
    throw SCHEDULE_ERRORS.badField(
      `needs at least 2 participants, has ${regs.length}`,
      ['eventId'],
      'too_few_participants',
    );
  return regs;
}

/** Best effort: the organiser gets a plan listing who could not be placed and why. */
export async function optimiseBestEffort(problem: ScheduleProblem): Promise<ScheduleResult> {
  try {
    return await optimiseSchedule(problem, { bestEffort: true });
  } catch (err) {
    throw asDomainError(err);
  }
}

/** The optimiser's refusals as domain errors the organiser can act on. */
export function asDomainError(err: unknown): unknown {
  if (err instanceof ScheduleInfeasibleError) {
    return SCHEDULE_ERRORS.badInput(err.message, {
      field: ['eventId'],
      reason: 'schedule_infeasible',
      problems: err.reasons.map((r) => ({
        field: ['registrations', r.participantId],
        reason: r.code,
        message: r.reason,
      })),
    });
  }
  if (err instanceof ScheduleInputError)
    return SCHEDULE_ERRORS.badInput(err.message, { field: ['eventId'], reason: 'schedule_input' });
  return err;
}
