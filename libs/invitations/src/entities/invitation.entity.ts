import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@maillage/auth';

/**
 * An invitation to create an account (or give a password to an existing one) from a link. Only a
 * SHA-256 of the link's token is stored. The e-mail is personal data: kept for the account only,
 * never logged; erased with the invitation.
 */
@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Index()
  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'text', array: true, name: 'actor_ids', default: '{}' })
  actorIds: string[];

  @Column({ type: 'uuid', name: 'invited_by' })
  invitedBy: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  /** Set when the link is used: it never works twice. */
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;
}

export const INVITATION_ENTITIES = [InvitationEntity];
