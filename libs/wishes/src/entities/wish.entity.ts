import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { WishLevel } from '../wish-weights';

/**
 * One participant's wish about meeting another participant of the same event. Seen by the
 * participant's editors and the organising lab only; other participants never see it.
 */
@Entity('event_wishes')
@Index(['eventId', 'actorId', 'targetId'], { unique: true })
export class WishEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  /** The participant who expresses the wish. */
  @Column({ type: 'varchar', length: 40, name: 'actor_id' })
  actorId: string;

  /** The participant it is about. */
  @Column({ type: 'varchar', length: 40, name: 'target_id' })
  targetId: string;

  @Column({ type: 'varchar', length: 10 })
  level: WishLevel;

  /** Short free text for the lab (may hold personal data: never logged, never queued). */
  @Column({ type: 'varchar', length: 280, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
