import { ErrorCode, ReasonDoc, ReasonOf, defineErrorReasons } from '@maillage/common';
import type { ReasonCode, Violation } from '@maillage/schedule-model';

const { BAD_USER_INPUT, NOT_FOUND, CONFLICT } = ErrorCode;

const infeasible = (meaning: string) =>
  ({
    codes: [BAD_USER_INPUT],
    field: 'registrations.<actorId>',
    meaning: `In schedule_infeasible problems: ${meaning}`,
  }) as const;

/** The optimiser's causes, sent as the reasons of schedule_infeasible's problems (exhaustive: one per ReasonCode). */
const INFEASIBILITY_REASONS = {
  'must-meet-conflict': infeasible('two must-meets of this participant cannot both be honoured.'),
  'must-meet-not-scheduled': infeasible('a must-meet pair found no compatible round.'),
  'must-meet-unavailable': infeasible('a must-meet partner is never available in the same round.'),
  'too-many-must-meets': infeasible('more must-meets than rounds available.'),
  'min-meetings-unreachable': infeasible('the minimum number of meetings cannot be reached.'),
  'min-meetings-not-reached': infeasible('fewer meetings scheduled than the minimum.'),
  'invalid-input': infeasible('the participant’s data is inconsistent.'),
  'too-few-tables': infeasible('not enough tables for this round.'),
  'locked-conflict': infeasible('a locked meeting contradicts the constraints.'),
  'repeated-pair': infeasible('a pair would sit together twice (tables format).'),
} as const satisfies Record<ReasonCode, ReasonDoc>;

/** Checker findings a manual swap may not introduce. */
export const HARD_VIOLATIONS = [
  'pair-twice',
  'must-not-meet',
  'excluded-pair',
  'same-side',
  'unavailable-round',
  'participant-twice-in-round',
  'unknown-participant',
] as const satisfies readonly Violation['kind'][];
export type HardViolation = (typeof HARD_VIOLATIONS)[number];

const refused = (meaning: string) =>
  ({ codes: [BAD_USER_INPUT], field: 'input', meaning: `Swap refused: ${meaning}` }) as const;

/** A swap's refusals: the reason (and those of problems) is the checker's finding. */
const SWAP_REFUSALS = {
  'pair-twice': refused('the pair would meet twice.'),
  'must-not-meet': refused('the pair must not meet.'),
  'excluded-pair': refused('the pair is excluded (already allied).'),
  'same-side': refused('both are on the same side of a BIPARTITE event.'),
  'unavailable-round': refused('a participant is not available in this round.'),
  'participant-twice-in-round': refused('a participant would sit twice in the round.'),
  'unknown-participant': refused('a participant is not registered.'),
} as const satisfies Record<HardViolation, ReasonDoc>;

/** Every reason of schedules: generation, review, publication, agendas (docs/errors.md). */
export const SCHEDULE_ERRORS = defineErrorReasons('Schedules (generation, review, publication, agendas)', {
  too_few_participants: {
    codes: [BAD_USER_INPUT],
    field: 'eventId',
    meaning: 'An event needs at least 2 participants to be planned.',
  },
  schedule_infeasible: {
    codes: [BAD_USER_INPUT],
    field: 'eventId',
    meaning: 'The constraints cannot all be honoured; `problems` names each participant and why.',
  },
  schedule_input: {
    codes: [BAD_USER_INPUT],
    field: 'eventId',
    meaning: 'The event’s data cannot be planned as is.',
  },
  no_schedule: {
    codes: [NOT_FOUND, BAD_USER_INPUT],
    field: 'eventId, keepLocked',
    meaning: 'The event has no schedule yet (BAD_USER_INPUT: none to keep locked meetings from).',
  },
  no_published_schedule: {
    codes: [NOT_FOUND],
    field: 'eventId',
    meaning: 'The event has no published schedule yet.',
  },
  not_registered: {
    codes: [NOT_FOUND, BAD_USER_INPUT],
    field: 'actorId, input.actorA, input.actorB',
    meaning: 'The actor is not a participant of this event.',
  },
  archived: { codes: [CONFLICT], field: 'meetingId', meaning: 'This schedule version is archived.' },
  not_draft: {
    codes: [CONFLICT],
    field: 'scheduleId, input.scheduleId',
    meaning: 'Only a draft schedule can be edited or published; re-pair a published one.',
  },
  locked: { codes: [CONFLICT], field: 'input', meaning: 'A locked meeting cannot change; unlock it first.' },
  round_out_of_range: {
    codes: [BAD_USER_INPUT],
    field: 'input.round, fromRound',
    meaning: 'The round is not one of the event’s rounds.',
  },
  same_actor: { codes: [BAD_USER_INPUT], field: 'input.actorB', meaning: 'Swap two different participants.' },
  nothing_to_swap: {
    codes: [BAD_USER_INPUT],
    field: 'input.round',
    meaning: 'Neither participant has a meeting in this round.',
  },
  same_meeting: {
    codes: [BAD_USER_INPUT],
    field: 'input.actorB',
    meaning: 'Both sit at the same table already.',
  },
  ...SWAP_REFUSALS,
  ...INFEASIBILITY_REASONS,
});
export const SCHEDULE_ERROR_REASONS = SCHEDULE_ERRORS.reasons;
export type ScheduleErrorReason = ReasonOf<typeof SCHEDULE_ERRORS>;
