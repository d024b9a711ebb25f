import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit of claims: an organiser took over the management of an actor managed by nobody
 * (`claimActor`). Who, for which organisation, when and why; read by admins (`actorClaims`).
 */
@Entity('actor_claims')
export class ActorClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 40, name: 'actor_id' })
  actorId: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'claimed_by' })
  claimedBy: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** This lib's tables, for the app-wide entity list. */
export const ACTOR_ENTITIES = [ActorClaimEntity];
