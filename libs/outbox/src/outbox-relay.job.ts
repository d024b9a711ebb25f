import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler, JobName, JobsService, ScoringRequests } from '@maillage/jobs';
import { OUTBOX_HANDLER, OutboxHandlerFn } from './outbox-handler.decorator';

const BATCH = 100;

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
 * owning domain); kinds no handler knows stay pending for a worker that knows them. Rows are claimed with FOR UPDATE SKIP LOCKED (two relays
 * never work on the same row), written with MERGE (idempotent, so a crash between the Neo4j write
 * and the commit only repeats a no-op), and marked processed in the same transaction. When the store
 * fails the row stays pending with its attempt counted, and the job fails to be retried later.
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
    for (;;) {
      const { done, failed } = await this.relayBatch();
      processed += done;
      if (failed) throw new OutboxRelayError(`outbox relay: ${failed}; ${processed} rows relayed before`);
      if (done < BATCH) return { processed };
    }
  }

  private async relayBatch(): Promise<{ done: number; failed: string | null }> {
    const touched = new Set<string>();
    const result = await this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT id, kind, payload FROM outbox WHERE processed_at IS NULL AND kind = ANY($1)
         ORDER BY created_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [[...this.handlers.keys()]],
      )) as OutboxRow[];
      const ok: string[] = [];
      let failed: string | null = null;
      for (const row of rows) {
        try {
          await this.apply(row, touched);
          ok.push(row.id);
        } catch (err) {
          // Error kind only: driver messages may echo parameters.
          failed = `${(err as Error).name}${(err as { code?: string }).code ? ` ${(err as { code?: string }).code}` : ''}`;
          await m.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
            row.id,
            failed.slice(0, 200),
          ]);
          break; // the store is likely down: leave the rest for the retry
        }
      }
      if (ok.length)
        await m.query(
          'UPDATE outbox SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])',
          [ok],
        );
      return { done: ok.length, failed, total: rows.length };
    });
    // E.g. alliances change scores (already-allied pairs are excluded): rescore, best effort.
    await this.scoring.rescoreActors(touched);
    return { done: result.failed ? result.done : result.total, failed: result.failed };
  }

  private async apply(row: OutboxRow, touched: Set<string>): Promise<void> {
    const handler = this.handlers.get(row.kind);
    if (!handler) throw new Error(`unknown outbox kind ${row.kind}`);
    const handled = await handler(row.payload);
    for (const actorId of handled?.actorsToRescore ?? []) touched.add(actorId);
  }
}
