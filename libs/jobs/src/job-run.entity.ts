import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type JobRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** A user-visible long-running job (scoring rebuild, CSV import, schedule generation). */
@Entity('job_runs')
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  scope: string;

  @Column({ type: 'varchar', length: 20, default: 'QUEUED' })
  status: JobRunStatus;

  /** 0..1 */
  @Column({ type: 'double precision', default: 0 })
  progress: number;

  @Column({ type: 'integer', name: 'total_units', default: 0 })
  totalUnits: number;

  @Column({ type: 'integer', name: 'done_units', default: 0 })
  doneUnits: number;

  @Column({ type: 'jsonb', default: {} })
  counts: Record<string, number>;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The job that drives the run and its payload, so the sweeper can enqueue it again if it is lost. */
  @Column({ type: 'varchar', length: 40, name: 'job_name', nullable: true })
  jobName: string | null;

  @Column({ type: 'jsonb', name: 'job_payload', nullable: true })
  jobPayload: Record<string, unknown> | null;

  /** Times the sweeper re-enqueued the run's job since its last progress (bounded: then FAILED). */
  @Column({ type: 'integer', default: 0 })
  recoveries: number;

  @Column({ type: 'uuid', name: 'requested_by', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}

/** The TypeORM entities this lib owns (job_runs), for the composition in libs/entities. */
