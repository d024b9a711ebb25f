import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { unavailableStore } from '@maillage/common';
import { JobHandler, JobName, JobsService, ScoringRequests, SweepTask, errorKind } from '@maillage/jobs';
import { OUTBOX_HANDLER, OutboxHandlerFn } from './outbox-handler.decorator';

const BATCH = 100;
/** Failures (other than a store outage) after which a row is dead-lettered (dead_at). */
export const OUTBOX_MAX_ATTEMPTS = 10;
/** Rows younger than this are left to the relay their write enqueued. */
const SWEEP_AFTER_MS = 2000;

interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** Raised after recording the failure, so BullMQ retries the relay with backoff. */
export class OutboxRelayError extends Error {}

/** Two handlers for one outbox kind: the worker refuses to start. */
export class OutboxContractError extends Error {}

/**
 * Relays pending outbox rows to the handler of their kind (`@OutboxHandler`, declared by the
 * owning domain); kinds no handler knows stay pending for a worker that knows them. Rows are
 * claimed with FOR UPDATE SKIP LOCKED (two relays never work on the same row), written with MERGE
 * (idempotent, so a crash between the Neo4j write and the commit only repeats a no-op), and marked
 * processed in the same transaction.
 * - A store outage (Neo4j unavailable) stops the batch: the rows stay pending and the job fails
 *   to be retried with backoff; such failures never dead-letter a row.
 * - Any other failure is the row's own: its attempt is counted, the relay goes on with the next
 *   rows (one bad row never blocks the others), and after OUTBOX_MAX_ATTEMPTS the row is
 *   dead-lettered (dead_at) and skipped from then on.
 * - The sweeper wakes the relay while relayable rows are pending (lost job, Redis down at write).
 */
@Injectable()
export class OutboxRelayJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxRelayJob.name);
  private readonly handlers = new Map<string, OutboxHandlerFn>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly scoring: ScoringRequests,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Finds every @OutboxHandler; one handler per kind. */
  onModuleInit(): void {
    const owners = new Map<string, string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const kind = this.reflector.get<string | undefined>(OUTBOX_HANDLER, proto[method]);
        if (!kind) continue;
        const owner = `${proto.constructor.name}.${method}`;
        if (owners.has(kind))
          throw new OutboxContractError(
            `outbox kind "${kind}" has two handlers (${owners.get(kind)}, ${owner})`,
          );
        owners.set(kind, owner);
        this.handlers.set(kind, (instance[method] as OutboxHandlerFn).bind(instance));
      }
    }
  }

  /** A worker starting after an outage drains what was left pending (e.g. an enqueue that failed). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.jobs.enqueue(JobName.RELAY_OUTBOX, {});
    } catch (err) {
      this.logger.warn(`could not enqueue the outbox relay at start: ${(err as Error).name}`);
    }
  }

  @JobHandler(JobName.RELAY_OUTBOX)
  async relay(): Promise<{ processed: number }> {
    let processed = 0;
    let failure: string | null = null;
    const tried: string[] = []; // rows that failed in this relay are not taken again by it
    for (;;) {
      const batch = await this.relayBatch(tried);
      processed += batch.done;
      tried.push(...batch.failedIds);
      failure ??= batch.failed;
      if (batch.outage || batch.total < BATCH) break;
    }
    if (failure) throw new OutboxRelayError(`outbox relay: ${failure}; ${processed} rows relayed`);
    return { processed };
  }

  /** Sweep task: wakes the relay while rows are pending (its job may have been lost with Redis). */
  @SweepTask('outbox')
  async sweep(): Promise<{ pending: number }> {
    const [{ pending }] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending FROM outbox
       WHERE processed_at IS NULL AND dead_at IS NULL AND kind = ANY($1)
         AND created_at < now() - make_interval(secs => $2)`,
      [[...this.handlers.keys()], SWEEP_AFTER_MS / 1000],
    )) as { pending: number }[];
    if (pending > 0) await this.jobs.enqueue(JobName.RELAY_OUTBOX, {});
    return { pending };
  }

  private async relayBatch(
    skip: string[],
  ): Promise<{ done: number; total: number; failed: string | null; failedIds: string[]; outage: boolean }> {
    const touched = new Set<string>();
    const result = await this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT id, kind, payload FROM outbox
         WHERE processed_at IS NULL AND dead_at IS NULL AND kind = ANY($1) AND NOT (id = ANY($2::uuid[]))
         ORDER BY created_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [[...this.handlers.keys()], skip],
      )) as OutboxRow[];
      const ok: string[] = [];
      const failedIds: string[] = [];
      let failed: string | null = null;
      let outage = false;
      for (const row of rows) {
        try {
          await this.apply(row, touched);
          ok.push(row.id);
        } catch (err) {
          // Error kind only: driver messages may echo parameters.
          failed ??= errorKind(err);
          failedIds.push(row.id);
          outage = unavailableStore(err) !== null;
          const [dead] = (await m.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
               dead_at = CASE WHEN $3 AND attempts + 1 >= $4 THEN now() ELSE NULL END
             WHERE id = $1 RETURNING dead_at`,
            [row.id, errorKind(err).slice(0, 200), !outage, OUTBOX_MAX_ATTEMPTS],
          )) as [{ dead_at: Date | null }[], number];
          if (dead?.[0]?.dead_at) this.logger.error(`outbox row ${row.id} dead-lettered: ${errorKind(err)}`);
          if (outage) break; // the store is down: leave the rest for the retry
        }
      }
      if (ok.length)
        await m.query(
          'UPDATE outbox SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])',
          [ok],
        );
      return { done: ok.length, failed, failedIds, total: rows.length, outage };
    });
    // E.g. alliances change scores (already-allied pairs are excluded): rescore, best effort.
    await this.scoring.rescoreActors(touched);
    return result;
  }

  private async apply(row: OutboxRow, touched: Set<string>): Promise<void> {
    const handler = this.handlers.get(row.kind);
    if (!handler) throw new Error(`unknown outbox kind ${row.kind}`);
    const handled = await handler(row.payload);
    for (const actorId of handled?.actorsToRescore ?? []) touched.add(actorId);
  }
}
