import { SetMetadata } from '@nestjs/common';

export const OUTBOX_HANDLER = 'maillage:outbox-handler';

/** What a handler reports back to the relay. */
export interface OutboxHandled {
  /**
   * Actors whose scores the applied fact changes; the relay rescores them once the batch is
   * committed, best effort.
   */
  actorsToRescore?: readonly string[];
}

/**
 * Applies one outbox row of its kind. It runs inside the relay's claim transaction, before the row
 * is marked processed, and may run again after a crash: it must be idempotent (e.g. a MERGE).
 */
export type OutboxHandlerFn = (payload: Record<string, unknown>) => Promise<OutboxHandled | void>;

/**
 * Marks the method that applies outbox rows of `kind`. The owning domain declares it on a provider
 * of its worker module; the relay discovers it, so the outbox knows no domain.
 */
export const OutboxHandler = (kind: string) => SetMetadata(OUTBOX_HANDLER, kind);
