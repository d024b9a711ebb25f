import type { Unplaced } from './types';

/**
 * The constraints cannot all be honoured. `reasons` names each participant concerned and why,
 * so the organiser can fix the registration (drop a must-meet, add a table, extend availability).
 */
export class ScheduleInfeasibleError extends Error {
  constructor(readonly reasons: readonly Unplaced[]) {
    super(
      `schedule infeasible: ${reasons
        .slice(0, 5)
        .map((r) => `${r.participantId}: ${r.reason}`)
        .join('; ')}${reasons.length > 5 ? ` (+${reasons.length - 5} more)` : ''}`,
    );
    this.name = 'ScheduleInfeasibleError';
  }
}

/** The problem itself is malformed (unknown id, round out of range, weight outside [0, 1]...). */
export class ScheduleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}
