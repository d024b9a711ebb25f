import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../role';

/** An account. The email is personal data: stored for login/recovery only, never logged. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** Actors this user may edit (role ACTOR_EDITOR). */
  @Column({ type: 'text', array: true, name: 'actor_ids', default: '{}' })
  actorIds: string[];

  /** scrypt hash (sign-in/password.ts); null for accounts that only use API keys. */
  @Column({ type: 'varchar', length: 200, name: 'password_hash', nullable: true, select: false })
  passwordHash: string | null;

  /** Set by disableUser: the account's keys and tokens stop working within AUTH_RECHECK_SECONDS. */
  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
