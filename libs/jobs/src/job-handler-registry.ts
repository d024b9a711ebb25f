import { JobName } from './job-contract';

export type HandlerFn = (payload: unknown, ctx: JobContext) => Promise<unknown>;

export interface JobContext {
  jobId: string;
  attempt: number;
  updateProgress(progress: number): Promise<void>;
}

export class JobContractError extends Error {}

/** The worker refuses to start when a job name has no handler, or two. */
export function buildHandlerTable(
  found: { name: JobName; owner: string; fn: HandlerFn }[],
): Map<JobName, HandlerFn> {
  const table = new Map<JobName, HandlerFn>();
  const owners = new Map<JobName, string[]>();
  for (const { name, owner, fn } of found) {
    owners.set(name, [...(owners.get(name) ?? []), owner]);
    table.set(name, fn);
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
