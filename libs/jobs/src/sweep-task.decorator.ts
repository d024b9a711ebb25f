import { SetMetadata } from '@nestjs/common';

export const SWEEP_TASK = Symbol('SWEEP_TASK');

/**
 * Marks a provider method the worker's sweeper runs on every sweep (at most one worker at a time),
 * e.g. the outbox waking its relay while rows are pending. It must be cheap, idempotent and may
 * throw (the sweeper logs the error's kind and tries again on the next sweep).
 */
export const SweepTask = (name: string) => SetMetadata(SWEEP_TASK, name);
