import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingOutcome } from '@maillage/events';

/**
 * The outcome survey about six months after the event, one per meeting and pair of participants
 * (actorA < actorB). Recorded again, it is updated in place.
 */
@Entity('outcome_surveys')
@Index('IDX_outcome_surveys_pair', ['meetingId', 'actorA', 'actorB'], { unique: true })
export class OutcomeSurveyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_outcome_surveys' })
  id: string;

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @Index('IDX_outcome_surveys_event')
  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @Column({ type: 'varchar', length: 40, name: 'actor_a' })
  actorA: string;

  @Column({ type: 'varchar', length: 40, name: 'actor_b' })
  actorB: string;

  @Column({ type: 'timestamptz', name: 'surveyed_at' })
  surveyedAt: Date;

  @Column({ type: 'varchar', length: 20 })
  outcome: MeetingOutcome;

  @Column({ type: 'boolean', name: 'alliance_formed', default: false })
  allianceFormed: boolean;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
