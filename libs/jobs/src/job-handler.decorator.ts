import { SetMetadata } from '@nestjs/common';
import { JobName, JobPayload } from './job-contract';
import { JobContext, JobHandlerMeta, JobHandlerOptions } from './job-handler-registry';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** The shape a handler of job N must accept: its payload type follows the job name. */
export type JobHandlerMethod<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: JobContext,
) => Promise<unknown>;

/** A job whose payload names a run must say so (`run`), so no run can be left QUEUED/RUNNING. */
type HandlerOptionsArgs<N extends JobName> =
  JobPayload<N> extends { runId: string }
    ? [options: JobHandlerOptions<JobPayload<N>> & { run: (payload: JobPayload<N>) => string }]
    : [options?: JobHandlerOptions<JobPayload<N>>];

/**
 * Marks a provider method as the handler of one job name; the worker discovers them at boot.
 * Typed: a method whose parameters do not accept `JobPayload<N>` (or that is not async) does not
 * compile. With `run`, the worker fails that run when the last attempt throws, so the handler
 * itself never checks which attempt it is.
 *
 *   @JobHandler(JobName.SCORING_CHUNK, { run: (p) => p.runId })
 *   chunk(payload: JobPayload<JobName.SCORING_CHUNK>) { ... }
 */
export function JobHandler<N extends JobName>(name: N, ...[options]: HandlerOptionsArgs<N>) {
  const meta: JobHandlerMeta = { name, options: (options ?? {}) as JobHandlerOptions };
  // The generic M keeps the method's own return type; its constraint checks the parameters.
  return <M extends JobHandlerMethod<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(JOB_HANDLER, meta)(target, key, descriptor);
  };
}
