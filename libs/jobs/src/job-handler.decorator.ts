import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-contract';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider method as the handler of one job name; the worker discovers them at boot. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);
