import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: written in the same PostgreSQL transaction as the business row (through
 * OutboxService), relayed by the RELAY_OUTBOX job to the handler its kind's owning domain
 * registered (e.g. an alliance written to Neo4j). Payloads carry ids only. `dedupeKey` makes the same fact (e.g. both
 * participants reporting the agreement) one row.
 */
@Entity('outbox')
@Index('IDX_outbox_pending', ['createdAt'], { where: '"processed_at" IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200, name: 'dedupe_key' })
  dedupeKey: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'processed_at', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /**
   * Dead letter: set after OUTBOX_MAX_ATTEMPTS failures that were not a store outage (a row its
   * handler keeps rejecting). The relay skips it, so it never blocks the rows behind it; an operator
   * may clear it to replay the row.
   */
  @Column({ type: 'timestamptz', name: 'dead_at', nullable: true })
  deadAt: Date | null;

  /** Error kind of the last failed relay (no message: driver messages may echo data). */
  @Column({ type: 'varchar', length: 200, name: 'last_error', nullable: true })
  lastError: string | null;
}

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const OUTBOX_ENTITIES = [OutboxEntity];
