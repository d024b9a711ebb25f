import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND } = ErrorCode;

/** Every reason of complementarity and scoring runs (docs/errors.md). */
export const COMPLEMENTARITY_ERRORS = defineErrorReasons('Complementarity and scoring', {
  unknown_actor: {
    codes: [NOT_FOUND],
    field: 'actorId, a, b',
    meaning: 'No actor has this id, or the caller may not see it.',
  },
  unknown_territory: {
    codes: [NOT_FOUND, BAD_USER_INPUT],
    field: 'territory, scope.territory',
    meaning: 'The territory code is not in the reference data.',
  },
  limit_above_stored: {
    codes: [BAD_USER_INPUT],
    field: 'limit',
    meaning: 'More partners asked than are stored per actor (20 blended, 10 per alliance form).',
  },
  invalid_sdg: { codes: [BAD_USER_INPUT], field: 'sdgs.<i>', meaning: 'Not an SDG number (1 to 17).' },
  actor_or_territory: {
    codes: [BAD_USER_INPUT],
    field: 'actorId',
    meaning: 'Give exactly one of actorId and territory.',
  },
  unknown_scoring_run: { codes: [NOT_FOUND], field: 'id', meaning: 'No scoring run has this id.' },
});
export const COMPLEMENTARITY_ERROR_REASONS = COMPLEMENTARITY_ERRORS.reasons;
export type ComplementarityErrorReason = ReasonOf<typeof COMPLEMENTARITY_ERRORS>;
