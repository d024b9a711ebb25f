import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND } = ErrorCode;

/** Every reason of the reference data queries (docs/errors.md). */
export const REFERENCE_ERRORS = defineErrorReasons('Reference data (competences, territories)', {
  unknown_competence: { codes: [NOT_FOUND], field: 'id', meaning: 'No competence has this id.' },
  unknown_territory: { codes: [NOT_FOUND], field: 'code', meaning: 'No territory has this code.' },
  length: {
    codes: [BAD_USER_INPUT],
    field: 'namePrefix',
    meaning: 'The name prefix must be 1 to 100 characters.',
  },
});
export const REFERENCE_ERROR_REASONS = REFERENCE_ERRORS.reasons;
export type ReferenceErrorReason = ReasonOf<typeof REFERENCE_ERRORS>;
