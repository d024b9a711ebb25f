import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT } = ErrorCode;

/** Every reason of scoring profiles (docs/errors.md). */
export const SCORING_PROFILE_ERRORS = defineErrorReasons('Scoring profiles', {
  invalid_slug: {
    codes: [BAD_USER_INPUT],
    field: 'input.slug',
    meaning: 'A profile slug is lowercase letters, digits and dashes (at most 60).',
  },
  reserved_slug: {
    codes: [BAD_USER_INPUT],
    field: 'input.slug',
    meaning: '"default" is the built-in profile.',
  },
  not_profile_owner: {
    codes: [FORBIDDEN],
    field: 'input.slug',
    meaning: 'The profile belongs to another organisation.',
  },
  invalid_json: {
    codes: [BAD_USER_INPUT],
    field: 'input.definition',
    meaning: 'The definition is not a JSON object.',
  },
  invalid_profile: {
    codes: [BAD_USER_INPUT],
    field: 'input.weights.<key>, input.definition.<path>',
    meaning: 'The profile definition breaks a rule (each one in `problems`).',
  },
  unknown_scoring_profile: {
    codes: [NOT_FOUND],
    field: 'profileId',
    meaning: 'No scoring profile has this id.',
  },
  profile_version_taken: {
    codes: [CONFLICT],
    field: 'input.slug',
    meaning: 'The profile was saved concurrently; retry.',
  },
});
export const SCORING_PROFILE_ERROR_REASONS = SCORING_PROFILE_ERRORS.reasons;
export type ScoringProfileErrorReason = ReasonOf<typeof SCORING_PROFILE_ERRORS>;
