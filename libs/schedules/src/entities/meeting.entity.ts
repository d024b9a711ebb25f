import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Why a meeting was proposed: the score's components, shared causes and warnings (no personal data). */
export interface MeetingExplanation {
  pairs: {
    a: string;
    b: string;
    score: number;
    components: { name: string; contribution: number }[];
    sharedCauses: number[];
    warnings: string[];
    /** Needs of a covered by b, and of b covered by a (competence labels). */
    aGets: string[];
    bGets: string[];
  }[];
}

@Entity('meetings')
@Index(['scheduleId', 'round'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'schedule_id' })
  scheduleId: string;

  /** 1-based. */
  @Column({ type: 'integer' })
  round: number;

  /** 1-based table number, unique within the round. */
  @Column({ type: 'integer', name: 'table_number' })
  tableNumber: number;

  @Column({ type: 'text', array: true, name: 'participant_ids' })
  participantIds: string[];

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb', nullable: true })
  explanation: MeetingExplanation | null;

  @Column({ type: 'boolean', default: false })
  locked: boolean;
}
