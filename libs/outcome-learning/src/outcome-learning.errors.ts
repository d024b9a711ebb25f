import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, FORBIDDEN } = ErrorCode;

/** Every reason of learning weights from outcomes (docs/errors.md). */
export const OUTCOME_LEARNING_ERRORS = defineErrorReasons('Outcome learning (suggested scoring profiles)', {
  not_lab_organiser: {
    codes: [FORBIDDEN],
    field: 'organisationId',
    meaning: 'Only the organisers of that lab (or an admin) may learn from its outcomes.',
  },
  not_enough_outcomes: {
    codes: [BAD_USER_INPUT],
    field: 'organisationId',
    meaning:
      'Too few met pairs with a known outcome: at least 8 that reached an agreement and 8 that did not (the message gives the counts).',
  },
});
export type OutcomeLearningErrorReason = ReasonOf<typeof OUTCOME_LEARNING_ERRORS>;
