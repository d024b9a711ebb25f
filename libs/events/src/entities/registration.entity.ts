import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ParticipantSide } from '../event-enums';

/** One actor taking part in an event. The representative's name and email are personal data. */
@Entity('registrations')
@Index(['eventId', 'actorId'], { unique: true })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @Column({ type: 'varchar', length: 40, name: 'actor_id' })
  actorId: string;

  @Column({ type: 'varchar', length: 1, nullable: true })
  side: ParticipantSide | null;

  @Column({ type: 'varchar', length: 200, name: 'representative_name', nullable: true })
  representativeName: string | null;

  @Column({ type: 'varchar', length: 320, name: 'representative_email', nullable: true })
  representativeEmail: string | null;

  /** 1-based rounds the participant attends; null = all. */
  @Column({ type: 'integer', array: true, name: 'available_rounds', nullable: true })
  availableRounds: number[] | null;

  @Column({ type: 'text', array: true, name: 'must_meet', default: '{}' })
  mustMeet: string[];

  @Column({ type: 'text', array: true, name: 'must_not_meet', default: '{}' })
  mustNotMeet: string[];

  @Column({ type: 'text', nullable: true })
  goals: string | null;

  @Column({ type: 'boolean', name: 'checked_in', default: false })
  checkedIn: boolean;

  @Column({ type: 'boolean', name: 'no_show', default: false })
  noShow: boolean;

  /** 1-based round from which the participant is absent (no-show or departure). */
  @Column({ type: 'integer', name: 'absent_from_round', nullable: true })
  absentFromRound: number | null;

  /** 1-based round from which a late participant is present (null = from the start). */
  @Column({ type: 'integer', name: 'present_from_round', nullable: true })
  presentFromRound: number | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
