import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, JobsService } from '@maillage/jobs';
import { metrics } from '@maillage/observability';

/** A fact for another store. Payloads carry ids, forms and dates; never personal data. */
export interface OutboxMessage {
  kind: string;
  /** Makes the same fact (e.g. reported by both participants) one row: a second write is a no-op. */
  dedupeKey: string;
  payload: object;
}

/** Writes a message with the transaction's manager, so it commits or rolls back with the business rows. */
export type OutboxWrite = (message: OutboxMessage) => Promise<void>;

/** The one way to write to the outbox: in the caller's transaction, then the relay is woken. */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {
    metrics.setOutboxSource(() => this.counts());
  }

  /** Rows waiting to be relayed and rows given up (dead letters), for the metrics (pending-row index). */
  async counts(): Promise<{ pending: number; dead: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE dead_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead
       FROM outbox WHERE processed_at IS NULL`,
    )) as { pending: number; dead: number }[];
    return row;
  }

  /**
   * Runs `work` in one PostgreSQL transaction; the messages it writes through `write` share it.
   * Once committed, and when something was written, the relay is enqueued. Best effort, and it
   * never waits on Redis: if Redis is down the rows stay pending and the worker's sweeper wakes the
   * relay once Redis is back (OutboxRelayJob.sweep).
   */
  async transaction<T>(work: (m: EntityManager, write: OutboxWrite) => Promise<T>): Promise<T> {
    let written = 0;
    const result = await this.dataSource.transaction((m) =>
      work(m, async (message) => {
        await m.query(
          `INSERT INTO outbox (kind, dedupe_key, payload) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [message.kind, message.dedupeKey, JSON.stringify(message.payload)],
        );
        written++;
      }),
    );
    if (written > 0) {
      await this.jobs.enqueue(JobName.RELAY_OUTBOX, {}).catch((err: Error) => {
        this.logger.warn(`could not enqueue the outbox relay: ${err.name}`);
      });
    }
    return result;
  }

  /** Rows of a kind whose payload has `field` = `value`: already relayed, and still pending. */
  async progress(kind: string, field: string, value: string): Promise<{ done: number; pending: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NOT NULL)::int AS done,
              count(*) FILTER (WHERE processed_at IS NULL)::int AS pending
       FROM outbox WHERE kind = $1 AND payload->>$2 = $3`,
      [kind, field, value],
    )) as { done: number; pending: number }[];
    return row;
  }
}
