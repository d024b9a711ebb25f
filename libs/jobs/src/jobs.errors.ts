import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { NOT_FOUND } = ErrorCode;

/** Every reason of job runs (docs/errors.md). */
export const JOB_ERRORS = defineErrorReasons('Job runs', {
  unknown_job_run: { codes: [NOT_FOUND], field: 'id', meaning: 'No job run has this id.' },
});
export const JOB_ERROR_REASONS = JOB_ERRORS.reasons;
export type JobErrorReason = ReasonOf<typeof JOB_ERRORS>;
