import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, FORBIDDEN } = ErrorCode;

/** Every reason of meeting follow-up: outcomes, feedback, surveys, statistics (docs/errors.md). */
export const FOLLOW_UP_ERRORS = defineErrorReasons('Follow-up (outcomes, feedback, surveys, statistics)', {
  not_event_organiser: {
    codes: [FORBIDDEN],
    field: 'organisationId',
    meaning: 'Statistics of another organisation.',
  },
  not_the_participant: {
    codes: [FORBIDDEN],
    field: 'actorId',
    meaning: "Follow-up contacts are personal data: only the participant's own editors see them.",
  },
  not_published: {
    codes: [BAD_USER_INPUT],
    field: 'input.meetingId',
    meaning: 'The meeting belongs to a schedule that was not played (not the published one).',
  },
  not_in_meeting: {
    codes: [BAD_USER_INPUT],
    field: 'input.actorId, input.partnerId',
    meaning: 'The actor was not at this meeting.',
  },
  required: {
    codes: [BAD_USER_INPUT],
    field: 'input.partnerId',
    meaning: 'At a table of more than two, name the partner the outcome is with.',
  },
  contradiction: {
    codes: [BAD_USER_INPUT],
    field: 'input.allianceFormed',
    meaning: 'An alliance needs the AGREEMENT outcome.',
  },
  in_future: {
    codes: [BAD_USER_INPUT],
    field: 'input.surveyedAt',
    meaning: 'The date cannot be in the future.',
  },
  before_event: {
    codes: [BAD_USER_INPUT],
    field: 'input.surveyedAt',
    meaning: 'The date cannot be before the event.',
  },
  out_of_range: { codes: [BAD_USER_INPUT], field: 'limit', meaning: 'The limit is outside 1 to 50.' },
});
export const FOLLOW_UP_ERROR_REASONS = FOLLOW_UP_ERRORS.reasons;
export type FollowUpErrorReason = ReasonOf<typeof FOLLOW_UP_ERRORS>;
