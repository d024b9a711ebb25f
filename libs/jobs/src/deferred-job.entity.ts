import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A job whose enqueue failed because Redis was unavailable (e.g. the rescore after a profile edit),
 * kept in PostgreSQL until the worker's sweeper enqueues it. `dedupeKey` (the job's deterministic
 * or deduplication id) collapses repeated requests into one row: ten edits of an actor during an
 * outage make one rescore.
 */
@Entity('deferred_jobs')
export class DeferredJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 200, name: 'dedupe_key' })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 40, name: 'job_name' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
