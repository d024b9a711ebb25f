import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AllianceForm } from '@maillage/domain';
import { EventFormat, EventStatus, SideRule } from '../event-enums';

/** A pause longer than the usual table change, after a given (1-based) round. */
export interface EventPause {
  afterRound: number;
  minutes: number;
}

/** A speed-meeting event run by a lab (its owning organisation). */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Column({ type: 'varchar', length: 300, default: '' })
  venue: string;

  /** IANA zone every time of the event is shown in (screen, PDF, CSV, ICS). */
  @Column({ type: 'varchar', length: 64, name: 'time_zone', default: 'Europe/Paris' })
  timeZone: string;

  @Column({ type: 'varchar', length: 20 })
  format: EventFormat;

  @Column({ type: 'varchar', length: 10, name: 'side_rule', nullable: true })
  sideRule: SideRule | null;

  /** Families or kinds (per sideRule) seated on side A / side B. */
  @Column({ type: 'text', array: true, name: 'side_a', default: '{}' })
  sideA: string[];

  @Column({ type: 'text', array: true, name: 'side_b', default: '{}' })
  sideB: string[];

  /** TABLES format: seats per table. */
  @Column({ type: 'integer', nullable: true })
  seats: number | null;

  @Column({ type: 'integer' })
  rounds: number;

  @Column({ type: 'integer', name: 'round_minutes' })
  roundMinutes: number;

  /** Table change between two rounds. */
  @Column({ type: 'integer', name: 'change_minutes', default: 2 })
  changeMinutes: number;

  @Column({ type: 'jsonb', default: [] })
  pauses: EventPause[];

  /** Max simultaneous meetings (pairs) or tables per round; null = as many as needed. */
  @Column({ type: 'integer', nullable: true })
  tables: number | null;

  @Column({ type: 'integer', name: 'min_meetings', nullable: true })
  minMeetings: number | null;

  @Column({ type: 'integer', name: 'max_meetings', nullable: true })
  maxMeetings: number | null;

  /** Form recorded for alliances born at this event unless the feedback names another. */
  @Column({ type: 'varchar', length: 20, name: 'alliance_form', default: AllianceForm.CO_PRODUCTION })
  allianceForm: AllianceForm;

  @Column({ type: 'integer', default: 1 })
  seed: number;

  /** Participants set their wishes until then (null: while registrations are open). */
  @Column({ type: 'timestamptz', name: 'wishes_deadline', nullable: true })
  wishesDeadline: Date | null;

  @Column({ type: 'varchar', length: 20, default: EventStatus.DRAFT })
  status: EventStatus;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
