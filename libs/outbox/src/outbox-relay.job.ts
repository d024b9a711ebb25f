import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorsRepository } from '@maillage/actors';
import { JobHandler, JobName, JobsService } from '@maillage/jobs';
import { ALLIANCE_FROM_EVENT, AllianceFromEventPayload } from './outbox';

const BATCH = 100;
/** Kinds this relay can apply; others stay pending for a worker that knows them. */
const KNOWN_KINDS = [ALLIANCE_FROM_EVENT];

interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** Raised after recording the failure, so BullMQ retries the relay with backoff. */
export class OutboxRelayError extends Error {}

/**
 * Relays pending outbox rows to Neo4j. Rows are claimed with FOR UPDATE SKIP LOCKED (two relays
 * never work on the same row), written with MERGE (idempotent, so a crash between the Neo4j write
 * and the commit only repeats a no-op), and marked processed in the same transaction. When Neo4j
 * fails the row stays pending with its attempt counted, and the job fails to be retried later.
 */
@Injectable()
export class OutboxRelayJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxRelayJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorsRepository,
    private readonly jobs: JobsService,
  ) {}

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
        [KNOWN_KINDS],
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
    for (const actorId of touched) {
      // Alliances change scores (already-allied pairs are excluded): rescore, best effort.
      await this.jobs.enqueue(JobName.SCORE_ACTOR, { actorId }).catch(() => undefined);
    }
    return { done: result.failed ? result.done : result.total, failed: result.failed };
  }

  private async apply(row: OutboxRow, touched: Set<string>): Promise<void> {
    if (row.kind === ALLIANCE_FROM_EVENT) {
      const p = row.payload as unknown as AllianceFromEventPayload;
      await this.actors.recordAlliance(p.a, p.b, p.form, p.since, 'event');
      touched.add(p.a);
      touched.add(p.b);
      return;
    }
    throw new Error(`unknown outbox kind ${row.kind}`);
  }
}
