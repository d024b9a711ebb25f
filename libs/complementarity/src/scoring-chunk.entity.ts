import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One chunk of a scoring rebuild. The actor ids are frozen when the run is planned, so chunks
 * stay meaningful if actors are added meanwhile; `completedAt` makes a redelivered chunk a no-op.
 */
@Entity('scoring_chunks')
export class ScoringChunkEntity {
  @PrimaryColumn({ type: 'uuid', name: 'run_id' })
  runId: string;

  @PrimaryColumn({ type: 'integer' })
  chunk: number;

  @Column({ type: 'text', array: true, name: 'actor_ids' })
  actorIds: string[];

  @Column({ type: 'integer', default: 0 })
  edges: number;

  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt: Date | null;
}

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const COMPLEMENTARITY_ENTITIES = [ScoringChunkEntity];
