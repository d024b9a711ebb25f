import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingOutcome } from '@maillage/events';

/** One participant's feedback on one meeting (updated in place when given again). */
@Entity('feedback')
@Index(['meetingId', 'actorId'], { unique: true })
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @Column({ type: 'varchar', length: 40, name: 'actor_id' })
  actorId: string;

  /** The partner the outcome is about (the other participant of a pair, or one of a table). */
  @Column({ type: 'varchar', length: 40, name: 'partner_id', nullable: true })
  partnerId: string | null;

  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'boolean', name: 'wants_follow_up', default: false })
  wantsFollowUp: boolean;

  @Column({ type: 'varchar', length: 20, default: MeetingOutcome.NONE })
  outcome: MeetingOutcome;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
