import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving a request or running a job carries. Ids only. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  job?: string;
  queue?: string;
  attempt?: number;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` attached to every log line it writes (and to its async continuations). */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
