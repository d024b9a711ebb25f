import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ScheduleStatus } from '@maillage/events';
import type { StoredFairnessBound } from '@maillage/schedule-objectives';

/** Who could not be placed and why (ids and reason codes only). */
export interface StoredUnplaced {
  participantId: string;
  code: string;
  reason: string;
}

/**
 * The pair weights a schedule was optimised with: participant ids in order and the upper triangle
 * of integer weights (score × 10000). Kept so live re-pairing is reproducible and never needs Neo4j.
 */
export interface StoredWeights {
  ids: string[];
  /** Row-major upper triangle, i < j. */
  weights: number[];
  /** Pairs excluded because already allied. */
  excluded: [string, string][];
  /** Pairs one side declined (wish NO): never seated, whatever else is asked. */
  refused?: [string, string][];
}

@Entity('schedules')
@Index(['eventId', 'version'], { unique: true })
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 20, default: ScheduleStatus.DRAFT })
  status: ScheduleStatus;

  @Column({ type: 'text' })
  algorithm: string;

  @Column({ type: 'double precision', name: 'total_score' })
  totalScore: number;

  /** LP relaxation bound on totalScore; null when the solver did not finish. */
  @Column({ type: 'double precision', name: 'upper_bound', nullable: true })
  upperBound: number | null;

  @Column({ type: 'jsonb', default: [] })
  unplaced: StoredUnplaced[];

  /** What the optimiser maximised: SUM (total score) or FAIRNESS (the worst-off first). */
  @Column({ type: 'varchar', length: 10, default: 'SUM' })
  objective: 'SUM' | 'FAIRNESS';

  @Column({ type: 'jsonb', name: 'fairness_bound', nullable: true })
  fairnessBound: StoredFairnessBound | null;

  @Column({ type: 'jsonb', name: 'pair_weights' })
  pairWeights: StoredWeights;

  /** The job run that produced it: a retried job finds its schedule instead of saving a second one. */
  @Index({ unique: true })
  @Column({ type: 'uuid', name: 'job_run_id', nullable: true })
  jobRunId: string | null;

  /** Last live re-pairing: first (1-based) round re-planned. */
  @Column({ type: 'integer', name: 'repaired_from_round', nullable: true })
  repairedFromRound: number | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
