import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

/** Reasons of the personal-data requests (docs/errors.md). */
export const PERSONAL_DATA_ERRORS = defineErrorReasons('Personal data', {
  invalid_email: {
    codes: [ErrorCode.BAD_USER_INPUT],
    field: 'email',
    meaning: 'Not an e-mail address (or over 320 characters).',
  },
});
export type PersonalDataErrorReason = ReasonOf<typeof PERSONAL_DATA_ERRORS>;
