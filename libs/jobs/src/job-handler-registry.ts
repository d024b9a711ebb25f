import { JobName } from './job-contract';
import { JobFailure } from './job-failure';

export type HandlerFn = (payload: unknown, ctx: JobContext) => Promise<unknown>;

export interface JobContext {
  jobId: string;
  attempt: number;
  updateProgress(progress: number): Promise<void>;
  /**
   * Registers clean-up the worker runs if it gives up on this job (the last attempt threw), before
   * it marks the job's run FAILED: e.g. drop an uploaded file that holds personal data.
   */
  onGiveUp(cleanup: () => Promise<void>): void;
}

/** What a handler declares beside its job name (see @JobHandler). */
export interface JobHandlerOptions<P = unknown> {
  /** The job run (job_runs id) this payload drives: the worker marks it FAILED when it gives up. */
  run?: (payload: P) => string;
  /** The FAILED run's message; default "<job name>: <error kind>". Gets the error's kind, never its message. */
  giveUpReason?: (failure: JobFailure) => string;
}

export interface JobHandlerMeta {
  name: JobName;
  options: JobHandlerOptions;
}

export interface RegisteredHandler extends JobHandlerMeta {
  owner: string;
  fn: HandlerFn;
}

export class JobContractError extends Error {}

/** The worker refuses to start when a job name has no handler, or two. */
export function buildHandlerTable<H extends { name: JobName; owner: string }>(found: H[]): Map<JobName, H> {
  const table = new Map<JobName, H>();
  const owners = new Map<JobName, string[]>();
  for (const handler of found) {
    owners.set(handler.name, [...(owners.get(handler.name) ?? []), handler.owner]);
    table.set(handler.name, handler);
  }
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const who = owners.get(name) ?? [];
    if (who.length === 0) problems.push(`job "${name}" has no handler`);
    if (who.length > 1) problems.push(`job "${name}" has ${who.length} handlers (${who.join(', ')})`);
  }
  if (problems.length) throw new JobContractError(`Worker cannot start: ${problems.join('; ')}`);
  return table;
}
